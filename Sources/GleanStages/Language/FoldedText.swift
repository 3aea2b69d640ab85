import GleanText

/// A text reduced for the language detector: its letters folded to lower case, split into
/// words at every non-letter, each word with the script of its first letter.
struct FoldedText {
    /// A word: a range of ``letters`` and a script ordinal.
    struct Word {
        var start: Int32
        var end: Int32
        var script: UInt8
        /// Whether the word starts with a capital and is not the text's first word (likely a
        /// name, which says little about the language around it).
        var isName: Bool
    }

    private(set) var letters: [UInt32] = []
    private(set) var words: [Word] = []
    private(set) var scriptCounts = [Int](repeating: 0, count: Script.allCases.count)
    private(set) var letterCount = 0
    private var wordStart = 0
    private var wordScript: UInt8 = 0
    private var wordCapitalised = false

    init() {
        letters.reserveCapacity(256)
    }

    /// Adds a text, leaving out web addresses, e-mail addresses and handles (chunks between
    /// spaces holding `://` or `@`, or starting with `www.`): their letters are not language.
    mutating func add(_ scalars: some Sequence<Unicode.Scalar>) {
        var chunk: [Unicode.Scalar] = []
        for scalar in scalars {
            if scalar.value < 0x80 ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                flush(&chunk)
                endWord()
            } else {
                chunk.append(scalar)
            }
        }
        flush(&chunk)
        endWord()
    }

    private mutating func flush(_ chunk: inout [Unicode.Scalar]) {
        defer { chunk.removeAll(keepingCapacity: true) }
        if Self.isAddress(chunk) { return }
        for scalar in chunk { add(scalar) }
    }

    /// Whether a chunk between spaces is a web or e-mail address or a handle.
    static func isAddress(_ chunk: [Unicode.Scalar]) -> Bool {
        for index in chunk.indices {
            let scalar = chunk[index]
            if scalar == "@" { return true }
            if scalar == "/" && index >= 2 && chunk[index - 1] == "/" && chunk[index - 2] == ":" { return true }
        }
        guard chunk.count > 4 else { return false }
        for (index, expected) in Self.www.enumerated() where lowercaseOpening(chunk[index]) != expected { return false }
        return true
    }

    /// The first four scalars of a web address that starts `www.`, lower case.
    private static let www: [Unicode.Scalar] = ["w", "w", "w", "."]

    /// The first scalar of `scalar`'s lower-case mapping (`scalar` when the mapping is empty):
    /// ASCII without the property lookup, which builds a string for every scalar.
    private static func lowercaseOpening(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
        }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Adds the next scalar of the text.
    @inline(__always)
    mutating func add(_ scalar: Unicode.Scalar) {
        guard let letter = LetterFolding.fold(scalar) else {
            endWord()
            return
        }
        if letters.count == wordStart {
            wordScript = UInt8(letter.script.ordinal)
            wordCapitalised = letter.scalar != scalar
        }
        letters.append(letter.scalar.value)
        scriptCounts[letter.script.ordinal] += 1
        letterCount += 1
    }

    /// Closes the current word, if one is open.
    mutating func endWord() {
        if letters.count > wordStart {
            words.append(
                Word(
                    start: Int32(wordStart), end: Int32(letters.count), script: wordScript,
                    isName: wordCapitalised && !words.isEmpty))
            wordStart = letters.count
        }
    }

    /// The ordinal of the script with the most letters, or of the largest script other than
    /// Latin when it holds at least `share` of the letters.
    func mainScript(preferringNonLatin share: Double) -> Int {
        var main = 0
        var nonLatin = 1
        for ordinal in scriptCounts.indices {
            if scriptCounts[ordinal] > scriptCounts[main] { main = ordinal }
            if ordinal != Script.latin.ordinal && scriptCounts[ordinal] > scriptCounts[nonLatin] { nonLatin = ordinal }
        }
        if main == Script.latin.ordinal && Double(scriptCounts[nonLatin]) >= share * Double(letterCount)
            && scriptCounts[nonLatin] > 0
        {
            return nonLatin
        }
        return main
    }
}
