import GleanCore
import GleanText

/// Lists of first names, surnames, cities and US states, and of named places, organisations,
/// people and buildings, seen by ``EntityTagger`` as features (a word on a list is evidence the
/// tagger weighs, never an entity by itself).
///
/// Built by `scripts/build-name-lists.py` from the US Census 1990 name files, GeoNames and
/// WordNet; see docs/stages/entities.md.
public struct NameLexicon: Sendable {
    /// What the lists say about each lower-case word (``entries``), by word: one lookup per
    /// token, and no copies of the entries' lists while a sentence's codes are read.
    private var words: [String: Int32] = [:]
    private var entries: [Word] = []
    /// Named things (lower case, words joined by a space) and their kinds' letters, sorted (`L`
    /// place, `O` organisation, `H` person, `B` building).
    private var knownKinds: [String: String] = [:]

    /// What the lists say about one lower-case word.
    private struct Word {
        /// First name, surname, city, state (``first``, ``surname``, ``city``, ``state``).
        var flags: UInt8 = 0
        /// How the word is usually written inside a sentence: `l` lower case, `m` mixed, `c`
        /// capitalised.
        var casing: String?
        /// Names of several words (cities, states) starting with the word.
        var longNames = Continuations()
        /// The words of the named things starting with the word.
        var knownNames = Continuations()
    }

    /// Names (as their words) that start with one word, found by their second word: a word
    /// that starts hundreds of names ("san", "john", "capital") is followed by few of their
    /// second words, so a token compares itself with those names only.
    private struct Continuations {
        /// Whether the word alone is a name.
        var isName = false
        /// The names of two words or more, by their second word.
        var bySecondWord: [String: [[String]]] = [:]

        /// Whether there are none.
        var isEmpty: Bool { !isName && bySecondWord.isEmpty }

        /// Adds `name` (its words; the first is the word these names start with).
        mutating func add(_ name: [String]) {
            if name.count == 1 {
                isName = true
            } else {
                bySecondWord[name[1], default: []].append(name)
            }
        }
    }

    private static let first: UInt8 = 1, surname: UInt8 = 2, city: UInt8 = 4, state: UInt8 = 8
    /// The letters of each combination of flags, in the order `F`, `S`, `C`, `T` (`FS`: a first
    /// name that is a surname too).
    private static let flagLetters: [String] = (0..<16).map { flags in
        [(first, "F"), (surname, "S"), (city, "C"), (state, "T")].map { Int($0.0) & flags != 0 ? $0.1 : "" }.joined()
    }
    private static let knownLetters = ["known-place": "L", "known-org": "O", "known-person": "H", "known-building": "B"]

    /// An empty lexicon (every token's code is `-`).
    public init() {}

    /// Reads `kind<TAB>name` lines (kinds `first`, `surname`, `city`, `state`; `known-place`,
    /// `known-org`, `known-person`, `known-building` for named things; and `case-lower`,
    /// `case-mixed`, `case-capital` for how a word is usually written; `#` comments).
    public init(tsv: String, source: String) throws(GleanError) {
        let lines = tsv.splitting(atControl: "\n")
        words.reserveCapacity(lines.count)
        for (number, line) in lines.enumerated() {
            // A `#` byte first is rare (comments), so the first character is read only then.
            if line.isEmpty || (line.utf8.first == UInt8(ascii: "#") && line.first == "#") { continue }
            let fields = line.splitting(atControl: "\t")
            let kind = fields.count == 2 ? Self.kind(named: fields[0]) : nil
            switch kind {
            case .known(let letter) where !fields[1].isEmpty:
                let name = String(fields[1])
                let kinds = knownKinds[name] ?? ""
                if kinds.isEmpty {
                    entries[entry(String(name.prefix { $0 != " " }))].knownNames.add(Self.words(of: fields[1]))
                }
                if !kinds.contains(letter) { knownKinds[name] = String((kinds + letter).sorted()) }
            case .casing(let code):
                entries[entry(String(fields[1]))].casing = code
            case .flag(let flag) where !fields[1].isEmpty:
                let name = Self.words(of: fields[1])
                if name.count == 1 {
                    entries[entry(name[0])].flags |= flag
                } else {
                    entries[entry(name[0])].longNames.add(name)
                }
            default:
                throw GleanError(
                    .invalidModel,
                    "\(source):\(number + 1): expected kind<TAB>name, kind first, surname, city, state, known-place, known-org, known-person, known-building, case-lower, case-mixed or case-capital"
                )
            }
        }
    }

    /// What a line of the lists says about its name, by the line's first field.
    private enum Kind {
        /// A named thing, with its kind's letter (``knownLetters``).
        case known(String)
        /// How the word is usually written (a code of ``caseCodes(_:)``).
        case casing(String)
        /// A first name, surname, city or state (``first``, ``surname``, ``city``, ``state``).
        case flag(UInt8)
    }

    /// The kind a line's first field names, or `nil` for none.
    private static func kind(named field: Substring) -> Kind? {
        switch field {
        case "first": .flag(first)
        case "surname": .flag(surname)
        case "city": .flag(city)
        case "state": .flag(state)
        case "case-lower": .casing("l")
        case "case-mixed": .casing("m")
        case "case-capital": .casing("c")
        default: knownLetters[String(field)].map(Kind.known)
        }
    }

    /// The words of a name, split at its spaces (most names are one word: no split then).
    private static func words(of name: Substring) -> [String] {
        name.utf8.contains(UInt8(ascii: " ")) ? name.split(separator: " ").map(String.init) : [String(name)]
    }

    /// The index in ``entries`` of `word`'s entry, added when new (one hash of `word` either way).
    private mutating func entry(_ word: String) -> Int {
        let next = Int32(entries.count)
        let index = Self.value(&words[word, default: next])
        if index == next { entries.append(Word()) }
        return Int(index)
    }

    /// `value` itself: read in place, it stores the default of a dictionary's
    /// `subscript(_:default:)` when its key is new.
    private static func value(_ value: inout Int32) -> Int32 { value }

    /// How each token is usually written inside a sentence: `l` lower case, `m` mixed, `c`
    /// capitalised, `-` unknown.
    public func caseCodes(_ tokens: [String]) -> [String] {
        codes(lowercased: tokens.map { $0.lowercased() }).casing
    }

    /// How `word` is usually written inside a sentence (a code of ``caseCodes(_:)``).
    public func caseCode(_ word: String) -> String {
        words[word.lowercased()].flatMap { entries[Int($0)].casing } ?? "-"
    }

    /// Per token, the kinds of the longest named thing it is part of: the first word's code in
    /// capitals (`L` place, `O` organisation, `H` person, `B` building, combined as `HL`), the
    /// others' in small letters, `-` outside any.
    public func knownCodes(_ tokens: [String]) -> [String] {
        codes(lowercased: tokens.map { $0.lowercased() }).known
    }

    /// A feature code per token: `F` first name, `S` surname, `C` city, `T` state (combined, as
    /// `FS`), `P`/`p` for the first/other words of a name of several words, `-` for none.
    public func codes(_ tokens: [String]) -> [String] {
        codes(lowercased: tokens.map { $0.lowercased() }).names
    }

    /// ``codes(_:)``, ``caseCodes(_:)`` and ``knownCodes(_:)`` of tokens already in lower case,
    /// from one lookup per token.
    func codes(lowercased lower: [String]) -> (names: [String], casing: [String], known: [String]) {
        let found = lower.map { words[$0].map(Int.init) ?? -1 }
        var names = [String](repeating: "", count: lower.count)
        var known = [String](repeating: "-", count: lower.count)
        var index = 0
        while index < lower.count {
            let entry = found[index]
            let length =
                entry < 0 || entries[entry].longNames.isEmpty
                ? 0 : Self.longestName(among: entries[entry].longNames, in: lower, at: index)
            if length > 1 {
                names[index] = "P"
                for inner in (index + 1)..<(index + length) { names[inner] = "p" }
                index += length
                continue
            }
            index += 1
        }
        index = 0
        while index < lower.count {
            let entry = found[index]
            let length =
                entry < 0 || entries[entry].knownNames.isEmpty
                ? 0 : Self.longestName(among: entries[entry].knownNames, in: lower, at: index)
            guard length > 0, let kinds = knownKinds[lower[index..<(index + length)].joined(separator: " ")] else {
                index += 1
                continue
            }
            known[index] = kinds
            for inner in (index + 1)..<(index + length) { known[inner] = kinds.lowercased() }
            index += length
        }
        var casing: [String] = []
        casing.reserveCapacity(lower.count)
        for (position, entry) in found.enumerated() {
            casing.append(entry < 0 ? "-" : entries[entry].casing ?? "-")
            let letters = Self.flagLetters[entry < 0 ? 0 : Int(entries[entry].flags)]
            let code = names[position].isEmpty ? letters : names[position] + letters
            names[position] = code.isEmpty ? "-" : code
        }
        return (names, casing, known)
    }

    /// The most words of the `candidates` (names starting with `lower[index]`) that `lower` spells
    /// from `index`, or 0.
    private static func longestName(among candidates: Continuations, in lower: [String], at index: Int) -> Int {
        var longest = candidates.isName ? 1 : 0
        guard index + 1 < lower.count, let names = candidates.bySecondWord[lower[index + 1]] else { return longest }
        // The first two words are the same as the token's and the next one's.
        for name in names
        where name.count > longest && name.count <= lower.count - index
            && lower[(index + 2)..<(index + name.count)].elementsEqual(name[2...])
        {
            longest = name.count
        }
        return longest
    }
}

extension NameLexicon {
    /// The lists that ship with Glean (`Resources/name-lists.tsv`), loaded once.
    public static var shipped: NameLexicon {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "name-lists.tsv"), of: "the name lists",
            remedy: "rebuild them with scripts/build-name-lists.py")
        return try NameLexicon(tsv: String(decoding: bytes, as: UTF8.self), source: "name-lists.tsv")
    }
}
