/// Reads the year a document was written from its date field.
public enum DocumentDate {
    /// The year of `value`: a year (`"1963"`) or an ISO 8601 date or time beginning with one
    /// (`"1963-09"`, `"2026-11-23"`, `"2026-11-23T08:00:00Z"`); `nil` for anything else.
    public static func year(of value: String) -> Int? {
        let scalars = Array(value.unicodeScalars.drop { $0 == " " })
        guard scalars.count >= 4, scalars[..<4].allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        guard scalars.count == 4 || scalars[4] == "-" || scalars[4] == "T" else { return nil }
        return Int(String(String.UnicodeScalarView(scalars[..<4])))
    }
}
