import GleanText

/// Finds, for each actor (a country) and bloc a text mentions, the actor's stance toward the bloc.
///
/// Each sentence's words are matched against the cue patterns; each match is checked for
/// negation ("does not seek"), attribution to another party ("accuses X of wanting"), and time
/// (its clause's year, "had been", "until", "since"); then given an actor (the pattern's own, the
/// speaker for hostility, the nearest country before it, "it"/"the country" resolved to the
/// subject, or the document's current subject) and a bloc (the pattern's own, the nearest in the
/// sentence, or the last one named). Per pair, the evidence of the latest time decides.
public struct StanceAnalyzer: Sendable {
    /// The cues matched.
    public let cues: StanceCues
    /// The blocs reported (ids); others are ignored.
    public var blocs: Set<String>
    /// The learned model that decides each candidate pair; without one, the rules decide.
    public var model: StanceModel?
    /// Which states belong to which blocs, and when: read into the model's features (none when `nil`).
    public var memberships: BlocMemberships?
    /// The valences of words in the text's language, read into the model's tone features (none
    /// when `nil`).
    public var tone: (any WordValences)?
    /// Names of countries and blocs, by id, for the output.
    let gazetteer: Gazetteer
    /// Cue indices by the words their pattern can start with, by the first two characters of
    /// the prefixes they can start with, those that start with a mention, and those that start
    /// with a part of a word (`*mitglied*`, tried at every word).
    private let cuesByFirstWord: [String: [Int]]
    private let cuesByPrefixHead: [Substring: [Int]]
    private let mentionStart: [Int]
    private let infixStart: [Int]
    /// The first UTF-8 bytes of the keys of `cuesByPrefixHead`: a word starting otherwise
    /// needs no lookup there.
    private let prefixHeadOpenings: ByteSet
    /// The shapes (``WordMatcher/shape(of:)``) of the keys of `cuesByFirstWord`: a word of
    /// another shape needs no lookup there.
    private let firstWordShapes: ByteSet
    /// Each cue's pattern as steps, and the word matchers its word steps name: matching walks
    /// these without copying a cue or a matcher (``PatternStep``).
    private let patterns: [[PatternStep]]
    private let wordMatchers: [WordMatcher]
    /// Every exit word of the cues in one matcher: a word it does not match needs no look at
    /// each exit (``exitEvidence(in:)``).
    let exitWords: WordMatcher

    /// The blocs reported by default: every bloc of the shipped gazetteer (``Gazetteer/blocs``).
    public static let defaultBlocs: [String] = (try? Gazetteer.shippedBlocs.topLevel) ?? []

    /// Creates an analyzer for `cues`, naming things with `gazetteer`, reporting `blocs`, deciding
    /// with `model` (or with the rules alone when it is `nil`), telling the model what
    /// `memberships` knows of each pair and how `tone` rates the words around it.
    public init(
        cues: StanceCues, gazetteer: Gazetteer, blocs: Set<String> = Set(StanceAnalyzer.defaultBlocs),
        model: StanceModel? = nil, memberships: BlocMemberships? = nil, tone: (any WordValences)? = nil
    ) {
        self.cues = cues
        self.model = model
        self.memberships = memberships
        self.tone = tone
        self.gazetteer = gazetteer
        self.blocs = blocs
        var byWord: [String: [Int]] = [:]
        var byPrefix: [Substring: [Int]] = [:]
        var mention: [Int] = []
        var infix: [Int] = []
        for (index, cue) in cues.cues.enumerated() {
            if case .word(let matcher) = cue.elements.first {
                for word in matcher.words { byWord[word, default: []].append(index) }
                for prefix in matcher.prefixes { byPrefix[prefix.prefix(2), default: []].append(index) }
                if !matcher.infixes.isEmpty || !matcher.suffixes.isEmpty { infix.append(index) }
            } else {
                mention.append(index)
            }
        }
        cuesByFirstWord = byWord
        cuesByPrefixHead = byPrefix.mapValues { Array(Set($0)).sorted() }
        var openings = ByteSet()
        for head in byPrefix.keys { openings.insert(head.utf8.first ?? 0) }
        prefixHeadOpenings = openings
        var shapes = ByteSet()
        for word in byWord.keys { shapes.insert(WordMatcher.shape(of: word)) }
        firstWordShapes = shapes
        mentionStart = mention
        infixStart = infix
        (patterns, wordMatchers) = Self.compile(cues.cues)
        var exitWords = WordMatcher([String]())
        for exit in cues.exits { exitWords.formUnion(exit.words) }
        self.exitWords = exitWords
    }

    /// The stance pairs of `text`, given its entities, most confident first; `speaker` is the
    /// country the text speaks for (ISO 3166-1 alpha-2) and `year` the year it was written, when
    /// known.
    public func pairs(in text: String, entities: [Entity], speaker: String? = nil, year: Int? = nil) -> [StancePair] {
        pairs(in: TokenizedText(text), entities: entities, speaker: speaker, year: year)
    }

    /// The stance pairs of a text already cut into tokens and sentences, given its entities,
    /// most confident first; `speaker` is the country the text speaks for and `year` the year it
    /// was written, when known.
    public func pairs(in text: TokenizedText, entities: [Entity], speaker: String? = nil, year: Int? = nil)
        -> [StancePair]
    {
        if let model {
            return candidates(in: text, entities: entities, speaker: speaker, year: year).compactMap {
                // A speaker adds candidates (its "we", the blocs it names); a date only reads the record
                // at another year, so the calibration follows the speaker alone.
                pair(from: $0, model: model, plain: speaker == nil)
            }.sorted {
                $0.confidence != $1.confidence ? $0.confidence > $1.confidence : ($0.actor, $0.bloc) < ($1.actor, $1.bloc)
            }
        }
        let prepared = StanceText(text: text, entities: entities, cues: cues, gazetteer: gazetteer)
        var evidence = exitEvidence(in: prepared)
        guard prepared.namesBloc || !evidence.isEmpty else { return [] }
        var focus = Focus(speaker: speaker)
        for sentence in prepared.sentences.indices {
            guard focus.bloc != nil || prepared.mentions(in: sentence).contains(where: { prepared.mentions[$0].bloc != nil })
            else {
                focus.update(after: sentence, in: prepared)
                continue
            }
            for match in matches(in: sentence, of: prepared) {
                for (key, item) in read(match, in: prepared, focus: focus) {
                    evidence[key, default: []].append(item)
                }
            }
            focus.update(after: sentence, in: prepared)
        }
        return evidence.filter { !pairsOnlyByAdjective($0.key, in: prepared) }.compactMap { key, items in
            aggregate(key, items)
        }.sorted {
            $0.confidence != $1.confidence ? $0.confidence > $1.confidence : ($0.actor, $0.bloc) < ($1.actor, $1.bloc)
        }
    }

    /// An actor and a bloc.
    struct PairKey: Hashable {
        var actor: String
        var bloc: String
    }

    /// A cue matched at some words of a sentence.
    struct Match {
        var cue: StanceCue
        var words: Range<Int>
        var sentence: Int
        /// The mention matched by `BLOC`, if any.
        var bloc: Int?
        /// The mention matched by `ACTOR`, if any.
        var actor: Int?
        /// The words of the clause around the match (for its actor, negation, hedges and time).
        var clause: Range<Int>
    }

    /// The document's current subject and bloc, carried from sentence to sentence.
    struct Focus {
        var actors: [String] = []
        var bloc: Int?
        /// The country the document speaks for, when its `speaker` is known: first-person
        /// references ("we", "my country") stand for it, and it is the subject until another is named.
        var speaker: String?

        /// The focus at a document's start: its speaker, if known, as the subject.
        init(speaker: String? = nil) {
            self.speaker = speaker
            actors = speaker.map { [$0] } ?? []
        }

        mutating func update(after sentence: Int, in text: StanceText) {
            let mentions = text.mentions(in: sentence)
            if let subject = mentions.first(where: { text.mentions[$0].actor != nil && !text.mentions[$0].afterPreposition }) {
                actors = text.group(of: subject).compactMap { text.mentions[$0].actor }
            }
            // A bloc's adjective ("its non-aligned status") describes a state: no bloc to carry on.
            if let last = mentions.last(where: { text.mentions[$0].isBlocName }) { bloc = last }
        }
    }

    // MARK: matching

    /// The cue matches of a sentence; a match inside a longer one is dropped unless it names
    /// its actor.
    func matches(in sentence: Int, of text: StanceText) -> [Match] {
        let range = text.sentences[sentence].words
        var found: [Match] = []
        // Tries cue `index` at word `start`, noting its match.
        func attempt(_ index: Int, at start: Int) {
            if start > range.lowerBound, cues.cues[index].notAfter?.matches(text.words[start - 1].text) ?? false {
                return
            }
            var bloc: Int?
            var actor: Int?
            if let end = match(patterns[index], from: 0, at: start, limit: range.upperBound, in: text, bloc: &bloc, actor: &actor)
            {
                found.append(
                    Match(
                        cue: cues.cues[index], words: start..<end, sentence: sentence, bloc: bloc, actor: actor,
                        clause: text.clause(around: start..<end, in: sentence)))
            }
        }
        for start in range {
            let word = text.words[start].text
            // The cues that can start here, in the order they were always tried: by the word,
            // by its first two characters, by a part of it, by a mention.
            let byWord = firstWordShapes.contains(WordMatcher.shape(of: word)) ? cuesByFirstWord[word] : nil
            let byPrefix = prefixHeadOpenings.contains(word.utf8.first ?? 0) ? cuesByPrefixHead[word.prefix(2)] : nil
            for index in byWord ?? [] { attempt(index, at: start) }
            for index in byPrefix ?? [] { attempt(index, at: start) }
            for index in infixStart where !(byWord?.contains(index) ?? false) && !(byPrefix?.contains(index) ?? false) {
                attempt(index, at: start)
            }
            if text.mention(at: start) != nil || (text.articles.matches(word) && text.mention(at: start + 1) != nil) {
                for index in mentionStart { attempt(index, at: start) }
            }
        }
        for index in text.mentions(in: sentence) {
            guard case .bloc(_, let named) = text.mentions[index].referent, let stance = cues.programmes[named],
                let cue = try? StanceCue(pattern: "programme", stance: stance)
            else { continue }
            var programme = cue
            programme.pattern = "programme " + named
            let words = text.mentions[index].words
            found.append(
                Match(
                    cue: programme, words: words, sentence: sentence, bloc: index, actor: nil,
                    clause: text.clause(around: words, in: sentence)))
        }
        found.sort { ($0.words.count, $0.cue.weight) > ($1.words.count, $1.cue.weight) }
        var kept: [Match] = []
        for candidate in found {
            // A match inside a longer one is dropped, unless one of them names its actor and
            // they signal different stances ("Hungary's parliament ratified its accession"), or
            // the longer one's bloc is an adjective ("a non-aligned nation" hides no "non-aligned").
            let inside = kept.contains {
                $0.words.lowerBound <= candidate.words.lowerBound && candidate.words.upperBound <= $0.words.upperBound
                    && ($0.cue.stance == candidate.cue.stance
                        || !($0.cue.namesActor || candidate.cue.namesActor
                            || $0.bloc.map { text.mentions[$0].isAdjective } == true))
            }
            if !inside { kept.append(candidate) }
        }
        return kept.sorted { $0.words.lowerBound < $1.words.lowerBound }
    }

    /// Where `steps` from `step` on match from word `position` (not past `limit`): the word
    /// after the match, or `nil`; notes the mentions matched by `BLOC` and `ACTOR`.
    private func match(
        _ steps: [PatternStep], from step: Int, at position: Int, limit: Int, in text: StanceText, bloc: inout Int?,
        actor: inout Int?
    ) -> Int? {
        guard step < steps.count else { return position }
        let next = step + 1
        switch steps[step] {
        case .word(let matcher):
            // A cue's own words are never part of a name ("Non-Aligned Movement" is no "non-aligned"),
            // but may be a bloc's adjective ("its non-aligned status").
            guard position < limit, wordMatchers[matcher].matches(text.words[position].text),
                text.mention(at: position).map({
                    text.mentions[$0].referent == .actorReference || text.mentions[$0].isAdjective
                }) ?? true
            else { return nil }
            return match(steps, from: next, at: position + 1, limit: limit, in: text, bloc: &bloc, actor: &actor)
        case .gap:
            var word = position
            while word <= limit && word - position <= StanceCue.maximumGap {
                if let end = match(steps, from: next, at: word, limit: limit, in: text, bloc: &bloc, actor: &actor) {
                    return end
                }
                guard word < limit, !text.words[word].isBoundary else { return nil }
                word += 1
            }
            return nil
        case .bloc, .actor:
            let start = position < limit && text.articles.matches(text.words[position].text) ? position + 1 : position
            guard start < limit, let mentionIndex = text.mentionOfWord[start] else { return nil }
            let mention = text.mentions[mentionIndex]
            guard mention.words.lowerBound == start else { return nil }
            if steps[step] == .bloc {
                guard mention.bloc != nil else { return nil }
                bloc = mentionIndex
            } else {
                guard mention.actor != nil else { return nil }
                actor = mentionIndex
            }
            return match(steps, from: next, at: mention.words.upperBound, limit: limit, in: text, bloc: &bloc, actor: &actor)
        }
    }
}
