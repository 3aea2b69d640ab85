import GleanText

extension StanceAnalyzer {
    /// Verbs that make the actor before them the speaker of the sentence.
    static let sayingVerbs: Set<String> = [
        "said", "says", "say", "called", "calls", "described", "describes", "warned", "warns", "accused", "accuses",
        "insisted", "insists", "stressed", "argued", "argues", "told", "declared", "announced", "reiterated", "confirmed",
        "regards", "considers", "echoed",
    ]

    /// The evidence one match gives, for each actor and bloc it concerns.
    func read(_ match: Match, in text: StanceText, focus: Focus) -> [(PairKey, StanceEvidence)] {
        var stance = match.cue.stance
        let sentenceWords = text.sentences[match.sentence].words
        if stance != .opposed,
            sentenceWords.lowerBound < match.words.lowerBound,
            (sentenceWords.lowerBound..<match.words.lowerBound).contains(where: { cues.attributions.matches(text.words[$0].text) })
        {
            return []
        }
        let blocMentions = blocs(for: match, in: text, focus: focus)
        let actors = actors(for: match, in: text, focus: focus)
        guard !blocMentions.isEmpty, !actors.isEmpty else { return [] }
        let negated = isNegated(match, in: text)
        var results: [(PairKey, StanceEvidence)] = []
        let time = time(of: match, in: text)
        for blocMention in blocMentions {
            guard case .bloc(let bloc, let named) = text.mentions[blocMention].referent, blocs.contains(bloc) else { continue }
            stance = match.cue.stance
            if let programme = cues.programmes[named], [.member, .seeking, .partner].contains(stance) { stance = programme }
            if negated {
                guard let turned = stance == match.cue.stance ? match.cue.negated : stance.negatedByDefault else { continue }
                stance = turned
            }
            let item = StanceEvidence(
                stance: stance, weight: match.cue.weight * (negated ? 0.9 : 1), cue: match.cue.pattern,
                cueSpan: TextSpan(start: text.words[match.words.lowerBound].span.start, end: text.words[match.words.upperBound - 1].span.end),
                sentence: match.sentence, sentenceSpan: text.sentences[match.sentence].span, negated: negated, year: time.year,
                time: time.order)
            for actor in actors { results.append((PairKey(actor: actor, bloc: bloc), item)) }
        }
        return results
    }

    // MARK: actor

    /// The actors a match is about.
    func actors(for match: Match, in text: StanceText, focus: Focus) -> [String] {
        func codes(_ group: [Int]) -> [String] { group.compactMap { text.mentions[$0].actor } }
        if let actor = match.actor { return codes(text.group(of: actor)) }
        let inSentence = text.mentions(in: match.sentence)
        let actorsInSentence = inSentence.filter { text.mentions[$0].actor != nil && !text.mentions[$0].afterPreposition }
        func resolveReference(_ reference: Int) -> [String] {
            if let subject = actorsInSentence.first(where: { $0 < reference }) { return codes(text.group(of: subject)) }
            return focus.actors
        }
        if match.cue.stance == .opposed, let speaker = speaker(in: match.sentence, before: match.words.lowerBound, of: text) {
            return codes(text.group(of: speaker))
        }
        let before = inSentence.filter { text.mentions[$0].words.upperBound <= match.words.lowerBound }.reversed()
        for index in before {
            let mention = text.mentions[index]
            if mention.referent == .actorReference { return resolveReference(index) }
            if mention.actor != nil, !mention.afterPreposition { return codes(text.group(of: index)) }
        }
        let clause = text.clause(around: match.words, in: match.sentence)
        if let after = inSentence.first(where: {
            text.mentions[$0].actor != nil && text.mentions[$0].words.lowerBound >= match.words.upperBound
                && text.mentions[$0].words.upperBound <= clause.upperBound
        }) {
            return codes(text.group(of: after))
        }
        return actorsInSentence.isEmpty ? focus.actors : []
    }

    /// The actor that speaks in a sentence ("Russia said", "the Kremlin warned"), if one does
    /// before `limit`.
    func speaker(in sentence: Int, before limit: Int, of text: StanceText) -> Int? {
        for index in text.mentions(in: sentence) where text.mentions[index].actor != nil {
            let mention = text.mentions[index]
            guard mention.words.upperBound <= limit else { break }
            var word = mention.words.upperBound
            while word < min(limit, mention.words.upperBound + 6), !text.words[word].isBoundary {
                if Self.sayingVerbs.contains(text.words[word].text) { return index }
                word += 1
            }
        }
        return nil
    }

    // MARK: bloc

    /// The bloc mentions a match is about: the pattern's own, the nearest in the sentence, or the
    /// last one named before.
    func blocs(for match: Match, in text: StanceText, focus: Focus) -> [Int] {
        if let bloc = match.bloc { return text.group(of: bloc) }
        var best: (distance: Int, index: Int)?
        for index in text.mentions(in: match.sentence) where text.mentions[index].bloc != nil {
            let words = text.mentions[index].words
            let distance: Int
            if words.lowerBound >= match.words.upperBound {
                distance = words.lowerBound - match.words.upperBound
            } else if words.upperBound <= match.words.lowerBound {
                distance = match.words.lowerBound - words.upperBound + 1
            } else {
                distance = 0
            }
            if best.map({ distance < $0.distance }) ?? true { best = (distance, index) }
        }
        if let best { return text.group(of: best.index) }
        return focus.bloc.map { [$0] } ?? []
    }

    // MARK: negation and time

    /// Whether a negator comes shortly before the match in its clause, or a negating phrase
    /// ("is out of the question") shortly after it.
    func isNegated(_ match: Match, in text: StanceText) -> Bool {
        let sentence = text.sentences[match.sentence].words
        var index = match.words.lowerBound - 1
        var seen = 0
        while index >= sentence.lowerBound, seen < 6, !text.isClauseBreak(index) {
            let word = text.words[index].text
            if cues.negators.matches(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") { return true }
            index -= 1
            seen += 1
        }
        let after = match.words.upperBound
        for phrase in cues.negatedAfter {
            for start in after..<min(sentence.upperBound, after + 6) {
                guard start + phrase.count <= sentence.upperBound else { break }
                if (0..<phrase.count).allSatisfy({ text.words[start + $0].text == phrase[$0] }) { return true }
                if text.words[start].isBoundary { break }
            }
        }
        return false
    }

    /// When the match's state holds: the year its clause names (nearest to it), the present
    /// ("since 2012", "now", no date), or the marked past ("had been", "until 2008").
    func time(of match: Match, in text: StanceText) -> (order: Double, year: Int?) {
        let present = 1_000_000.0
        let clause = text.clause(around: match.words, in: match.sentence)
        var year: (index: Int, value: Int)?
        for index in clause {
            let word = text.words[index].text
            guard word.count == 4, let value = Int(word), (1900...2099).contains(value) else { continue }
            if year.map({ abs(index - match.words.lowerBound) < abs($0.index - match.words.lowerBound) }) ?? true {
                year = (index, value)
            }
        }
        let head = clause.lowerBound..<match.words.lowerBound
        if head.contains(where: { cues.presentMarkers.matches(text.words[$0].text) }) { return (present, nil) }
        if let year {
            let previous = year.index > clause.lowerBound ? text.words[year.index - 1].text : ""
            if previous == "since" { return (present, nil) }
            if ["until", "till", "before"].contains(previous) { return (Double(year.value) - 0.5, nil) }
            return (Double(year.value), year.value)
        }
        for marker in cues.pastMarkers where !marker.isEmpty {
            for start in head where start + marker.count <= match.words.lowerBound {
                if (0..<marker.count).allSatisfy({ text.words[start + $0].text == marker[$0] }) { return (0, nil) }
            }
        }
        return (present, nil)
    }
}
