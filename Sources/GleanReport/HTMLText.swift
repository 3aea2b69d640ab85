/// Escaping and number formatting for the report's HTML and SVG.
enum HTMLText {
    /// `text` with `& < > " '` escaped, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// An id fragment from arbitrary text: letters, digits, `-` and `_`, the rest as `_`.
    static func slug(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                return isSafe || scalar == "-" ? Character(scalar) : "_"
            })
    }

    /// `1234567` as `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` with `places` decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded)
        var text = (value < 0 && rounded > 0 ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = Int(((rounded - Double(whole)) * scale).rounded())
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, places - digits.count)) + digits
        }
        return text
    }

    /// A signed score: `+0.42`, `−0.10`.
    static func signed(_ value: Double) -> String {
        (value >= 0.0005 ? "+" : value <= -0.0005 ? "−" : "") + decimal(abs(value), places: 2)
    }
}
