import GleanCore

/// Lists of first names, surnames, cities and US states, and of named places, organisations,
/// people and buildings, seen by ``EntityTagger`` as features (a word on a list is evidence the
/// tagger weighs, never an entity by itself).
///
/// Built by `scripts/build-name-lists.py` from the US Census 1990 name files, GeoNames and
/// WordNet; see docs/stages/entities.md.
public struct NameLexicon: Sendable {
    /// Flags per single lower-case word: first name, surname, city, state.
    private var flags: [String: UInt8] = [:]
    /// Names of several words (cities, states), by their first word.
    private var longNames: [String: [[String]]] = [:]
    /// How words are usually written inside a sentence: `l` lower case, `m` mixed, `c` capitalised.
    private var casing: [String: String] = [:]
    /// Named things (lower case, words joined by a space) and their kinds' letters, sorted (`L`
    /// place, `O` organisation, `H` person, `B` building); and their words by their first word.
    private var knownKinds: [String: String] = [:]
    private var knownNames: [String: [[String]]] = [:]

    private static let first: UInt8 = 1, surname: UInt8 = 2, city: UInt8 = 4, state: UInt8 = 8
    private static let knownLetters = ["known-place": "L", "known-org": "O", "known-person": "H", "known-building": "B"]

    /// An empty lexicon (every token's code is `-`).
    public init() {}

    /// Reads `kind<TAB>name` lines (kinds `first`, `surname`, `city`, `state`; `known-place`,
    /// `known-org`, `known-person`, `known-building` for named things; and `case-lower`,
    /// `case-mixed`, `case-capital` for how a word is usually written; `#` comments).
    public init(tsv: String, source: String) throws(GleanError) {
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 2, let kind = fields.first, let letter = Self.knownLetters[String(kind)], !fields[1].isEmpty {
                let name = String(fields[1])
                let kinds = knownKinds[name] ?? ""
                if kinds.isEmpty {
                    knownNames[String(name.prefix { $0 != " " }), default: []].append(name.split(separator: " ").map(String.init))
                }
                if !kinds.contains(letter) { knownKinds[name] = String((kinds + letter).sorted()) }
                continue
            }
            if fields.count == 2, let kind = fields.first, kind.hasPrefix("case-"),
                let code = ["case-lower": "l", "case-mixed": "m", "case-capital": "c"][String(kind)]
            {
                casing[String(fields[1])] = code
                continue
            }
            let flag: UInt8? =
                switch fields.first {
                case "first": Self.first
                case "surname": Self.surname
                case "city": Self.city
                case "state": Self.state
                default: nil
                }
            guard fields.count == 2, let flag, !fields[1].isEmpty else {
                throw GleanError(
                    .invalidModel,
                    "\(source):\(number + 1): expected kind<TAB>name, kind first, surname, city, state, known-place, known-org, known-person, known-building, case-lower, case-mixed or case-capital"
                )
            }
            let words = fields[1].split(separator: " ").map(String.init)
            if words.count == 1 {
                flags[words[0], default: 0] |= flag
            } else {
                longNames[words[0], default: []].append(words)
            }
        }
    }

    /// How each token is usually written inside a sentence: `l` lower case, `m` mixed, `c`
    /// capitalised, `-` unknown.
    public func caseCodes(_ tokens: [String]) -> [String] {
        caseCodes(lowercased: tokens.map { $0.lowercased() })
    }

    /// How `word` is usually written inside a sentence (a code of ``caseCodes(_:)``).
    public func caseCode(_ word: String) -> String {
        casing[word.lowercased()] ?? "-"
    }

    /// ``caseCodes(_:)`` of tokens already in lower case.
    func caseCodes(lowercased lower: [String]) -> [String] {
        lower.map { casing[$0] ?? "-" }
    }

    /// Per token, the kinds of the longest named thing it is part of: the first word's code in
    /// capitals (`L` place, `O` organisation, `H` person, `B` building, combined as `HL`), the
    /// others' in small letters, `-` outside any.
    public func knownCodes(_ tokens: [String]) -> [String] {
        knownCodes(lowercased: tokens.map { $0.lowercased() })
    }

    /// ``knownCodes(_:)`` of tokens already in lower case.
    func knownCodes(lowercased lower: [String]) -> [String] {
        var codes = [String](repeating: "-", count: lower.count)
        var index = 0
        while index < lower.count {
            let length = Self.longestName(among: knownNames[lower[index]], in: lower, at: index)
            guard length > 0, let kinds = knownKinds[lower[index..<(index + length)].joined(separator: " ")] else {
                index += 1
                continue
            }
            codes[index] = kinds
            for inner in (index + 1)..<(index + length) { codes[inner] = kinds.lowercased() }
            index += length
        }
        return codes
    }

    /// A feature code per token: `F` first name, `S` surname, `C` city, `T` state (combined, as
    /// `FS`), `P`/`p` for the first/other words of a name of several words, `-` for none.
    public func codes(_ tokens: [String]) -> [String] {
        codes(lowercased: tokens.map { $0.lowercased() })
    }

    /// ``codes(_:)`` of tokens already in lower case.
    func codes(lowercased lower: [String]) -> [String] {
        var codes = [String](repeating: "", count: lower.count)
        var index = 0
        while index < lower.count {
            let length = Self.longestName(among: longNames[lower[index]], in: lower, at: index)
            if length > 1 {
                codes[index] = "P"
                for inner in (index + 1)..<(index + length) { codes[inner] = "p" }
                index += length
                continue
            }
            index += 1
        }
        for (position, word) in lower.enumerated() {
            let flag = flags[word] ?? 0
            var code = codes[position]
            if flag & Self.first != 0 { code += "F" }
            if flag & Self.surname != 0 { code += "S" }
            if flag & Self.city != 0 { code += "C" }
            if flag & Self.state != 0 { code += "T" }
            codes[position] = code.isEmpty ? "-" : code
        }
        return codes
    }

    /// The most words of the `candidates` (names starting with `lower[index]`) that `lower` spells
    /// from `index`, or 0.
    private static func longestName(among candidates: [[String]]?, in lower: [String], at index: Int) -> Int {
        var longest = 0
        for name in candidates ?? []
        where name.count > longest && name.count <= lower.count - index && lower[index..<(index + name.count)].elementsEqual(name)
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
