import GleanText

extension StanceAnalyzer {
    /// The evidence one match gives, for each actor and bloc it concerns.
    func read(_ match: Match, in text: StanceText, focus: Focus) -> [(PairKey, StanceEvidence)] {
        var stance = match.cue.stance
        if isAttributed(match, in: text) { return [] }
        if namesGroups(match, in: text) { return [] }
        let blocMentions = blocs(for: match, in: text, focus: focus)
        let actors = actors(for: match, in: text, focus: focus)
        guard !blocMentions.isEmpty, !actors.isEmpty, !joinsSomethingElse(match, in: text),
            !(match.cue.stance == .partner && match.bloc == nil && cooperatesWithCountry(after: match, in: text))
        else { return [] }
        let negated = isNegated(match, in: text)
        let hedged = isHedged(match, in: text)
        var results: [(PairKey, StanceEvidence)] = []
        let time = time(of: match, in: text)
        for blocMention in blocMentions {
            guard case .bloc(let bloc, let named) = text.mentions[blocMention].referent, blocs.contains(bloc) else { continue }
            stance = match.cue.stance
            if let programme = cues.programmes[named], [.member, .seeking, .partner].contains(stance) { stance = programme }
            if negated {
                guard let turned = stance == match.cue.stance ? match.cue.negated : stance.negatedByDefault else { continue }
                stance = turned
            } else if hedged, stance == .seeking {
                stance = .neutral
            }
            let cueSpan = TextSpan(
                start: text.words[match.words.lowerBound].span.start, end: text.words[match.words.upperBound - 1].span.end)
            let item = StanceEvidence(
                stance: stance, weight: match.cue.weight * (negated ? 0.9 : 1), cue: match.cue.pattern,
                cueText: String(String.UnicodeScalarView(text.scalars[cueSpan.start..<cueSpan.end])), cueSpan: cueSpan,
                sentence: match.sentence, sentenceSpan: text.sentences[match.sentence].span, negated: negated,
                isWithdrawal: match.cue.isWithdrawal && !negated, year: time.year,
                time: time.order)
            for actor in actors { results.append((PairKey(actor: actor, bloc: bloc), item)) }
        }
        return results
    }

    /// Whether a cue is only someone's claim about the actor ("Moscow accuses Chisinau of wanting
    /// to join NATO"): an attribution word comes before it in its sentence. Hostility and cues
    /// that name their actor are read as they stand.
    func isAttributed(_ match: Match, in text: StanceText) -> Bool {
        let sentenceWords = text.sentences[match.sentence].words
        guard match.cue.stance != .opposed, !match.cue.namesActor, sentenceWords.lowerBound < match.words.lowerBound
        else { return false }
        return (sentenceWords.lowerBound..<match.words.lowerBound).contains {
            cues.attributions.matches(text.words[$0].text)
        }
    }

    /// Whether a member or partner cue only names groups of countries ("NATO member and partner
    /// countries", "partner and member states"): it says nothing of any one actor.
    func namesGroups(_ match: Match, in text: StanceText) -> Bool {
        guard match.cue.stance == .member || match.cue.stance == .partner else { return false }
        let groups: Set<String> = ["member", "members", "partner", "partners"]
        let after = match.words.upperBound
        if let conjunction = text.words[safe: after]?.text, ["and", "or", "&"].contains(conjunction),
            let next = text.words[safe: after + 1]?.text, groups.contains(next)
        {
            return true
        }
        let before = match.words.lowerBound
        if let conjunction = text.words[safe: before - 1]?.text, ["and", "or", "&"].contains(conjunction),
            let previous = text.words[safe: before - 2]?.text, groups.contains(previous)
        {
            return true
        }
        return false
    }

    // MARK: actor

    /// The actors a match is about.
    func actors(for match: Match, in text: StanceText, focus: Focus) -> [String] {
        let companions = companions(of: match, in: text)
        func codes(_ group: [Int]) -> [String] { (group + companions).compactMap { text.mentions[$0].actor } }
        if let actor = match.actor { return codes(text.group(of: actor)) }
        let inSentence = text.mentions(in: match.sentence)
        let actorsInSentence = inSentence.filter {
            text.mentions[$0].actor != nil && !text.mentions[$0].afterPreposition && !text.mentions[$0].isModifier
        }
        func resolveReference(_ reference: Int) -> [String] {
            if text.mentions[reference].isFirstPerson, let speaker = focus.speaker { return [speaker] }
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
            if mention.actor != nil, !mention.afterPreposition, !mention.isModifier, !isPossessiveComplement(index, in: text) {
                return codes(text.group(of: index))
            }
        }
        let clause = match.clause
        if let after = inSentence.first(where: {
            text.mentions[$0].actor != nil && !text.mentions[$0].afterPreposition && !text.mentions[$0].isModifier
                && text.mentions[$0].words.lowerBound >= match.words.upperBound
                && text.mentions[$0].words.upperBound <= clause.upperBound
        }) {
            return codes(text.group(of: after))
        }
        return actorsInSentence.isEmpty ? focus.actors : []
    }

    /// The actor that speaks in a sentence ("Russia said", "the Kremlin warned"), if one does
    /// before `limit`.
    func speaker(in sentence: Int, before limit: Int, of text: StanceText) -> Int? {
        var found: Int?
        for index in text.mentions(in: sentence) where text.mentions[index].actor != nil {
            let mention = text.mentions[index]
            guard mention.words.upperBound <= limit else { break }
            var word = mention.words.upperBound
            while word < min(limit, mention.words.upperBound + 6), !text.words[word].isBoundary {
                if cues.sayingVerbs.matches(text.words[word].text) {
                    found = index
                    break
                }
                word += 1
            }
        }
        return found
    }

    /// Actors named with "alongside" right after the match ("joined the SCO alongside India").
    func companions(of match: Match, in text: StanceText) -> [Int] {
        let clause = match.clause
        let end = min(clause.upperBound, match.words.upperBound + 10)
        for word in match.words.upperBound..<end {
            let current = text.words[word].text
            let next = text.words[safe: word + 1]?.text ?? ""
            let length: Int
            if current == "alongside" {
                length = 1
            } else if (current == "along" || current == "together") && next == "with" {
                length = 2
            } else {
                continue
            }
            var start = word + length
            if text.words[safe: start]?.text == "the" { start += 1 }
            guard let mention = text.mention(at: start), text.mentions[mention].actor != nil else { return [] }
            return text.group(of: mention)
        }
        return []
    }

    /// Whether an actor is only the possessor in a complement ("Belarus is Russia's closest ally").
    func isPossessiveComplement(_ index: Int, in text: StanceText) -> Bool {
        let words = text.mentions[index].words
        guard text.words[safe: words.upperBound]?.text == "'s" || text.words[safe: words.upperBound]?.text == "’s" else {
            return false
        }
        let previous = text.words[safe: words.lowerBound - 1]?.text ?? ""
        return ["is", "are", "was", "were", "remains", "became", "as", "and"].contains(previous)
    }

    /// Whether cooperation is with a country, not a bloc ("cooperation with Russia on a
    /// bilateral basis").
    func cooperatesWithCountry(after match: Match, in text: StanceText) -> Bool {
        let clause = match.clause
        var word = match.words.upperBound
        while word < min(clause.upperBound, match.words.upperBound + 3) {
            if ["with", "alongside"].contains(text.words[word].text) {
                let next = text.words[safe: word + 1]?.text == "the" ? word + 2 : word + 1
                return text.mention(at: next).map { text.mentions[$0].actor != nil } ?? false
            }
            word += 1
        }
        return false
    }

    /// Whether a `join` cue joins something that is not a bloc ("no intention of joining the war").
    func joinsSomethingElse(_ match: Match, in text: StanceText) -> Bool {
        guard match.bloc == nil, let last = text.words[safe: match.words.upperBound - 1]?.text,
            last.hasPrefix("join") || last.hasPrefix("rejoin")
        else { return false }
        var next = match.words.upperBound
        let hasDeterminer = text.words[safe: next].map { ["the", "a", "an", "their", "its"].contains($0.text) } ?? false
        if hasDeterminer { next += 1 }
        guard next < text.sentences[match.sentence].words.upperBound else { return false }
        if let mention = text.mentionOfWord[next] { return text.mentions[mention].actor != nil }
        let word = text.words[next].text
        return (hasDeterminer && word.unicodeScalars.first?.properties.isAlphabetic == true) || Self.joinedNonBlocs.contains(word)
    }

    /// What one joins that is not a bloc ("joined forces", "joining calls for").
    static let joinedNonBlocs: Set<String> = [
        "forces", "efforts", "hands", "calls", "sanctions", "protests", "talks", "ranks", "queues", "negotiations",
    ]

    // MARK: bloc

    /// The bloc mentions a match is about: the pattern's own, the nearest in the sentence, or the
    /// last one named before. A bloc's adjective describes a state and is no cue's bloc unless the
    /// pattern names it ("a neutral and non-aligned state, … will not join NATO" is about NATO).
    func blocs(for match: Match, in text: StanceText, focus: Focus) -> [Int] {
        if let bloc = match.bloc { return text.group(of: bloc) }
        var best: (distance: Int, index: Int)?
        for index in text.mentions(in: match.sentence) where text.mentions[index].isBlocName {
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
        // Hostility is read toward a bloc named in its own sentence only ("hybrid threats" in a
        // sentence about a pact with the EU is not hostility to the EU).
        if best == nil, match.cue.stance == .opposed, !match.cue.isWithdrawal { return [] }
        if let best {
            // "NATO's Partnership for Peace": the programme, not its bloc.
            let after = text.mentions[best.index].words.upperBound
            if text.words[safe: after]?.text == "'s", let programme = text.mention(at: after + 1),
                case .bloc(let id, let named) = text.mentions[programme].referent, id != named,
                text.mentions[best.index].bloc == id
            {
                return [programme]
            }
            return text.group(of: best.index)
        }
        return focus.bloc.map { [$0] } ?? []
    }

    // MARK: negation and time

    /// Whether a negator comes shortly before the match in its clause, or a negating phrase
    /// ("is out of the question") shortly after it.
    func isNegated(_ match: Match, in text: StanceText) -> Bool {
        let sentence = text.sentences[match.sentence].words
        for index in match.words {
            let word = text.words[index].text
            if !cues.negatedForms.isEmpty, cues.negatedForms.matches(word) { return true }
            if !match.cue.isOwnWord(word), cues.negators.matches(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") {
                return true
            }
        }
        var index = match.words.lowerBound - 1
        var seen = 0
        while index >= sentence.lowerBound, seen < 6, !text.isClauseBreak(index),
            text.mention(at: index).flatMap({ text.mentions[$0].actor }) == nil
        {
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

    /// Whether a hedge ("considering", "weighing") comes shortly before the match in its clause.
    func isHedged(_ match: Match, in text: StanceText) -> Bool {
        let clause = match.clause
        let from = max(clause.lowerBound, match.words.lowerBound - 3)
        return (from..<match.words.upperBound).contains {
            cues.hedges.matches(text.words[$0].text) && !match.cue.isOwnWord(text.words[$0].text)
        }
    }

    /// When the match's state holds: the year its clause names (nearest to it), the present
    /// ("since 2012", "now", "until 2028" with a present verb, no date), or the marked past
    /// ("had been", "was neutral until 2008", "before 2022").
    func time(of match: Match, in text: StanceText) -> (order: Double, year: Int?) {
        let present = 1_000_000.0
        let clause = match.clause
        var year: (index: Int, value: Int)?
        for index in clause {
            guard let value = text.year(at: index) else { continue }
            if year.map({ abs(index - match.words.lowerBound) < abs($0.index - match.words.lowerBound) }) ?? true {
                year = (index, value)
            }
        }
        let head = clause.lowerBound..<match.words.lowerBound
        if head.contains(where: { cues.presentMarkers.matches(text.words[$0].text) }) { return (present, nil) }
        if let year {
            let previous = year.index > clause.lowerBound ? text.words[year.index - 1].text : ""
            if previous == "since" { return (present, nil) }
            // "before 2022": earlier; "was neutral until 2014": ended then; "suspended the talks
            // until 2028": holds now.
            let pastTense = clause.contains { ["was", "were", "had", "remained"].contains(text.words[$0].text) }
            let bound = year.index > clause.lowerBound && text.followsBefore(year.index)
            if bound || (["until", "till"].contains(previous) && pastTense) {
                return (Double(year.value) - 0.5, nil)
            }
            if ["until", "till"].contains(previous) { return (present, nil) }
            return (Double(year.value), year.value)
        }
        let near = max(head.lowerBound, match.words.lowerBound - 4)..<match.words.lowerBound
        for marker in cues.pastMarkers where !marker.isEmpty {
            for start in near where start + marker.count <= match.words.lowerBound {
                if (0..<marker.count).allSatisfy({ text.words[start + $0].text == marker[$0] }) { return (0, nil) }
            }
        }
        return (present, nil)
    }
}
