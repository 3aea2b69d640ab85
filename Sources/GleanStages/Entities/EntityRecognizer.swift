import GleanCore
import GleanText

/// Finds named entities in English text: the trained tagger, the gazetteer, and rules for
/// titles, organisation heads, "the Alliance" and dates; links what it can.
public struct EntityRecognizer: Sendable {
    /// The tagger.
    public let tagger: EntityTagger
    /// The gazetteer (built-in plus the user's).
    public let gazetteer: Gazetteer
    /// The name lists the tagger sees as features.
    public let names: NameLexicon
    /// The word clusters the tagger sees as features.
    public let clusters: WordClusters
    /// Whether to link mentions to canonical ids.
    public var link = true

    /// A recognizer.
    public init(tagger: EntityTagger, gazetteer: Gazetteer, names: NameLexicon, clusters: WordClusters) {
        self.tagger = tagger
        self.gazetteer = gazetteer
        self.names = names
        self.clusters = clusters
    }

    /// The recognizer with the shipped tagger, gazetteer, name lists and word clusters.
    public static var shipped: EntityRecognizer {
        get throws(GleanError) { try shipped(gazetteer: Gazetteer.shipped) }
    }

    /// The recognizer with the shipped tagger, name lists and word clusters, and `gazetteer`
    /// (the shipped one with the user's names added).
    public static func shipped(gazetteer: Gazetteer) throws(GleanError) -> EntityRecognizer {
        EntityRecognizer(
            tagger: try EntityTagger.shipped, gazetteer: gazetteer, names: try NameLexicon.shipped,
            clusters: try WordClusters.shipped)
    }

    /// The entities of `text`, in text order, people and organisations with their ids within
    /// the text (``EntityCoreference``).
    public func entities(in text: String) -> [Entity] {
        entities(in: TokenizedText(text))
    }

    /// The entities of a text already cut into tokens and sentences (``entities(in:)-(String)``).
    public func entities(in text: TokenizedText) -> [Entity] {
        var memory = DocumentMemory()
        var entities = mentions(in: text, splitting: { $0.splittingPossessive(in: $1) }) { words in
            var found = recognize(words)
            recallPeople(words, mentions: &found, memory: &memory)
            return found
        }
        if link { linkAlliance(&entities) }
        EntityCoreference.assignIDs(&entities)
        return entities
    }

    /// The country names of another language (``LocalizedCountryNames``) in `text`, the
    /// longest at each place, linked when ``link`` is on; nothing else is recognised. Words are
    /// split at their apostrophes, so "l'Ukraine" gives "Ukraine" and "Türkiye'de" "Türkiye", and
    /// after an abbreviation's hyphen ("NATO-ya").
    /// With `people`, people are found too (``OtherLanguagePeople``).
    public func entities(in text: String, knownOnly names: LocalizedCountryNames, people: OtherLanguagePeople? = nil)
        -> [Entity]
    {
        entities(in: TokenizedText(text), knownOnly: names, people: people)
    }

    /// The country names (and `people`) of a text in another language already cut into tokens
    /// and sentences (``entities(in:knownOnly:people:)-(String,_,_)``).
    public func entities(
        in text: TokenizedText, knownOnly names: LocalizedCountryNames, people: OtherLanguagePeople? = nil
    ) -> [Entity] {
        var people = people
        return mentions(in: text, splitting: Self.otherLanguagePieces) { words in
            let known = names.matches(in: words)
            var found = known.map {
                Mention(first: $0.first, last: $0.first + $0.length - 1, kind: $0.entry.kind, entry: $0.entry)
            }
            guard people != nil else { return found }
            for person in people?.people(in: words, known: known.map { ($0.first, $0.length) }) ?? [] {
                found.append(Mention(first: person.first, last: person.first + person.length - 1, kind: .person, entry: nil))
            }
            return found.sorted { $0.first < $1.first }
        }
    }

    /// Splits `text` into sentences and tokens (each word's span cut by `split`), finds each
    /// sentence's mentions with `recognize` and turns them into entities with scalar offsets.
    private func mentions(
        in text: TokenizedText, splitting split: (TextSpan, [Unicode.Scalar]) -> [TextSpan],
        _ recognize: ([String]) -> [Mention]
    ) -> [Entity] {
        let prepared = text.text
        let scalars = prepared.scalars
        let tokens = text.tokens
        var entities: [Entity] = []
        var cursor = 0
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            while cursor < tokens.count && tokens[cursor].span.start < sentence.start { cursor += 1 }
            var spans: [TextSpan] = []
            while cursor < tokens.count && tokens[cursor].span.end <= sentence.end {
                spans += split(tokens[cursor].span, scalars)
                cursor += 1
            }
            let words = spans.map { prepared[$0] }
            for found in recognize(words) {
                let start = spans[found.first].start
                let end = spans[found.last].end
                var entity = Entity(
                    text: prepared[TextSpan(start: start, end: end)], kind: found.kind, start: start, end: end,
                    canonical: nil, canonicalName: nil, parent: nil, sentence: sentenceIndex)
                if link, let entry = found.entry {
                    entity.canonical = entry.canonical
                    entity.canonicalName = entry.name
                    entity.parent = entry.parent
                }
                entities.append(entity)
            }
        }
        return entities
    }

    /// A mention found in a sentence's tokens: first and last token, kind, gazetteer entry.
    public struct Mention: Sendable {
        /// First token.
        public var first: Int
        /// Last token (inclusive).
        public var last: Int
        /// Kind.
        public var kind: Entity.Kind
        /// The gazetteer entry it links to, if any.
        public var entry: GazetteerEntry?
    }

    /// The mentions in one sentence's tokens.
    public func recognize(_ words: [String]) -> [Mention] {
        guard !words.isEmpty else { return [] }
        let lower = words.map { $0.lowercased() }
        let known = gazetteer.matchAtEachToken(words)
        let codes = EntityFeatures.gazetteerCodes(lower, matches: known, gazetteer: gazetteer)
        let tags = tagger.tag(
            EntityFeatures(tokens: words, lower: lower, gazetteerCodes: codes, names: names, clusters: clusters))
        var taken = [Bool](repeating: false, count: words.count)
        var mentions: [Mention] = []
        // Known names of several words first ("Shanghai Cooperation Organisation", "Recep Tayyip
        // Erdogan"): the tagger may cut them up. Not where they name nothing (``namesHere``): a
        // leader's name a head word goes on from ("Charles de Gaulle Airport") is the tagger's.
        for match in Gazetteer.matches(from: known)
        where match.length > 1 && Self.namesHere(match.entry, words, first: match.first, next: match.first + match.length) {
            mentions.append(
                Mention(first: match.first, last: match.first + match.length - 1, kind: match.entry.kind, entry: match.entry))
            for covered in match.first..<(match.first + match.length) { taken[covered] = true }
        }
        // The tagger's spans, typed and linked through the gazetteer.
        var index = 0
        while index < words.count {
            let tag = tags[index]
            guard tag != 0 && tag % 2 == 1 else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < words.count && tags[last + 1] == tag + 1 { last += 1 }
            // Dates are the date rules' ("March 2022" is no place).
            if taken[index...last].contains(true) || EntityRules.months.contains(words[index])
                || EntityRules.weekdays.contains(words[index])
            {
                index = last + 1
                continue
            }
            // "Russia 's Foreign Ministry": the possessor is a name of its own.
            if let possessive = (index..<last).first(where: { words[$0] == "'s" || words[$0] == "\u{2019}s" }),
                possessive > index,
                let owner = gazetteer.entry(for: words[index..<possessive])
            {
                mentions.append(Mention(first: index, last: possessive - 1, kind: owner.kind, entry: owner))
                for covered in index..<possessive { taken[covered] = true }
                if possessive + 1 <= last, let rest = typed(words, first: possessive + 1, last: last, tag: EntityTagger.tags[tag])
                {
                    mentions.append(rest)
                    for covered in rest.first...rest.last { taken[covered] = true }
                }
                index = last + 1
                continue
            }
            // "Greek Prime Minister Kyriakos Mitsotakis" taken as one span.
            if let split = EntityRules.titleSplit(words, first: index, last: last) {
                if let known = gazetteer.entry(for: words[split.before]) {
                    mentions.append(Mention(first: index, last: split.before.upperBound - 1, kind: known.kind, entry: known))
                }
                mentions.append(
                    Mention(
                        first: split.person.lowerBound, last: last, kind: .person,
                        entry: knownPerson(words, first: split.person.lowerBound, last: last)))
                for covered in index...last { taken[covered] = true }
                index = last + 1
                continue
            }
            if let mention = typed(words, first: index, last: last, tag: EntityTagger.tags[tag]) {
                mentions.append(mention)
                for covered in mention.first...mention.last { taken[covered] = true }
            }
            index = last + 1
        }
        // Gazetteer matches the tagger missed, where they name something (``namesHere``: not
        // "Ho Chi Minh Trail", "Lumumba University", "a militarily non-aligned country").
        index = 0
        while index < words.count {
            if !taken[index], let match = known[index],
                !taken[index..<(index + match.length)].contains(true),
                Self.namesHere(match.entry, words, first: index, next: index + match.length)
            {
                mentions.append(Mention(first: index, last: index + match.length - 1, kind: match.entry.kind, entry: match.entry))
                for covered in index..<(index + match.length) { taken[covered] = true }
                index += match.length
            } else {
                index += 1
            }
        }
        mentions += EntityRules.mentions(words, taken: &taken)
        addressRegions(words, mentions: &mentions, taken: &taken)
        mentions.sort { $0.first < $1.first }
        joinNeighbours(words, mentions: &mentions, taken: &taken)
        return mentions
    }

    /// Types a tagger span: people stay people, linked when they are known leaders; places and
    /// organisations take the gazetteer's kind when it knows them, and a known leader's full
    /// name is a person whatever the tagger said; other names count only as nationalities
    /// (NORP).
    private func typed(_ words: [String], first: Int, last: Int, tag: String) -> Mention? {
        var first = first
        var last = last
        if words[first] == "the" || words[first] == "The", first < last { first += 1 }
        if words[last] == "'s" || words[last] == "\u{2019}s", first < last { last -= 1 }
        if tag == "B-PER" {
            // A title is not part of the name ("Foreign Minister Sergei Lavrov").
            while first < last, EntityRules.titles.contains(words[first]) || EntityRules.titleWords.contains(words[first]) {
                first += 1
            }
            // "Royal Navy", "Central Bank": an organisation's head word ends no person's name.
            if first < last, EntityRules.organisationHeads.contains(words[last]) {
                return Mention(first: first, last: last, kind: .organisation, entry: gazetteer.entry(for: words[first...last]))
            }
        }
        var entry = gazetteer.entry(for: words[first...last]) ?? blocWithTail(words, first: first, last: last)
        if let known = entry, Self.isLeaderInsideLongerName(known, words, next: last + 1) { entry = nil }
        // "a militarily Non-Aligned Country" is neutrality, no name at all.
        if let known = entry, EntityRules.isMilitaryNonAlignment(known, words, first: first) { return nil }
        if tag != "B-OTH", first < last, let entry, entry.kind == .person {
            // A known leader's full name, whatever the tagger took it for; a surname alone keeps
            // the tagger's type ("Macmillan", the publisher).
            return Mention(first: first, last: last, kind: .person, entry: entry)
        }
        if tag != "B-OTH", let entry, entry.kind == .group {
            // A known nationality the tagger took for a name ("Kazakh President …").
            return Mention(first: first, last: last, kind: .group, entry: entry)
        }
        if tag != "B-OTH", first < last,
            EntityRules.placeHeads.contains(words[last]) || EntityRules.placeOpeners.contains(words[first])
        {
            return Mention(first: first, last: last, kind: .location, entry: entry)
        }
        // "Prime Minister Fumio Kishida": right after a title, a name the gazetteer does not know
        // and that has no organisation's head word is a person's, whatever the tagger said.
        if tag == "B-ORG" || tag == "B-LOC", entry == nil, first > 0, EntityRules.titles.contains(words[first - 1]),
            !words[first...last].contains(where: EntityRules.organisationHeads.contains)
        {
            return Mention(first: first, last: last, kind: .person, entry: leaderByLastWord(words, first: first, last: last))
        }
        switch tag {
        case "B-PER":
            if let entry { return Mention(first: first, last: last, kind: entry.kind, entry: entry) }
            return Mention(first: first, last: last, kind: .person, entry: leaderByLastWord(words, first: first, last: last))
        case "B-ORG":
            return Mention(
                first: first, last: last, kind: entry?.kind == .geopolitical ? .geopolitical : .organisation, entry: entry)
        case "B-LOC":
            return Mention(first: first, last: last, kind: entry?.kind ?? .geopolitical, entry: entry)
        default:
            guard let entry, entry.kind == .group || entry.kind == .organisation else { return nil }
            return Mention(first: first, last: last, kind: entry.kind, entry: entry)
        }
    }

    /// The known leader a person's name is: the gazetteer's entry for the whole name, else
    /// ``leaderByLastWord(_:first:last:)``; none when a head word goes on from it ("Ho Chi Minh
    /// Trail").
    private func knownPerson(_ words: [String], first: Int, last: Int) -> GazetteerEntry? {
        if let entry = gazetteer.entry(for: words[first...last]) {
            return entry.kind == .person && !Self.isLeaderInsideLongerName(entry, words, next: last + 1) ? entry : nil
        }
        return leaderByLastWord(words, first: first, last: last)
    }

    /// The known leader a person's name of several words the gazetteer does not know as a whole
    /// ends with ("Vladimir V. Putin"): the entry of its last word, when that word alone names a
    /// leader whose first name is the name's first word (so "Jill Biden" is no one the gazetteer
    /// knows) and no head word goes on from the name.
    private func leaderByLastWord(_ words: [String], first: Int, last: Int) -> GazetteerEntry? {
        guard first < last, !EntityRules.goesOnFromPerson(words, at: last + 1),
            let entry = gazetteer.entry(for: words[last...last]), entry.kind == .person,
            entry.name.split(separator: " ").first.map(String.init) == words[first]
        else { return nil }
        return entry
    }

    /// Whether a gazetteer match of `entry` over `first..<next` names it there: not a leader's
    /// name a head word goes on from ("Ho Chi Minh Trail"), not the NAM after "militarily" ("a
    /// militarily non-aligned country").
    private static func namesHere(_ entry: GazetteerEntry, _ words: [String], first: Int, next: Int) -> Bool {
        !isLeaderInsideLongerName(entry, words, next: next) && !EntityRules.isMilitaryNonAlignment(entry, words, first: first)
    }

    /// Whether `entry` is a known leader whose name a place's or an organisation's head word at
    /// `next` goes on from: part of a longer name ("Charles de Gaulle Airport"), not the leader.
    private static func isLeaderInsideLongerName(_ entry: GazetteerEntry, _ words: [String], next: Int) -> Bool {
        entry.kind == .person && EntityRules.goesOnFromPerson(words, at: next)
    }

    /// A bloc's name followed only by words for its members, meetings or forces ("NATO Alliance",
    /// "NATO Allies", "EU member states", "NATO Vilnius Summit"): the bloc's entry, for a span the
    /// gazetteer does not know as a whole.
    private func blocWithTail(_ words: [String], first: Int, last: Int) -> GazetteerEntry? {
        guard first < last else { return nil }
        for end in stride(from: last - 1, through: first, by: -1) {
            guard let bloc = gazetteer.entry(for: words[first...end]), bloc.isBloc, bloc.kind == .organisation else {
                continue
            }
            let tail = words[(end + 1)...last]
            if tail.allSatisfy({ EntityRules.blocTailWords.contains($0) })
                || EntityRules.meetingWords.contains(words[last])
            {
                return bloc
            }
            return nil
        }
        return nil
    }

    /// "the Alliance" (capitalised) links to NATO when NATO is named in the document.
    private func linkAlliance(_ entities: inout [Entity]) {
        guard entities.contains(where: { $0.canonical == "NATO" }) else { return }
        for index in entities.indices where entities[index].text == "Alliance" && entities[index].canonical == nil {
            entities[index].kind = .organisation
            entities[index].canonical = "NATO"
            entities[index].canonicalName = "North Atlantic Treaty Organization"
        }
    }
}
