/// Reads the year a document was written from its date field.
public enum DocumentDate {
    /// The years a document date may give.
    public static let years = 1000...2999

    /// The year of `value`, spaces around it aside: a year (`"1963"`) or an ISO 8601 date or time
    /// beginning with one (`"1963-09"`, `"2026-11-23"`, `"2026-11-23T08:00:00Z"`, `"20261123"`),
    /// its month and day checked when it gives them; `nil` for anything else or a year outside
    /// ``years``.
    public static func year(of value: String) -> Int? {
        let scalars = Array(value.unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count, scalars[range].allSatisfy({ ("0"..."9").contains($0) }) else {
                return nil
            }
            return Int(String(String.UnicodeScalarView(scalars[range])))
        }
        guard let year = number(0..<4), years.contains(year) else { return nil }
        var rest = scalars.count > 4 ? String(String.UnicodeScalarView(scalars[4...])) : ""
        if rest.isEmpty || rest.first == "T" { return year }
        // Basic form: YYYYMMDD.
        if scalars.count == 8, let month = number(4..<6), let day = number(6..<8) {
            return (1...12).contains(month) && (1...31).contains(day) ? year : nil
        }
        // Extended form: YYYY-MM, YYYY-MM-DD, then a time.
        guard rest.first == "-", let month = number(5..<7), (1...12).contains(month) else { return nil }
        rest = scalars.count > 7 ? String(String.UnicodeScalarView(scalars[7...])) : ""
        if rest.isEmpty { return year }
        guard rest.first == "-", let day = number(8..<10), (1...31).contains(day) else { return nil }
        return scalars.count == 10 || scalars[10] == "T" ? year : nil
    }
}
