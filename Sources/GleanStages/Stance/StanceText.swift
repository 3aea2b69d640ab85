import GleanText

/// A text prepared for stance analysis: its lower-cased words (hyphenated words and possessive
/// `'s` split off), sentences, clause boundaries, and the actor and bloc mentions over the words.
struct StanceText: Sendable {
    /// One word or punctuation mark.
    struct Word: Sendable, Hashable {
        /// Lower-cased text.
        var text: String
        /// Where it is, in Unicode scalars.
        var span: TextSpan
        /// Its sentence.
        var sentence: Int
        /// Whether it ends a clause (`,` `;` `:` brackets, dashes).
        var isBoundary: Bool
        /// Whether it starts with an upper-case letter in the text.
        var isCapitalised: Bool
    }

    /// The text's Unicode scalars.
    let scalars: [Unicode.Scalar]
    /// The words, in text order.
    var words: [Word] = []
    /// Each sentence's span and words.
    var sentences: [(span: TextSpan, words: Range<Int>)] = []
    /// The mentions, in text order.
    var mentions: [StanceMention] = []
    /// The mention each word belongs to.
    var mentionOfWord: [Int?] = []
    /// The mentions of each sentence (mentions are in text order).
    var mentionsBySentence: [Range<Int>] = []
    /// Conjunctions that start a new clause, and prepositions after which a place is no actor
    /// (the cues' lists for the text's language).
    let clauseWords: WordMatcher
    let prepositions: WordMatcher
    /// Words for events and documents named after a city ("summit", "treaty").
    let eventWords: WordMatcher
    /// Words that join a list of mentions ("Georgia, Ukraine and Moldova"), and articles that may
    /// stand before a mention ("the", "die", "la").
    let listWords: WordMatcher
    let articles: WordMatcher
    /// Whether any bloc is named (else there is nothing to read).
    var namesBloc: Bool { mentions.contains { $0.bloc != nil } }
    /// The blocs named only by their adjective ("non-aligned"), never by a name.
    private(set) var blocsNamedOnlyByAdjective: Set<String> = []

    /// The punctuation that ends a clause.
    static let boundaries: Set<String> = [",", ";", ":", "(", ")", "—", "–", "\""]

    /// Cities that stand for a bloc in news ("Brussels" for the EU), by linked id.
    static let blocSeats = ["BE:Brussels": "EU"]

    /// Whether word `index` ends a clause: punctuation, or a clause-starting conjunction.
    func isClauseBreak(_ index: Int) -> Bool {
        words[index].isBoundary || clauseWords.matches(words[index].text)
    }

    /// The words of `text`, with `entities` (from the `entities` stage) placed over them.
    init(text: String, entities: [Entity], cues: StanceCues, gazetteer: Gazetteer) {
        self.init(text: TokenizedText(text), entities: entities, cues: cues, gazetteer: gazetteer)
    }

    /// The words of a text already cut into tokens and sentences, with `entities` placed over them.
    init(text tokenized: TokenizedText, entities: [Entity], cues: StanceCues, gazetteer: Gazetteer) {
        let prepared = tokenized.text
        let scalars = prepared.scalars
        self.scalars = scalars
        clauseWords = cues.clauseWords
        prepositions = cues.prepositions
        eventWords = cues.eventWords
        listWords = cues.listWords
        articles = cues.articles
        let lowercase = Self.lowercaser(for: cues.language)
        let spans = tokenized.sentences
        var cursor = 0
        let tokens = tokenized.tokens
        for (sentence, span) in spans.enumerated() {
            let first = words.count
            while cursor < tokens.count && tokens[cursor].span.start < span.start { cursor += 1 }
            while cursor < tokens.count && tokens[cursor].span.end <= span.end {
                let token = tokens[cursor]
                if Self.isOnePiece(token, in: scalars, apostrophes: cues.splitsApostrophes) {
                    words.append(Self.word(token.span, sentence: sentence, in: prepared, lowercase: lowercase))
                } else {
                    for piece in Self.pieces(of: token, in: scalars, apostrophes: cues.splitsApostrophes) {
                        words.append(Self.word(piece, sentence: sentence, in: prepared, lowercase: lowercase))
                    }
                }
                cursor += 1
            }
            sentences.append((span, first..<words.count))
        }
        mentionOfWord = Array(repeating: nil, count: words.count)
        placeEntities(entities, gazetteer: gazetteer)
        placeHyphenParts(in: scalars, gazetteer: gazetteer)
        placeReferences(cues)
        mentions.sort { $0.words.lowerBound < $1.words.lowerBound }
        var first = 0
        for sentence in sentences.indices {
            var end = first
            while end < mentions.count, mentions[end].sentence == sentence { end += 1 }
            mentionsBySentence.append(first..<end)
            first = end
        }
        for (index, mention) in mentions.enumerated() {
            for word in mention.words { mentionOfWord[word] = index }
        }
        blocsNamedOnlyByAdjective = Set(mentions.filter(\.isAdjective).compactMap(\.bloc))
            .subtracting(mentions.filter(\.isBlocName).compactMap(\.bloc))
    }

    /// The word of `piece` of `text`, in sentence `sentence`.
    private static func word(
        _ piece: TextSpan, sentence: Int, in text: ScalarText, lowercase: (String) -> String
    ) -> Word {
        let raw = text[piece]
        let first = text.scalars[piece.start]
        let isWord =
            first.isASCII
            ? (0x30...0x39).contains(first.value) || (0x41...0x5A).contains(first.value)
                || (0x61...0x7A).contains(first.value)
            : first.properties.isAlphabetic || first.properties.numericType != nil
        let isCapitalised = first.isASCII ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase
        return Word(
            text: lowercase(raw), span: piece, sentence: sentence, isBoundary: !isWord && boundaries.contains(raw),
            isCapitalised: isCapitalised)
    }

    /// Whether ``pieces(of:in:apostrophes:)`` of `token` is the token whole: no possessive `'s`,
    /// and in a word no hyphen (nor, with `apostrophes`, an apostrophe). Most tokens are, and
    /// are read without building the arrays of pieces.
    private static func isOnePiece(_ token: Token, in scalars: [Unicode.Scalar], apostrophes: Bool) -> Bool {
        let span = token.span
        if span.length > 2, scalars[span.end - 1] == "s" || scalars[span.end - 1] == "S",
            scalars[span.end - 2] == "'" || scalars[span.end - 2] == "\u{2019}"
        {
            return false
        }
        guard token.kind == .word else { return true }
        guard span.length > 0 else { return false }
        for index in span.start..<span.end {
            switch scalars[index] {
            case "-", "\u{2010}": return false
            case "'", "\u{2019}": if apostrophes { return false }
            default: continue
            }
        }
        return true
    }

    /// A token's pieces: a possessive `'s` and the parts of a hyphenated word are split off, and
    /// with `apostrophes` the parts around an inner apostrophe (`l'OTAN` → `l ' OTAN`, `NATO'ya`
    /// → `NATO ' ya`).
    private static func pieces(of token: Token, in scalars: [Unicode.Scalar], apostrophes: Bool) -> [TextSpan] {
        let possessive = token.span.splittingPossessive(in: scalars)
        guard token.kind == .word else { return possessive }
        let hyphens = possessive[0].splitting(in: scalars) { $0 == "-" || $0 == "\u{2010}" } + possessive.dropFirst()
        guard apostrophes else { return hyphens }
        return hyphens.flatMap { $0.splitting(in: scalars) { $0 == "'" || $0 == "’" } }
    }

    /// Lower-casing for `language`: Turkish and Azerbaijani lower `I` to dotless `ı` and `İ` to
    /// `i` (Unicode's default gives `i` and `i̇`, which no cue or name would match).
    static func lowercaser(for language: String) -> @Sendable (String) -> String {
        guard language == "tr" || language == "az" else { return { $0.lowercased() } }
        return { word in
            guard word.unicodeScalars.contains(where: { $0 == "I" || $0 == "\u{130}" }) else { return word.lowercased() }
            var scalars = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                switch scalar {
                case "I": scalars.append("\u{131}")
                case "\u{130}": scalars.append("i")
                default: scalars.append(scalar)
                }
            }
            return String(scalars).lowercased()
        }
    }

    private func wordRange(of span: TextSpan) -> Range<Int>? {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].span.start < span.start { low = middle + 1 } else { high = middle }
        }
        let first = low
        guard first < words.count, words[first].span.end <= span.end else { return nil }
        var last = first
        while last + 1 < words.count, words[last + 1].span.end <= span.end { last += 1 }
        return first..<(last + 1)
    }

    private func isAfterPreposition(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound - 1
        while index >= 0, Self.placeModifiers.contains(words[index].text) { index -= 1 }
        guard index >= 0, words[index].sentence == words[range.lowerBound].sentence, prepositions.matches(words[index].text)
        else { return false }
        // "officials from Azerbaijan", "the president of Ukraine" speak for the country.
        return index == 0 || !Self.representatives.contains(words[index - 1].text)
    }

    /// Words between a preposition and a place ("in northern Norway").
    static let placeModifiers: Set<String> = [
        "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "neighbouring",
        "neighboring", "rural", "occupied",
    ]

    /// People who act for a country ("officials from Azerbaijan", "thousands of Georgians").
    static let representatives: Set<String> = [
        "officials", "official", "delegation", "delegations", "ministers", "minister", "leaders", "leader", "president",
        "representatives", "diplomats", "envoy", "troops", "soldiers", "forces", "government", "parliament", "spokesman",
        "spokeswoman", "spokesperson", "thousands", "hundreds", "millions", "percent", "majority", "most",
    ]

    /// Whether `entity` is a city or other place of a country, not the country: a place linked
    /// as `CC:Name` ("BE:Brussels"; a user's organisation with a colon in its id is none).
    private static func isCity(_ entity: Entity) -> Bool {
        entity.kind == .geopolitical && (entity.canonical?.contains(":") ?? false)
    }

    /// Whether the city at `range` names an event or a document: before an event word ("the
    /// Lisbon Treaty", "the Washington summit") or after a capitalised one and `of` ("the Treaty
    /// of Lisbon"; "the agreement of Moscow" is Moscow's). The `of` form is English.
    private func namesEvent(_ range: Range<Int>) -> Bool {
        let after = range.upperBound
        if after < words.count, eventWords.matches(words[after].text) { return true }
        let before = range.lowerBound
        return before >= 2 && words[before - 1].text == "of" && words[before - 2].isCapitalised
            && eventWords.matches(words[before - 2].text)
    }

    /// Whether entity `index` is a city written with its country after a comma ("Brussels,
    /// Belgium", "Luanda, Angola"): the country's mention stands for both, so that the seat of a
    /// bloc named as a place ("in Brussels, Belgium") names no bloc.
    private func isGlossedCity(_ index: Int, in entities: [Entity], ranges: [Range<Int>?]) -> Bool {
        let next = index + 1
        guard next < entities.count, Self.isCity(entities[index]), let cityRange = ranges[index],
            let countryRange = ranges[next], countryRange.lowerBound == cityRange.upperBound + 1,
            words[cityRange.upperBound].text == ",", let code = entities[next].canonical, Self.isCountryCode(code)
        else { return false }
        return entities[index].parent == code
    }

    /// A bloc name used as a figure of speech ("an Asian NATO").
    private func isFigurative(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound
        return before >= 2 && words[before - 1].isCapitalised && ["a", "an", "another"].contains(words[before - 2].text)
    }

    private static func isCountryCode(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.count == 2 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    private func referent(of entity: Entity, gazetteer: Gazetteer) -> StanceMention.Referent? {
        if let canonical = entity.canonical, let bloc = Self.blocSeats[canonical] { return .bloc(bloc, named: bloc) }
        switch entity.kind {
        case .geopolitical, .group, .location:
            if Self.isCountryCode(entity.canonical), let code = entity.canonical { return .actor(code) }
            if Self.isCountryCode(entity.parent), let code = entity.parent { return .actor(code) }
            // A bloc the tagger typed as a place ("BRICS" as GPE).
            if entity.kind == .geopolitical, let canonical = entity.canonical, !canonical.contains(":") {
                return .bloc(entity.parent ?? canonical, named: canonical)
            }
        case .organisation, .person:
            // An institution of a country ("the Kremlin" → RU) or a known leader ("Putin" → RU), not
            // of a bloc ("the European Commission" → EU).
            if Self.isCountryCode(entity.parent), let code = entity.parent, gazetteer.kinds(of: code).contains(.geopolitical) {
                return .actor(code)
            }
            if entity.kind == .organisation, let canonical = entity.canonical {
                return .bloc(entity.parent ?? canonical, named: canonical)
            }
        case .date: break
        }
        return nil
    }

    private mutating func placeEntities(_ entities: [Entity], gazetteer: Gazetteer) {
        let entities = entities.sorted { $0.start < $1.start }
        let ranges = entities.map { wordRange(of: TextSpan(start: $0.start, end: $0.end)) }
        // A glossed city's place ("in Brussels, Belgium"): its country's mention takes it over.
        var placedBefore = false
        for (index, entity) in entities.enumerated() {
            let inheritsPlace = placedBefore
            placedBefore = false
            guard let referent = referent(of: entity, gazetteer: gazetteer), let range = ranges[index] else { continue }
            if case .bloc = referent, isFigurative(range) { continue }
            if Self.isCity(entity), namesEvent(range) { continue }
            if isGlossedCity(index, in: entities, ranges: ranges) {
                placedBefore = isAfterPreposition(range)
                continue
            }
            var mention = StanceMention(referent: referent, words: range, sentence: words[range.lowerBound].sentence)
            mention.afterPreposition = inheritsPlace || isAfterPreposition(range)
            mention.isPerson = entity.kind == .person
            // "the Non-Aligned" is the movement's name, not an adjective.
            mention.isAdjective =
                mention.bloc != nil && Self.isBlocAdjective(entity.text)
                && !(range.lowerBound > 0 && articles.matches(words[range.lowerBound - 1].text))
            mentions.append(mention)
        }
    }

    /// Whether a bloc's name is an adjective alone ("non-aligned", "Nonaligned"), not a name of
    /// the bloc itself ("the Non-Aligned Movement", "non-aligned countries").
    static func isBlocAdjective(_ name: String) -> Bool {
        ["non-aligned", "nonaligned"].contains(name.lowercased())
    }

    /// Countries and blocs inside hyphenated words ("Russia-led", "NATO-sponsored", "anti-NATO").
    private mutating func placeHyphenParts(in scalars: [Unicode.Scalar], gazetteer: Gazetteer) {
        let covered = coveredWords()
        for (index, word) in words.enumerated() where !covered[index] {
            let isHyphenPart =
                (index + 1 < words.count && words[index + 1].text == "-" && words[index + 1].span.start == word.span.end)
                || (index > 0 && words[index - 1].text == "-" && words[index - 1].span.end == word.span.start)
            guard isHyphenPart, word.isCapitalised else { continue }
            let original = String(String.UnicodeScalarView(scalars[word.span.start..<word.span.end]))
            guard let entry = gazetteer.entry(for: [original][...]) else { continue }
            let entity = Entity(
                text: original, kind: entry.kind, start: word.span.start, end: word.span.end, canonical: entry.canonical,
                canonicalName: entry.name, parent: entry.parent, sentence: word.sentence)
            guard let referent = referent(of: entity, gazetteer: gazetteer) else { continue }
            var mention = StanceMention(referent: referent, words: index..<(index + 1), sentence: word.sentence)
            mention.isModifier = mention.actor != nil
            mentions.append(mention)
        }
    }

    /// Whether each word is part of a mention placed so far.
    private func coveredWords() -> [Bool] {
        var covered = [Bool](repeating: false, count: words.count)
        for mention in mentions { for word in mention.words { covered[word] = true } }
        return covered
    }

    /// Whether `the` comes shortly before word `index` with only words between ("the Russia-led bloc").
    private func hasArticle(before index: Int) -> Bool {
        var word = index - 1
        while word >= 0, index - word <= 4, words[word].sentence == words[index].sentence, !words[word].isBoundary {
            if articles.matches(words[word].text) { return true }
            word -= 1
        }
        return false
    }

    /// "it", "the country" (actor references) and "the alliance" (resolved to the last bloc named).
    private mutating func placeReferences(_ cues: StanceCues) {
        let covered = coveredWords()
        let determiners: Set<String> = ["the", "his", "her", "its", "their", "our", "whose"]
        let blocs = mentions.filter(\.isBlocName).sorted { $0.words.lowerBound < $1.words.lowerBound }
        for (index, word) in words.enumerated() where !covered[index] {
            let previous = index > 0 && words[index - 1].sentence == word.sentence ? words[index - 1].text : ""
            if cues.blocReferences.matches(word.text), hasArticle(before: index) {
                let before = blocs.last { $0.words.upperBound <= index }
                let after = blocs.first { $0.words.lowerBound > index && $0.sentence == word.sentence }
                guard let target = before ?? after, case .bloc(let id, _) = target.referent else { continue }
                mentions.append(
                    StanceMention(referent: .bloc(id, named: id), words: index..<(index + 1), sentence: word.sentence))
            } else if cues.actorReferences.matches(word.text) {
                let isPronoun = ["it", "its", "itself", "they", "their", "we", "our", "us"].contains(word.text)
                let afterFirstPerson = !previous.isEmpty && cues.firstPerson.matches(previous)
                let firstPerson = cues.firstPerson.matches(word.text)
                guard isPronoun || firstPerson || determiners.contains(previous) || afterFirstPerson else { continue }
                var reference = StanceMention(referent: .actorReference, words: index..<(index + 1), sentence: word.sentence)
                reference.isFirstPerson = afterFirstPerson || firstPerson
                mentions.append(reference)
            }
        }
    }
}
