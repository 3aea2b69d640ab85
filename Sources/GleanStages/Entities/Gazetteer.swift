import Foundation
import GleanCore
import GleanText

/// Surface forms of known entities, matched on token sequences (longest first, case as written,
/// all-capital text also matched case-insensitively).
public struct Gazetteer: Sendable {
    private(set) var entries: [String: GazetteerEntry] = [:]
    private var names: [String: String] = [:]
    private var kinds: [String: Set<Entity.Kind>] = [:]
    /// The most tokens of the surface forms starting with each token (most tokens start none).
    private var longestByFirstToken: [String: Int] = [:]
    /// The surface forms' tokens, as written and in lower case (with their kinds), for matching.
    private var forms = TokenTrie<GazetteerEntry>()
    private var lowercased = TokenTrie<Entity.Kind>()
    /// The most tokens in a surface form.
    public private(set) var longest = 0
    private let tokenizer = Tokenizer()

    /// An empty gazetteer.
    public init() {}

    /// Surface forms known.
    public var count: Int { entries.count }

    /// Adds (or replaces) a surface form.
    public mutating func add(_ surface: String, _ entry: GazetteerEntry) {
        add(tokens: tokens(of: surface), entry)
    }

    /// The tokens of a surface form, as the gazetteer matches them: cut as the recogniser cuts
    /// a text's words, a possessive `'s` a token of its own ("People's Republic of China" →
    /// "People", "'s", "Republic", …), so that such names match the words of a text.
    public func tokens(of surface: String) -> [String] {
        let scalars = Array(surface.unicodeScalars)
        return tokenizer.tokens(in: scalars).flatMap { $0.span.splittingPossessive(in: scalars) }.map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
    }

    /// Adds (or replaces) a surface form already split into ``tokens(of:)``.
    public mutating func add(tokens: [String], _ entry: GazetteerEntry) {
        guard !tokens.isEmpty else { return }
        entries[tokens.joined(separator: " ")] = entry
        if names[entry.canonical] == nil || entry.kind != .group { names[entry.canonical] = entry.name }
        kinds[entry.canonical, default: []].insert(entry.kind)
        longest = max(longest, tokens.count)
        longestByFirstToken[tokens[0]] = max(longestByFirstToken[tokens[0]] ?? 0, tokens.count)
        forms.insert(tokens, entry)
        lowercased.insert(tokens.lazy.map { $0.lowercased() }, entry.kind)
    }

    /// Adds the lines of a TSV gazetteer: `surface<TAB>type<TAB>canonical[<TAB>name[<TAB>parent]]`,
    /// `#` comments and blank lines ignored. Throws with the line number on a bad line.
    public mutating func addTSV(_ text: String, source: String) throws(GleanError) {
        for (number, line) in text.splitting(atControl: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.splitting(atControl: "\t").map(String.init)
            guard fields.count >= 3, let kind = Entity.Kind(rawValue: fields[1]), !fields[2].isEmpty else {
                throw GleanError(
                    .invalidConfiguration,
                    "\(source):\(number + 1): expected surface<TAB>type<TAB>canonical, type one of "
                        + Entity.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let name = fields.count > 3 && !fields[3].isEmpty ? fields[3] : fields[0]
            let parent = fields.count > 4 && !fields[4].isEmpty && fields[4] != "-" ? fields[4] : nil
            let isBloc = fields.count > 5 && fields[5] == "bloc"
            add(fields[0], GazetteerEntry(kind: kind, canonical: fields[2], name: name, parent: parent, isBloc: isBloc))
        }
    }

    /// The name of a canonical id (`AZ` → "Azerbaijan", `NATO` → "North Atlantic Treaty Organization"), if known.
    public func name(of canonical: String) -> String? {
        names[canonical]
    }

    /// The kinds of entity a canonical id is known as (`AU`: a country and an organisation).
    public func kinds(of canonical: String) -> Set<Entity.Kind> {
        kinds[canonical] ?? []
    }

    /// The entry for a sequence of token texts, if known.
    public func entry(for tokens: ArraySlice<String>) -> GazetteerEntry? {
        entries[tokens.joined(separator: " ")]
    }

    /// Whether some known surface form starts with `token`.
    public func isFirstToken(_ token: String) -> Bool {
        longestByFirstToken[token] != nil
    }

    /// The longest known surface form starting at `index`: its token count and entry.
    public func match(_ tokens: [String], at index: Int) -> (length: Int, entry: GazetteerEntry)? {
        forms.longestMatch(in: tokens, at: index).map { ($0.length, $0.value) }
    }

    /// The known surface forms in `tokens`, read left to right, the longest at each place, not
    /// overlapping: first token, token count and entry of each.
    public func matches(in tokens: [String]) -> [(first: Int, length: Int, entry: GazetteerEntry)] {
        Self.matches(from: matchAtEachToken(tokens))
    }

    /// ``match(_:at:)`` at every token of `tokens`: for readers that walk a sentence's matches
    /// several ways and should look each token up once.
    public func matchAtEachToken(_ tokens: [String]) -> [(length: Int, entry: GazetteerEntry)?] {
        tokens.indices.map { match(tokens, at: $0) }
    }

    /// ``matches(in:)`` from the matches ``matchAtEachToken(_:)`` found.
    public static func matches(
        from atEachToken: [(length: Int, entry: GazetteerEntry)?]
    ) -> [(first: Int, length: Int, entry: GazetteerEntry)] {
        var found: [(first: Int, length: Int, entry: GazetteerEntry)] = []
        var index = 0
        while index < atEachToken.count {
            if let match = atEachToken[index] {
                found.append((index, match.length, match.entry))
                index += match.length
            } else {
                index += 1
            }
        }
        return found
    }
}

extension Gazetteer {
    /// The longest known surface form starting at `index` whatever the case ("afghanistan"):
    /// its token count and kind. `lower` holds the tokens in lower case.
    public func matchIgnoringCase(_ lower: [String], at index: Int) -> (length: Int, kind: Entity.Kind)? {
        lowercased.longestMatch(in: lower, at: index).map { ($0.length, $0.value) }
    }
}

extension Gazetteer {
    /// The gazetteer that ships with Glean (built by scripts/build-gazetteer.py), loaded once.
    public static var shipped: Gazetteer {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "gazetteer.tsv"), of: "the gazetteer",
            remedy: "rebuild it with scripts/build-gazetteer.py")
        var gazetteer = Gazetteer()
        try gazetteer.addTSV(String(decoding: bytes, as: UTF8.self), source: "gazetteer.tsv")
        return gazetteer
    }
}
