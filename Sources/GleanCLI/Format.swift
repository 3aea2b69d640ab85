import Foundation

/// Number formatting for people: `12,345`, `3.4`, `1:02:03`.
enum Format {
    /// An integer with thousands separators.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// A rate for people: whole numbers from 100 up (`2,469`), one decimal from 1 (`12.5`),
    /// two below (`0.68`), so that a slow run does not show `0`.
    static func rate(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0" }
        if value >= 99.5 { return count(Int(value.rounded())) }
        if value >= 0.995 { return decimal(value, places: 1) }
        return decimal(value, places: 2)
    }

    /// A number with a fixed number of decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// Seconds as `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    /// Bytes in MB (10^6), one decimal.
    static func megabytes(_ bytes: Int) -> String {
        decimal(Double(bytes) / 1_000_000, places: 1) + " MB"
    }
}
