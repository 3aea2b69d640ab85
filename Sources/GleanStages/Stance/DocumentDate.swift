import GleanCore

/// Reads the year a document was written from its date field.
public enum DocumentDate {
    /// The years a document date may give.
    public static let years = 1000...2999

    /// The year of a date field's `value`: a string as ``year(of:)-(String)`` reads it, or a whole
    /// number in ``years``; `nil` for anything else.
    public static func year(of value: JSONValue) -> Int? {
        if let text = value.stringValue { return year(of: text) }
        return value.intValue.flatMap { years.contains($0) ? $0 : nil }
    }

    /// The year of `value`, spaces around it aside: a year (`"1963"`) or an ISO 8601 date or time
    /// beginning with one (`"1963-09"`, `"2026-11-23"`, `"2026-11-23T08:00:00Z"`, `"20261123"`),
    /// its month and day checked when it gives them; `nil` for anything else or a year outside
    /// ``years``.
    public static func year(of value: String) -> Int? {
        let scalars = Array(value.unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        // The number written at `range` when it is all digits and within `allowed`.
        func number(_ range: Range<Int>, within allowed: ClosedRange<Int>) -> Int? {
            guard range.upperBound <= scalars.count, scalars[range].allSatisfy({ ("0"..."9").contains($0) }),
                let value = Int(String(String.UnicodeScalarView(scalars[range]))), allowed.contains(value)
            else { return nil }
            return value
        }
        // Whether the date ends at `index`, or a time follows it.
        func ends(at index: Int) -> Bool { scalars.count == index || scalars[index] == "T" }
        guard let year = number(0..<4, within: years) else { return nil }
        if ends(at: 4) { return year }
        // Basic form: YYYYMMDD.
        if scalars.count == 8 {
            return number(4..<6, within: 1...12) != nil && number(6..<8, within: 1...31) != nil ? year : nil
        }
        // Extended form: YYYY-MM, YYYY-MM-DD, then a time.
        guard scalars[4] == "-", number(5..<7, within: 1...12) != nil else { return nil }
        if scalars.count == 7 { return year }
        guard scalars[7] == "-", number(8..<10, within: 1...31) != nil, ends(at: 10) else { return nil }
        return year
    }
}
