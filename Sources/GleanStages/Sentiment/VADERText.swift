/// How VADER reads text: Python's notions of white space, punctuation and upper case, so
/// tokens come out as in the reference implementation.
enum VADERText {
    /// Python's `str.isspace()`: Unicode white space plus the ASCII separators U+001C…U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// ASCII punctuation (Python's `string.punctuation`).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// Python's `str.isupper()`: at least one cased letter, and none lower or title case.
    static func isUpper(_ token: Substring) -> Bool {
        var cased = false
        for scalar in token.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                if scalar.value >= 0x41 && scalar.value <= 0x5A { cased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// The token lower-cased, without allocating when it already is (ASCII fast path).
    static func lowercase(_ token: Substring) -> String {
        var needsWork = false
        for byte in token.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
            needsWork = true
            break
        }
        return needsWork ? token.lowercased() : String(token)
    }
}
