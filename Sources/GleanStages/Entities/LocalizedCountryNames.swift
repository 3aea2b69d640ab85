/// The country names of one language other than English (and, where ``CountryNames`` has them,
/// its names of blocs, institutions, capitals and known leaders, or its titles before people's
/// names), found in that language's text as written and, where the language inflects them
/// (``NameInflection``), in their other forms ("России", "Российской Федерации", "Venäjällä",
/// "Евросоюза", "Путина").
///
/// Words are compared as ``EntityRecognizer`` splits them for other languages: an apostrophe
/// inside a word stands alone, so that "l'Ukraine" and "Türkiye'de" show their names. "’" is read
/// as "'", and "ё" as "е" (Russian writes both: "Соединённые", "Соединенные").
public struct LocalizedCountryNames: Sendable {
    /// The names as a gazetteer of token sequences.
    public private(set) var gazetteer = Gazetteer()
    /// How the language inflects names, if it does.
    public let inflection: NameInflection?
    /// The names' words by their stems, each with the vowels its stem dropped.
    private var wordsByStem: [String: [(word: String, dropped: [Unicode.Scalar])]] = [:]
    /// The first scalars (as many as the shortest stem) of every stem: a word that does not begin
    /// with one of these is no name's form, and is passed over without cutting it up.
    private var stemOpenings: Set<String> = []
    /// The first tokens of every name, joined by spaces as the gazetteer joins them ("Соединенные",
    /// "Соединенные Штаты", …): a search for a name goes on only while it spells one of these.
    private var prefixes: Set<String> = []

    /// No names yet, for a language inflecting as `inflection` says.
    public init(inflection: NameInflection?) {
        self.inflection = inflection
    }

    /// Adds a name (its apostrophes split off as the text's are).
    public mutating func add(_ name: String, _ entry: GazetteerEntry) {
        let tokens = gazetteer.tokens(of: Self.spacingAbbreviationHyphens(Self.spacingApostrophes(name))).map(Self.folded)
        gazetteer.add(tokens: tokens, entry)
        for length in 1..<max(tokens.count, 1) { prefixes.insert(tokens[..<length].joined(separator: " ")) }
        guard let inflection else { return }
        for word in Set(tokens) {
            for (stem, dropped) in inflection.stems(of: word) {
                wordsByStem[stem, default: []].append((word, dropped))
                stemOpenings.insert(String(String.UnicodeScalarView(stem.unicodeScalars.prefix(inflection.shortestStem))))
            }
        }
    }

    /// The names in a sentence's `words`, the longest at each place, left to right. A word
    /// stands for itself or, where the language inflects, for each name's word it may be a form
    /// of; a name as written wins over forms as long, and where forms of two countries' names
    /// fit equally well, neither is taken.
    public func matches(in words: [String]) -> [(first: Int, length: Int, entry: GazetteerEntry)] {
        let written = words.map(Self.folded)
        guard inflection != nil else { return gazetteer.matches(in: written) }
        let readings = written.map { word in [word] + dictionaryForms(of: word) }
        var found: [(first: Int, length: Int, entry: GazetteerEntry)] = []
        var index = 0
        while index < readings.count {
            var best: (length: Int, entries: Set<GazetteerEntry>) = (0, [])
            if readings[index].contains(where: { gazetteer.isFirstToken($0) }) {
                longest(from: index, in: readings, spelled: [], best: &best)
            }
            let exact = gazetteer.match(written, at: index)
            if let exact, exact.length >= best.length {
                found.append((index, exact.length, exact.entry))
                index += exact.length
            } else if best.entries.count == 1, let entry = best.entries.first {
                found.append((index, best.length, entry))
                index += best.length
            } else {
                index += 1
            }
        }
        return found
    }

    /// Finds the longest names that the readings from `index` on spell after `spelled`.
    private func longest(
        from index: Int, in readings: [[String]], spelled: [String],
        best: inout (length: Int, entries: Set<GazetteerEntry>)
    ) {
        guard index < readings.count else { return }
        for word in readings[index] {
            let tokens = spelled + [word]
            if let entry = gazetteer.entry(for: tokens[...]) {
                if tokens.count > best.length {
                    best = (tokens.count, [entry])
                } else if tokens.count == best.length {
                    best.entries.insert(entry)
                }
            }
            if prefixes.contains(tokens.joined(separator: " ")) {
                longest(from: index + 1, in: readings, spelled: tokens, best: &best)
            }
        }
    }

    /// The names' words that `word` may be a form of ("России" → "Россия"): those whose stem is
    /// `word` without an ending ``inflection`` allows after it, from the longest such stem that
    /// gives a word other than `word` itself ("Североатлантического" is a name's word as written,
    /// and a form of "Североатлантический").
    func dictionaryForms(of word: String) -> [String] {
        guard let inflection,
            stemOpenings.contains(String(word.unicodeScalars.prefix(inflection.shortestStem)))
        else { return [] }
        for (stem, ending) in inflection.splits(ofInflected: word) {
            let forms = (wordsByStem[stem] ?? []).filter {
                $0.word != word && inflection.allows(ending, afterDropping: $0.dropped)
            }
            if !forms.isEmpty { return forms.map(\.word) }
        }
        return []
    }

    /// `word` with "’" as "'" and "ё" as "е".
    static func folded(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { $0 == "’" || $0 == "ё" || $0 == "Ё" }) else { return word }
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            scalars.append(scalar == "’" ? "'" : scalar == "ё" ? "е" : scalar == "Ё" ? "Е" : scalar)
        }
        return String(scalars)
    }

    /// `name` with a space on each side of a hyphen after an abbreviation, as
    /// ``EntityRecognizer`` cuts text in other languages ("EU-Kommission" → "EU - Kommission").
    static func spacingAbbreviationHyphens(_ name: String) -> String {
        name.split(separator: " ").map { word -> String in
            guard let hyphen = word.firstIndex(of: "-"), word.distance(from: word.startIndex, to: hyphen) >= 2,
                word[..<hyphen].allSatisfy(\.isUppercase)
            else { return String(word) }
            return word[..<hyphen] + " - " + word[word.index(after: hyphen)...]
        }.joined(separator: " ")
    }

    /// `name` with a space on each side of its apostrophes ("Côte d'Ivoire" → "Côte d ' Ivoire").
    static func spacingApostrophes(_ name: String) -> String {
        guard name.contains(where: { $0 == "'" || $0 == "’" }) else { return name }
        return String(name.flatMap { $0 == "'" || $0 == "’" ? [" ", "'", " "] : [$0] })
    }
}
