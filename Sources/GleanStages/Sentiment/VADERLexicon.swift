import GleanCore

/// The valences and emoji descriptions VADER scores with: the built-in VADER lexicons, plus any
/// user lexicon merged over them.
///
/// Each known word maps to one ``Entry`` holding everything the rules ask of it, so scoring
/// needs one look-up per token.
public struct VADERLexicon: Sendable {
    /// What the rules know of a word.
    struct Entry: Sendable {
        /// Its valence (−4 … 4), `nil` when the word is not in the sentiment lexicon.
        var valence: Double?
        /// Its increment as a booster (positive) or dampener (negative).
        var booster: Double?
        /// Whether it negates what follows.
        var negates = false
        /// Whether it appears in a multi-word idiom or modifier.
        var inIdiom = false
        /// The function word it is, for rules that look for specific words.
        var function: FunctionWord = .none
    }

    /// Words the rules look for by name.
    enum FunctionWord: UInt8, Sendable {
        case none, kind, of, no, or, nor, never, so, this, without, doubt, least, at, very, but
    }

    private(set) var entries: [String: Entry]
    /// ``entries`` as a table looked up from bytes; rebuilt wherever the entries change.
    private(set) var table = WordTable([:])
    /// Whether a word holding a non-ASCII letter can match an entry: some key is not ASCII and
    /// is its own lower case. When none is, such words (Cyrillic, accented) need no lower-casing
    /// to be looked up; they match nothing.
    private(set) var matchesNonASCII = false
    /// Single-scalar emoji → its description, which is scored in its place.
    public private(set) var emoji: [Unicode.Scalar: String]
    /// For each block of 256 scalars, whether ``emoji`` has a key in it, so text in scripts
    /// without emoji (Cyrillic, accented Latin) is read without a dictionary look-up a scalar.
    private var emojiBlocks: [Bool] = []

    /// The lexicons shipped with Glean (VADER 3.3.2's, MIT), read from the stage's resources
    /// once per process.
    public static var shipped: VADERLexicon {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let remedy = "rebuild it with scripts/build-sentiment-lexicon.py"
        let words = try StageResources.bytes(
            at: StageResources.url(named: "vader-lexicon.tsv"), of: "the VADER lexicon", remedy: remedy)
        let emoji = try StageResources.bytes(
            at: StageResources.url(named: "vader-emoji.tsv"), of: "the VADER emoji lexicon", remedy: remedy)
        return VADERLexicon(wordsTSV: words, emojiTSV: emoji)
    }

    /// Lower-case token → valence, for the words of the sentiment lexicon.
    public var valences: [String: Double] {
        entries.compactMapValues(\.valence)
    }

    /// Parses the shipped resources' `token<TAB>valence` and `emoji<TAB>description` lines (as
    /// `scripts/build-sentiment-lexicon.py` writes them: no surrounding spaces, no comments),
    /// reading bytes rather than characters so that start-up stays short; later lines win.
    init(wordsTSV words: [UInt8], emojiTSV emojiLines: [UInt8]) {
        entries = [:]
        emoji = [:]
        entries.reserveCapacity(words.count / 12)
        for (word, increment) in VADERVocabulary.boosters { entries[word, default: Entry()].booster = increment }
        for word in VADERVocabulary.negations { entries[word, default: Entry()].negates = true }
        for phrase in VADERVocabulary.specialCases.keys
        where phrase.contains(" ") {
            for word in phrase.split(separator: " ") { entries[String(word), default: Entry()].inIdiom = true }
        }
        for phrase in VADERVocabulary.boosters.keys where phrase.contains(" ") {
            for word in phrase.split(separator: " ") { entries[String(word), default: Entry()].inIdiom = true }
        }
        let functions: [(String, FunctionWord)] = [
            ("kind", .kind), ("of", .of), ("no", .no), ("or", .or), ("nor", .nor), ("never", .never), ("so", .so),
            ("this", .this), ("without", .without), ("doubt", .doubt), ("least", .least), ("at", .at), ("very", .very),
            ("but", .but),
        ]
        for (word, function) in functions { entries[word, default: Entry()].function = function }
        Self.forEachField(pair: words) { token, value in
            if let valence = Double(String(decoding: value, as: UTF8.self)) {
                entries[String(decoding: token, as: UTF8.self), default: Entry()].valence = valence
            }
        }
        markContractedNegations()
        table = WordTable(entries)
        matchesNonASCII = Self.hasMatchableNonASCIIKey(entries)
        Self.forEachField(pair: emojiLines) { symbol, description in
            // Text is scanned one scalar at a time, so only single-scalar emoji can match.
            let scalars = String(decoding: symbol, as: UTF8.self).unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                emoji[scalar] = String(decoding: description, as: UTF8.self)
            }
        }
        emojiBlocks = [Bool](repeating: false, count: 0x1100)
        for scalar in emoji.keys { emojiBlocks[Int(scalar.value >> 8)] = true }
    }

    /// The description of `scalar` when it is an emoji of the lexicon.
    func emojiDescription(_ scalar: Unicode.Scalar) -> String? {
        emojiBlocks[Int(scalar.value >> 8)] ? emoji[scalar] : nil
    }

    /// Calls `body` with the first two tab-separated fields of each line of `tsv` that has two.
    private static func forEachField(
        pair tsv: [UInt8], _ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Void
    ) {
        let tab = UInt8(ascii: "\t")
        for line in tsv.split(separator: UInt8(ascii: "\n")) {
            guard let firstTab = line.firstIndex(of: tab) else { continue }
            let rest = line[(firstTab + 1)...]
            var value = rest[..<(rest.firstIndex(of: tab) ?? rest.endIndex)]
            if value.last == UInt8(ascii: "\r") { value = value.dropLast() }
            body(line[..<firstTab], value)
        }
    }

    private static func hasMatchableNonASCIIKey(_ entries: [String: Entry]) -> Bool {
        entries.keys.contains { key in !key.utf8.allSatisfy { $0 < 0x80 } && key.lowercased() == key }
    }

    /// Any word holding "n't" negates, listed or not.
    private mutating func markContractedNegations() {
        // Few words hold an apostrophe: looking for one in the bytes first skips the slower
        // substring search for the rest.
        for (word, entry) in entries where !entry.negates && word.utf8.contains(UInt8(ascii: "'")) && word.contains("n't") {
            entries[word]?.negates = true
        }
    }

    private static func entry(_ line: Substring) -> (String, Double)? {
        let fields = line.trimmingWhitespace().split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2, let valence = Double(fields[1]) else { return nil }
        return (String(fields[0]), valence)
    }

    /// This lexicon with the entries of a VADER-format lexicon file merged over it (its entries
    /// win). Tokens are matched lower-cased, so entries are stored lower-cased.
    ///
    /// - Throws: ``ConfigurationError`` naming the first malformed line.
    public func merging(lexiconText text: String, field: String = "lexicon") throws -> VADERLexicon {
        var additions: [String: Double] = [:]
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let (token, valence) = Self.entry(trimmed) else {
                throw ConfigurationError(
                    field: field, "line \(number + 1) is not `token<TAB>valence` (a number from -4 to 4): `\(trimmed.prefix(60))`"
                )
            }
            additions[token.lowercased()] = valence
        }
        var merged = self
        for (token, valence) in additions { merged.entries[token, default: Entry()].valence = valence }
        merged.markContractedNegations()
        merged.table = WordTable(merged.entries)
        merged.matchesNonASCII = Self.hasMatchableNonASCIIKey(merged.entries)
        return merged
    }
}

extension Substring {
    /// Without leading and trailing white space (Python's `str.strip()`).
    func trimmingWhitespace() -> Substring {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, VADERText.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, VADERText.isSpace(last) { scalars = scalars.dropLast() }
        return Substring(scalars)
    }
}
