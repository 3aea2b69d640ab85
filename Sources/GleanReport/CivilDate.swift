/// Dates as days since 1970-01-01 (proleptic Gregorian), read from the start of ISO 8601 text.
public enum CivilDate {
    /// The day of `text` when it starts with `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a timestamp's
    /// time is ignored); `nil` otherwise.
    public static func day(_ text: String) -> Int? {
        var digits: [Int] = []
        var parts: [Int] = []
        for byte in text.utf8.prefix(10) {
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(Int(byte - 0x30))
            } else if byte == UInt8(ascii: "-") {
                parts.append(digits.reduce(0) { $0 * 10 + $1 })
                digits = []
            } else {
                break
            }
        }
        if !digits.isEmpty { parts.append(digits.reduce(0) { $0 * 10 + $1 }) }
        guard let year = parts.first, year >= 1000, year <= 9999 else { return nil }
        let month = parts.count > 1 ? parts[1] : 1
        let day = parts.count > 2 ? parts[2] : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (`civil_from_days`).
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
