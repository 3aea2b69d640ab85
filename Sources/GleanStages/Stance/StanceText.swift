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

    /// The words, in text order.
    var words: [Word] = []
    /// Each sentence's span and words.
    var sentences: [(span: TextSpan, words: Range<Int>)] = []
    /// The mentions, in text order.
    var mentions: [StanceMention] = []
    /// The mention each word belongs to.
    var mentionOfWord: [Int?] = []

    /// Conjunctions that start a new clause.
    static let clauseWords: Set<String> = ["but", "while", "whereas", "although", "though", "yet", "and", "because", "despite"]
    /// Prepositions after which a place name is a place, not an actor.
    static let prepositions: Set<String> = [
        "in", "at", "from", "to", "near", "into", "across", "via", "through", "over", "under", "against", "toward",
        "towards", "on", "onto", "of", "outside", "inside",
    ]
    /// Cities that stand for a bloc in news ("Brussels" for the EU), by linked id.
    static let blocSeats = ["BE:Brussels": "EU"]

    /// Whether word `index` ends a clause: punctuation, or a clause-starting conjunction.
    func isClauseBreak(_ index: Int) -> Bool {
        words[index].isBoundary || Self.clauseWords.contains(words[index].text)
    }

    /// The words of `text`, with `entities` (from the `entities` stage) placed over them.
    init(text: String, entities: [Entity], cues: StanceCues, gazetteer: Gazetteer) {
        let scalars = Array(text.unicodeScalars)
        let spans = SentenceSplitter().sentences(in: scalars)
        var cursor = 0
        let tokens = Tokenizer().tokens(in: scalars)
        for (sentence, span) in spans.enumerated() {
            let first = words.count
            while cursor < tokens.count && tokens[cursor].span.start < span.start { cursor += 1 }
            while cursor < tokens.count && tokens[cursor].span.end <= span.end {
                for piece in Self.pieces(of: tokens[cursor], in: scalars) {
                    let raw = String(String.UnicodeScalarView(scalars[piece.start..<piece.end]))
                    let isWord = raw.unicodeScalars.first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
                    words.append(
                        Word(
                            text: raw.lowercased(), span: piece, sentence: sentence,
                            isBoundary: !isWord && [",", ";", ":", "(", ")", "—", "–", "\""].contains(raw),
                            isCapitalised: raw.unicodeScalars.first?.properties.isUppercase ?? false))
                }
                cursor += 1
            }
            sentences.append((span, first..<words.count))
        }
        mentionOfWord = Array(repeating: nil, count: words.count)
        placeEntities(entities)
        placeHyphenParts(in: scalars, gazetteer: gazetteer)
        placeReferences(cues)
        mentions.sort { $0.words.lowerBound < $1.words.lowerBound }
        for (index, mention) in mentions.enumerated() {
            for word in mention.words { mentionOfWord[word] = index }
        }
    }

    /// A token's pieces: a possessive `'s` and the parts of a hyphenated word are split off.
    private static func pieces(of token: Token, in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var span = token.span
        var tail: [TextSpan] = []
        if span.length > 2, scalars[span.end - 1] == "s" || scalars[span.end - 1] == "S",
            scalars[span.end - 2] == "'" || scalars[span.end - 2] == "\u{2019}"
        {
            tail.append(TextSpan(start: span.end - 2, end: span.end))
            span.end -= 2
        }
        guard token.kind == .word else { return [span] + tail }
        var pieces: [TextSpan] = []
        var start = span.start
        for index in span.start..<span.end where scalars[index] == "-" || scalars[index] == "\u{2010}" {
            if index > start { pieces.append(TextSpan(start: start, end: index)) }
            pieces.append(TextSpan(start: index, end: index + 1))
            start = index + 1
        }
        if start < span.end { pieces.append(TextSpan(start: start, end: span.end)) }
        return pieces + tail
    }

    private func wordRange(of span: TextSpan) -> Range<Int>? {
        let first = words.firstIndex { $0.span.start >= span.start && $0.span.end <= span.end }
        guard let first else { return nil }
        var last = first
        while last + 1 < words.count, words[last + 1].span.end <= span.end { last += 1 }
        return first..<(last + 1)
    }

    private func isAfterPreposition(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound - 1
        if index >= 0, words[index].text == "the" { index -= 1 }
        return index >= 0 && words[index].sentence == words[range.lowerBound].sentence
            && Self.prepositions.contains(words[index].text)
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

    private func referent(of entity: Entity) -> StanceMention.Referent? {
        if let canonical = entity.canonical, let bloc = Self.blocSeats[canonical] { return .bloc(bloc, named: bloc) }
        switch entity.kind {
        case .geopolitical, .group:
            if Self.isCountryCode(entity.canonical), let code = entity.canonical { return .actor(code) }
            if Self.isCountryCode(entity.parent), let code = entity.parent { return .actor(code) }
        case .organisation:
            if Self.isCountryCode(entity.parent), let code = entity.parent { return .actor(code) }
            if let canonical = entity.canonical { return .bloc(entity.parent ?? canonical, named: canonical) }
        case .person, .location, .date: break
        }
        return nil
    }

    private mutating func placeEntities(_ entities: [Entity]) {
        for entity in entities {
            guard let referent = referent(of: entity), let range = wordRange(of: TextSpan(start: entity.start, end: entity.end))
            else { continue }
            if case .bloc = referent, isFigurative(range) { continue }
            var mention = StanceMention(referent: referent, words: range, sentence: words[range.lowerBound].sentence)
            mention.afterPreposition = isAfterPreposition(range)
            mentions.append(mention)
        }
    }

    /// Countries and blocs inside hyphenated words ("Russia-led", "NATO-sponsored", "anti-NATO").
    private mutating func placeHyphenParts(in scalars: [Unicode.Scalar], gazetteer: Gazetteer) {
        let covered = Set(mentions.flatMap { Array($0.words) })
        for (index, word) in words.enumerated() where !covered.contains(index) {
            let isHyphenPart =
                (index + 1 < words.count && words[index + 1].text == "-" && words[index + 1].span.start == word.span.end)
                || (index > 0 && words[index - 1].text == "-" && words[index - 1].span.end == word.span.start)
            guard isHyphenPart, word.isCapitalised else { continue }
            let original = String(String.UnicodeScalarView(scalars[word.span.start..<word.span.end]))
            guard let entry = gazetteer.entry(for: [original][...]) else { continue }
            let entity = Entity(
                text: original, kind: entry.kind, start: word.span.start, end: word.span.end, canonical: entry.canonical,
                canonicalName: entry.name, parent: entry.parent, sentence: word.sentence)
            guard let referent = referent(of: entity) else { continue }
            mentions.append(StanceMention(referent: referent, words: index..<(index + 1), sentence: word.sentence))
        }
    }

    /// "it", "the country" (actor references) and "the alliance" (resolved to the last bloc named).
    private mutating func placeReferences(_ cues: StanceCues) {
        let covered = Set(mentions.flatMap { Array($0.words) })
        let determiners: Set<String> = ["the", "his", "her", "its", "their", "our", "whose"]
        let blocs = mentions.filter { $0.bloc != nil }.sorted { $0.words.lowerBound < $1.words.lowerBound }
        for (index, word) in words.enumerated() where !covered.contains(index) {
            let previous = index > 0 && words[index - 1].sentence == word.sentence ? words[index - 1].text : ""
            if cues.blocReferences.matches(word.text), previous == "the" {
                let before = blocs.last { $0.words.upperBound <= index }
                let after = blocs.first { $0.words.lowerBound > index && $0.sentence == word.sentence }
                guard let target = before ?? after, case .bloc(let id, _) = target.referent else { continue }
                mentions.append(StanceMention(referent: .bloc(id, named: id), words: index..<(index + 1), sentence: word.sentence))
            } else if cues.actorReferences.matches(word.text) {
                let isPronoun = ["it", "its", "itself", "they", "their"].contains(word.text)
                guard isPronoun || determiners.contains(previous) else { continue }
                mentions.append(StanceMention(referent: .actorReference, words: index..<(index + 1), sentence: word.sentence))
            }
        }
    }
}
