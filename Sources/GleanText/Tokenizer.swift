/// Splits text into word, number and punctuation tokens with Unicode scalar offsets.
///
/// Words keep inner apostrophes and hyphens (`don't`, `Euro-Atlantic`); numbers keep inner
/// `.` and `,` (`3.5`, `1,000`). A period belongs to the word before it after a known
/// abbreviation (`Mr.`, `Dec.`) and in initials and dotted acronyms (`J.`, `U.S.`, `U.N.`). Han, Hiragana and Katakana letters are one token each, since
/// those scripts do not separate words with spaces.
public struct Tokenizer: Sendable {
    private let classes: CharacterClasses
    private let abbreviations: Set<String>

    /// Creates a tokenizer that keeps the period of `abbreviations` (lower case, without the
    /// period; by default the sentence splitter's English list).
    public init(abbreviations: Set<String> = SentenceSplitter.englishAbbreviations) {
        classes = CharacterClasses()
        self.abbreviations = abbreviations
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
                if hasLetter && index < count && scalars[index] == "." {
                    index = periodEnd(scalars, wordStart: start, period: index)
                }
                tokens.append(Token(span: TextSpan(start: start, end: index), kind: hasLetter ? .word : .number))
                continue
            }
            tokens.append(Token(span: TextSpan(start: index, end: index + 1), kind: .punctuation))
            index += 1
        }
        return tokens
    }

    /// Where a word followed by a period at `period` ends: after the period (and any further
    /// `X.` pairs) for an abbreviation, initial or dotted acronym; at the period otherwise.
    private func periodEnd(_ scalars: [Unicode.Scalar], wordStart: Int, period: Int) -> Int {
        let count = scalars.count
        if period - wordStart == 1 && classes.isUppercase(scalars[wordStart]) {
            // An initial or a dotted acronym: U.S., U.N., J.
            var end = period + 1
            while end + 1 < count, classes.isWordCharacter(scalars[end]), !classes.isDigit(scalars[end]), scalars[end + 1] == "."
            {
                end += 2
            }
            return end
        }
        let word = String(scalars: scalars[wordStart..<period]).lowercased()
        return abbreviations.contains(word) ? period + 1 : period
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
