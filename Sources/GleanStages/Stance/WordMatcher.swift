/// A set of lower-case words and word parts (`applied`, `withdr*`, `*mitglied*`, `*maz`) that a
/// word matches.
public struct WordMatcher: Sendable, Hashable {
    /// Whole words.
    public private(set) var words: Set<String> = []
    /// Prefixes (written with a trailing `*`).
    public private(set) var prefixes: [String] = []
    /// Parts found anywhere in a word (written `*part*`: the second half of a compound,
    /// `*mitglied*` in `gründungsmitglied`).
    public private(set) var infixes: [String] = []
    /// Endings (written with a leading `*`: `*maz` in Turkish `katılmaz`).
    public private(set) var suffixes: [String] = []
    /// The first UTF-8 byte and length of every whole word, and the first byte of every prefix:
    /// most words a text holds are in no set, and are turned away by these without hashing.
    private var wordShapes = ByteSet()
    private var prefixOpenings = ByteSet()

    /// A matcher for alternatives such as `applied`, `withdr*`, `*mitglied*`.
    public init<S: Sequence<String>>(_ alternatives: S) {
        for alternative in alternatives { add(alternative) }
    }

    /// Adds one alternative (a word, a prefix ending in `*`, a part between two `*`, or an ending
    /// after a `*`).
    public mutating func add(_ alternative: String) {
        let lowered = alternative.lowercased()
        if lowered.count > 2, lowered.hasPrefix("*"), lowered.hasSuffix("*") {
            infixes.append(String(lowered.dropFirst().dropLast()))
        } else if lowered.count > 1, lowered.hasPrefix("*") {
            suffixes.append(String(lowered.dropFirst()))
        } else if lowered.count > 1, lowered.hasSuffix("*") {
            let prefix = String(lowered.dropLast())
            prefixes.append(prefix)
            prefixOpenings.insert(prefix.utf8.first ?? 0)
        } else {
            words.insert(lowered)
            wordShapes.insert(Self.shape(of: lowered))
        }
    }

    /// Adds every alternative of `other`.
    public mutating func formUnion(_ other: WordMatcher) {
        words.formUnion(other.words)
        prefixes += other.prefixes.filter { !prefixes.contains($0) }
        infixes += other.infixes.filter { !infixes.contains($0) }
        suffixes += other.suffixes.filter { !suffixes.contains($0) }
        wordShapes.formUnion(other.wordShapes)
        prefixOpenings.formUnion(other.prefixOpenings)
    }

    /// Whether `word` (lower case) matches.
    public func matches(_ word: String) -> Bool {
        let utf8 = word.utf8
        if wordShapes.contains(Self.shape(of: word)), words.contains(word) { return true }
        if !prefixes.isEmpty, prefixOpenings.contains(utf8.first ?? 0), prefixes.contains(where: { utf8.starts(with: $0.utf8) }) {
            return true
        }
        if !suffixes.isEmpty, suffixes.contains(where: { utf8.reversed().starts(with: $0.utf8.reversed()) }) { return true }
        return !infixes.isEmpty && infixes.contains { Self.contains(word, part: $0) }
    }

    /// A byte standing for `word`'s first UTF-8 byte and its length in bytes: equal words have
    /// equal shapes.
    static func shape(of word: String) -> UInt8 {
        let utf8 = word.utf8
        return (utf8.first ?? 0) &+ UInt8(truncatingIfNeeded: utf8.count &* 37)
    }

    /// Whether `part`'s UTF-8 bytes occur in `word`'s: a plain byte search, where
    /// `String.contains` builds a searcher for every call (about 8 % of the stance stage's time).
    private static func contains(_ word: String, part: String) -> Bool {
        var word = word
        var part = part
        return word.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count)
                where haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle) {
                    return true
                }
                return false
            }
        }
    }

    /// Whether nothing matches.
    public var isEmpty: Bool { words.isEmpty && prefixes.isEmpty && infixes.isEmpty && suffixes.isEmpty }
}
