import Foundation
import GleanText

extension StanceAnalyzer {
    /// Where an actor and a bloc are named together in a text, summed over its sentences.
    struct Together {
        var sentences = 0
        var first: (index: Int, span: TextSpan)?
        var features: [String: Double] = [:]

        mutating func set(_ name: String, _ value: Double = 1) {
            features[name] = max(features[name] ?? 0, value)
        }
    }

    /// The candidate pairs of `text`: every actor and bloc that a cue pairs, and every actor and
    /// bloc named in one sentence, each with its features; `speaker` is the country the text
    /// speaks for and `year` the year it was written, when known.
    public func candidates(in text: String, entities: [Entity], speaker: String? = nil, year: Int? = nil)
        -> [StanceCandidate]
    {
        candidates(in: TokenizedText(text), entities: entities, speaker: speaker, year: year)
    }

    /// The candidate pairs of a text already cut into tokens and sentences, each with its features;
    /// the membership table is read at the latest year the text names, else at `year`, the year
    /// it was written, else today.
    public func candidates(in text: TokenizedText, entities: [Entity], speaker: String? = nil, year written: Int? = nil)
        -> [StanceCandidate]
    {
        let prepared = StanceText(text: text, entities: entities, cues: cues, gazetteer: gazetteer)
        var evidence = exitEvidence(in: prepared)
        guard prepared.namesBloc || !evidence.isEmpty else { return [] }
        var together: [PairKey: Together] = [:]
        var focus = Focus(speaker: speaker)
        var actorCounts: [String: Int] = [:]
        for mention in prepared.mentions { if let actor = mention.actor { actorCounts[actor, default: 0] += 1 } }
        let mainActor = speaker ?? actorCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        for sentence in prepared.sentences.indices {
            let mentions = prepared.mentions(in: sentence)
            let hasBloc = mentions.contains { prepared.mentions[$0].bloc != nil }
            guard focus.bloc != nil || hasBloc else {
                focus.update(after: sentence, in: prepared)
                continue
            }
            let found = matches(in: sentence, of: prepared)
            for match in found {
                for (key, item) in read(match, in: prepared, focus: focus) {
                    evidence[key, default: []].append(item)
                }
            }
            if hasBloc {
                noteTogether(in: sentence, of: prepared, matches: found, focus: focus, main: mainActor, into: &together)
            }
            focus.update(after: sentence, in: prepared)
        }
        var result: [StanceCandidate] = []
        let year = memberships == nil ? nil : Self.readingYear(named: Self.latestYear(in: prepared), written: written)
        for key in Set(evidence.keys).union(together.keys) where !pairsOnlyByAdjective(key, in: prepared) {
            let items = evidence[key] ?? []
            let rule = items.isEmpty ? nil : aggregate(key, items)
            var features = together[key]?.features ?? [:]
            features["bias.bloc." + key.bloc] = 1
            if key.actor == mainActor { features["doc.main_actor"] = 1 }
            if key.actor == speaker { features["doc.speaker"] = 1 }
            features["doc.actor_mentions"] = Self.bucket(actorCounts[key.actor] ?? 0)
            if let count = together[key]?.sentences {
                features["together.sentences"] = Self.bucket(count)
            } else {
                features["together.none"] = 1
            }
            addEvidenceFeatures(items, rule: rule, to: &features)
            addPriorFeatures(actor: key.actor, bloc: key.bloc, year: year, to: &features)
            result.append(
                StanceCandidate(
                    actor: key.actor, bloc: key.bloc, features: features, evidence: items, rule: rule,
                    sentence: together[key]?.first))
        }
        return result.sorted { ($0.actor, $0.bloc) < ($1.actor, $1.bloc) }
    }

    /// Whether a pair's bloc is named in `text` only by its adjective ("non-aligned") and the
    /// membership table has never listed its actor in it (as a member, a candidate, a partner or
    /// an observer; without a table, never): "the non-aligned status of Cyprus" is the movement,
    /// "Ukraine's non-aligned status" is not. Such a pair is no candidate.
    func pairsOnlyByAdjective(_ key: PairKey, in text: StanceText) -> Bool {
        guard text.blocsNamedOnlyByAdjective.contains(key.bloc) else { return false }
        return memberships?.periods(actor: key.actor, bloc: key.bloc).isEmpty ?? true
    }

    /// A count squashed to 0…1 (1 → 0.5, 3 → 0.75, 7 → 0.875).
    static func bucket(_ count: Int) -> Double {
        count <= 0 ? 0 : 1 - 1 / Double(count + 1)
    }

    /// Features of the cues that fired for a pair: the stances signalled (at the latest time and
    /// at any), negated, withdrawn, dated, past; and the rules' own reading.
    func addEvidenceFeatures(_ items: [StanceEvidence], rule: StancePair?, to features: inout [String: Double]) {
        guard let latest = items.map(\.time).max() else {
            features["evidence.none"] = 1
            return
        }
        var now: [Stance: Double] = [:]
        var ever: [Stance: Double] = [:]
        for item in items {
            ever[item.stance, default: 0] += item.weight
            if item.time == latest { now[item.stance, default: 0] += item.weight }
            if item.negated { features["evidence.negated." + item.stance.rawValue] = 1 }
            if item.isWithdrawal { features["evidence.withdrawal"] = 1 }
            if item.year != nil { features["evidence.dated"] = 1 }
            if item.time < 1 { features["evidence.marked_past." + item.stance.rawValue] = 1 }
            if item.cue.hasPrefix("programme ") { features["evidence.programme." + item.stance.rawValue] = 1 }
            if item.cue.hasPrefix("exit ") { features["evidence.exit"] = 1 }
            if item.cue.contains("ACTOR") { features["evidence.names_actor." + item.stance.rawValue] = 1 }
            if item.cue.contains("BLOC") { features["evidence.names_bloc." + item.stance.rawValue] = 1 }
        }
        for (stance, weight) in now { features["evidence.now." + stance.rawValue] = 1 - exp(-weight) }
        for (stance, weight) in ever { features["evidence.ever." + stance.rawValue] = 1 - exp(-weight) }
        features["evidence.stances"] = Double(ever.count)
        if let rule {
            features["rule." + rule.stance.rawValue] = 1
            features["rule.confidence"] = rule.confidence
            for stance in rule.also { features["rule.also." + stance.rawValue] = 1 }
        }
    }

    /// Notes every actor and reported bloc named in one sentence, with where they stand.
    func noteTogether(
        in sentence: Int, of text: StanceText, matches: [Match], focus: Focus, main: String?,
        into together: inout [PairKey: Together]
    ) {
        let mentions = text.mentions(in: sentence)
        let blocMentions = mentions.filter { text.mentions[$0].bloc.map(blocs.contains) ?? false }
        guard !blocMentions.isEmpty else { return }
        let actorMentions = mentions.filter { text.mentions[$0].actor != nil }
        let firstSubject = actorMentions.first { !text.mentions[$0].afterPreposition && !text.mentions[$0].isModifier }
        let references = mentions.filter { text.mentions[$0].referent == .actorReference }
        let distinctActors = Set(actorMentions.compactMap { text.mentions[$0].actor }).count
        let span = text.sentences[sentence].span
        let tone = sentenceTone(sentence, of: text)
        // Each match's negation, hedge and time, read once for every pair of the sentence.
        let readings = matches.map {
            (
                negated: isNegated($0, in: text), hedged: isHedged($0, in: text), past: time(of: $0, in: text).order < 1,
                attributed: isAttributed($0, in: text)
            )
        }
        // Each actor with the words it stands at; references ("it", "we", "the country") stand
        // for the current subject or the document's main actor; a sentence that names no actor
        // at all may be about the main actor (a country profile's "EU member").
        var placed: [(actor: String, mention: Int, how: String?)] = actorMentions.map {
            (text.mentions[$0].actor ?? "", $0, nil)
        }
        // "We", "our country": the speaker, when the document names one, whoever else the
        // sentence names.
        let speaking = references.filter { focus.speaker != nil && text.mentions[$0].isFirstPerson }
        if let speaker = focus.speaker {
            for reference in speaking { placed.append((speaker, reference, "speaker")) }
        }
        if actorMentions.isEmpty {
            for reference in references where !speaking.contains(reference) {
                placed += focus.actors.map { ($0, reference, "reference") }
                if let main, !focus.actors.contains(main) { placed.append((main, reference, "reference_main")) }
            }
            if references.isEmpty, let main, let bloc = blocMentions.first { placed.append((main, bloc, "implicit_main")) }
        }
        // A speaker speaks of every bloc it names, whoever else the sentence names ("the support
        // NATO gives Portugal's colonial war" in a delegation's statement).
        if let speaker = focus.speaker, !placed.contains(where: { $0.actor == speaker }), let bloc = blocMentions.first {
            placed.append((speaker, bloc, "implicit_speaker"))
        }
        for (actor, actorMention, how) in placed {
            let isReference = how != nil
            let actorWords = text.mentions[actorMention].words
            let actorGroup = how == "implicit_main" || how == "implicit_speaker" ? [actorMention] : text.group(of: actorMention)
            for blocMention in blocMentions {
                guard let bloc = text.mentions[blocMention].bloc else { continue }
                let blocWords = text.mentions[blocMention].words
                let key = PairKey(actor: actor, bloc: bloc)
                // Taken out while it is added to, so that its features are not copied on the
                // first write (the dictionary would still hold them); put back below.
                var entry = together.removeValue(forKey: key) ?? Together()
                if entry.first == nil { entry.first = (sentence, span) }
                let before = actorWords.upperBound <= blocWords.lowerBound
                let gap = before ? blocWords.lowerBound - actorWords.upperBound : actorWords.lowerBound - blocWords.upperBound
                let distance = max(gap, 0)
                entry.set("together.near", 1 / (1 + Double(distance) / 4))
                entry.set(before ? "together.actor_first" : "together.bloc_first")
                if let how { entry.set("together." + how) }
                if text.mentions[actorMention].afterPreposition { entry.set("together.actor_after_preposition") }
                if text.mentions[actorMention].isModifier { entry.set("together.actor_modifier") }
                if text.mentions[actorMention].isPerson { entry.set("together.actor_person") }
                if actorMention == firstSubject { entry.set("together.actor_subject") }
                if actorGroup.count > 1 {
                    entry.set("together.actor_list", Self.bucket(actorGroup.count))
                }
                let blocGroup = text.group(of: blocMention)
                if blocGroup.count > 1 { entry.set("together.bloc_list", Self.bucket(blocGroup.count)) }
                entry.set("together.actors", Self.bucket(distinctActors))
                let between =
                    before
                    ? actorWords.upperBound..<blocWords.lowerBound
                    : blocWords.upperBound..<max(blocWords.upperBound, actorWords.lowerBound)
                if between.contains(where: { text.isClauseBreak($0) && text.words[$0].isBoundary }) {
                    entry.set("together.punctuation_between")
                }
                for (position, match) in matches.enumerated() {
                    let stance = match.cue.stance.rawValue
                    // Someone's claim about the actor is no cue of the actor's own.
                    if readings[position].attributed {
                        entry.set("together.cue_attributed." + stance)
                        continue
                    }
                    entry.set("together.cue." + stance)
                    if between.contains(match.words.lowerBound) { entry.set("together.cue_between." + stance) }
                    let from = min(actorWords.lowerBound, blocWords.lowerBound)
                    let to = max(actorWords.upperBound, blocWords.upperBound)
                    let near = match.words.lowerBound >= from - 4 && match.words.upperBound <= to + 4
                    if near {
                        entry.set("together.cue_near." + stance)
                        if actorMention == firstSubject { entry.set("together.cue_near_subject." + stance) }
                        if isReference { entry.set("together.cue_near_reference." + stance) }
                        if actorGroup.count > 1 { entry.set("together.cue_near_actor_list." + stance) }
                        if blocGroup.count > 1 { entry.set("together.cue_near_bloc_list." + stance) }
                    }
                    if near, readings[position].negated { entry.set("together.cue_negated." + stance) }
                    if near, readings[position].hedged { entry.set("together.cue_hedged." + stance) }
                    if near, readings[position].past { entry.set("together.cue_past." + stance) }
                }
                if readings.allSatisfy(\.attributed) { entry.set("together.no_cue") }
                if let tone { Self.addToneFeatures(tone, bloc: blocWords, to: &entry) }
                // The words between the two (when close) and just around them: language-specific
                // features, named by the text's language, that other languages simply do not fire.
                if between.count <= 8 {
                    for word in between where !text.words[word].isBoundary {
                        entry.set("words.between." + text.words[word].text)
                    }
                    let distance = between.count <= 2 ? "near" : between.count <= 5 ? "mid" : "far"
                    entry.set("together.distance." + distance)
                } else {
                    entry.set("together.distance.apart")
                }
                let span = min(actorWords.lowerBound, blocWords.lowerBound)..<max(actorWords.upperBound, blocWords.upperBound)
                let sentenceWords = text.sentences[sentence].words
                for word in max(sentenceWords.lowerBound, span.lowerBound - 3)..<span.lowerBound
                where !text.words[word].isBoundary {
                    entry.set("words.before." + text.words[word].text)
                }
                for word in span.upperBound..<min(sentenceWords.upperBound, span.upperBound + 2)
                where !text.words[word].isBoundary {
                    entry.set("words.after." + text.words[word].text)
                }
                together[key] = entry
            }
        }
        for key in Set(
            placed.flatMap { item in
                blocMentions.compactMap { text.mentions[$0].bloc }.map { PairKey(actor: item.actor, bloc: $0) }
            })
        {
            together[key]?.sentences += 1
        }
    }
}
