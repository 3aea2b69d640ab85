/// Splits text into word, number and punctuation tokens with Unicode scalar offsets.
///
/// Words keep inner apostrophes and hyphens (`don't`, `Euro-Atlantic`); numbers keep inner
/// `.` and `,` (`3.5`, `1,000`). Han, Hiragana and Katakana letters are one token each, since
/// those scripts do not separate words with spaces.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The tokens of `scalars`.
    public func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                index += 1
                continue
            }
            if let script = Script(letter: scalar), script.isIdeographic {
                tokens.append(Token(span: TextSpan(start: index, end: index + 1), kind: .word))
                index += 1
                continue
            }
            if Self.isWordCharacter(scalar) {
                let start = index
                var hasLetter = false
                while index < count {
                    let current = scalars[index]
                    if let script = Script(letter: current), script.isIdeographic { break }
                    if Self.isWordCharacter(current) {
                        if !Self.isDigit(current) && !Self.isMark(current) { hasLetter = true }
                        index += 1
                        continue
                    }
                    // Inner joiners: an apostrophe or hyphen between letters, a point or comma between digits.
                    if index + 1 < count, index > start, Self.isWordCharacter(scalars[index + 1]) {
                        let before = scalars[index - 1]
                        let after = scalars[index + 1]
                        if Self.isJoiner(current) && !Self.isDigit(before) && !Self.isDigit(after) {
                            index += 1
                            continue
                        }
                        if (current == "." || current == ",") && Self.isDigit(before) && Self.isDigit(after) {
                            index += 1
                            continue
                        }
                    }
                    break
                }
                tokens.append(Token(span: TextSpan(start: start, end: index), kind: hasLetter ? .word : .number))
                continue
            }
            tokens.append(Token(span: TextSpan(start: index, end: index + 1), kind: .punctuation))
            index += 1
        }
        return tokens
    }

    /// The tokens of `text`.
    public func tokens(in text: String) -> [Token] {
        tokens(in: Array(text.unicodeScalars))
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
                || (0x61...0x7A).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || isDigit(scalar) || isMark(scalar)
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "‐" || scalar == "·"
    }
}
