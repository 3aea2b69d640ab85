/// Splits text into word, number and punctuation tokens with Unicode scalar offsets.
///
/// Words keep inner apostrophes and hyphens (`don't`, `Euro-Atlantic`); numbers keep inner
/// `.` and `,` (`3.5`, `1,000`). Han, Hiragana and Katakana letters are one token each, since
/// those scripts do not separate words with spaces.
public struct Tokenizer: Sendable {
    private let classes: CharacterClasses

    /// Creates a tokenizer.
    public init() {
        classes = CharacterClasses()
    }

    /// The tokens of `scalars`.
    public func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if classes.isSpace(scalar) {
                index += 1
                continue
            }
            if scalar.value >= 0x2E80, let script = Script(letter: scalar), script.isIdeographic {
                tokens.append(Token(span: TextSpan(start: index, end: index + 1), kind: .word))
                index += 1
                continue
            }
            if classes.isWordCharacter(scalar) {
                let start = index
                var hasLetter = false
                while index < count {
                    let current = scalars[index]
                    if current.value >= 0x2E80, let script = Script(letter: current), script.isIdeographic { break }
                    if classes.isWordCharacter(current) {
                        if !classes.isDigit(current) && !classes.isMark(current) { hasLetter = true }
                        index += 1
                        continue
                    }
                    // Inner joiners: an apostrophe or hyphen between letters, a point or comma between digits.
                    if index + 1 < count, index > start, classes.isWordCharacter(scalars[index + 1]) {
                        let before = scalars[index - 1]
                        let after = scalars[index + 1]
                        if classes.isJoiner(current) && !classes.isDigit(before) && !classes.isDigit(after) {
                            index += 1
                            continue
                        }
                        if (current == "." || current == ",") && classes.isDigit(before) && classes.isDigit(after) {
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
        CharacterClasses.shared.isSpace(scalar)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClasses.shared.isWordCharacter(scalar)
    }
}

/// Character classes from ``ScalarTable``, held in a value so hot loops index a local array.
struct CharacterClasses: Sendable {
    static let shared = CharacterClasses()

    private let table = ScalarTable.flags

    @inline(__always)
    func flags(_ scalar: Unicode.Scalar) -> UInt8 {
        ScalarTable.flags(of: scalar, in: table)
    }

    func isSpace(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & ScalarTable.space != 0 }
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & ScalarTable.digit != 0 }
    func isMark(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & ScalarTable.mark != 0 }
    func isLowercase(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & ScalarTable.lowercase != 0 }
    func isUppercase(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & ScalarTable.uppercase != 0 }

    func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        flags(scalar) & (ScalarTable.letter | ScalarTable.digit | ScalarTable.mark) != 0
    }

    func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "‐" || scalar == "·"
    }
}
