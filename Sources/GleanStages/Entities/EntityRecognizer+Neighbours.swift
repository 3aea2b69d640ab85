import GleanText

/// Rules that read what stands around the mentions once the tagger, the gazetteer and the
/// phrase rules have had their say: addresses, names with particles, organisations and places
/// "of" a place, and organisations named after a word that says what they are.
extension EntityRecognizer {
    /// Applies the rules below to a sentence's `mentions` (in text order), keeping that order.
    func joinNeighbours(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        joinParticles(words, mentions: &mentions, taken: &taken)
        joinPlacesAfterOf(words, mentions: &mentions, taken: &taken)
        organisationsAfterCues(words, mentions: &mentions, taken: &taken)
        placesAfterNouns(words, mentions: &mentions, taken: &taken)
        mentions.sort { $0.first < $1.first }
    }

    /// "Spring, TX", "Ottawa, Ont.": a state or province abbreviated after a place and a comma
    /// is a place (also when the tagger took it for an organisation), and so is the town before
    /// it: a capitalised run of up to three words nothing else claimed, or one word the tagger
    /// took for a person ("Raleigh, NC"). Not after a person's full name ("Harry Preuss, MD"),
    /// where the tagger's place is dropped too.
    func addressRegions(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        for index in words.indices.dropFirst(2)
        where words[index - 1] == "," && EntityRules.regionAbbreviations.contains(words[index]) {
            let region = mentions.firstIndex { $0.first == index && $0.last == index }
            guard region.map({ mentions[$0].entry == nil }) ?? !taken[index] else { continue }
            let town = index - 2
            if let before = mentions.firstIndex(where: { $0.last == town }) {
                switch mentions[before].kind {
                case .geopolitical, .location: break
                case .person where mentions[before].first == town && mentions[before].entry == nil && words[index] != "MD":
                    mentions[before].kind = .geopolitical
                case .person:
                    // "Harry Preuss, MD": a degree after a full name, even where the tagger took it for a place.
                    if let region { mentions.remove(at: region) }
                    taken[index] = false
                    continue
                default: continue
                }
            } else {
                guard !taken[town], EntityRules.isCapitalised(words[town]) else { continue }
                var first = town
                while first > 0, town - first < 2, !taken[first - 1], EntityRules.isCapitalised(words[first - 1]),
                    names.caseCode(words[first - 1]) != "l"
                {
                    first -= 1
                }
                mentions.append(
                    Mention(first: first, last: town, kind: .geopolitical, entry: gazetteer.entry(for: words[first...town])))
                for covered in first...town { taken[covered] = true }
            }
            let mention = Mention(
                first: index, last: index, kind: .geopolitical, entry: gazetteer.entry(for: words[index...index]))
            if let region { mentions[region] = mention } else { mentions.append(mention) }
            taken[index] = true
        }
    }

    /// "Ursula von der Leyen", "Mohammed bin Salman", "Gitanas Nauseda": a person's name goes on
    /// over lower-case particles to the capitalised word after them (which nothing else claimed),
    /// and takes in a person the tagger began right after it.
    private func joinParticles(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        var index = 0
        while index < mentions.count {
            guard mentions[index].kind == .person, mentions[index].entry == nil else {
                index += 1
                continue
            }
            var next = mentions[index].last + 1
            while next < words.count, EntityRules.nameParticles.contains(words[next]), !taken[next] { next += 1 }
            guard next < words.count, EntityRules.isCapitalised(words[next]) else {
                index += 1
                continue
            }
            if let other = mentions.firstIndex(where: { $0.first == next }), mentions[other].kind == .person,
                mentions[other].entry == nil
            {
                mentions[index].last = mentions[other].last
                mentions.remove(at: other)
                if other < index { index -= 1 }
            } else if next > mentions[index].last + 1, !taken[next] {
                mentions[index].last = next
            } else {
                index += 1
                continue
            }
            for covered in mentions[index].first...mentions[index].last { taken[covered] = true }
        }
    }

    /// "the town of Handlova": after a lower-case word for a kind of place and "of", a
    /// capitalised word nothing claimed is a place.
    private func placesAfterNouns(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        for noun in words.indices.dropLast(2) where words[noun + 1] == "of" && EntityRules.placeNouns.contains(words[noun]) {
            let first = noun + 2
            guard !taken[first], EntityRules.isCapitalised(words[first]) else { continue }
            claimCapitalised(words, from: first, upTo: 3, as: .geopolitical, mentions: &mentions, taken: &taken)
        }
    }

    /// Makes a mention of `kind` of the capitalised words from `first` (which the caller found
    /// free) that nothing claimed, `upTo` words at most, linked when the gazetteer knows them.
    private func claimCapitalised(
        _ words: [String], from first: Int, upTo longest: Int, as kind: Entity.Kind, mentions: inout [Mention],
        taken: inout [Bool]
    ) {
        var last = first
        while last + 1 < words.count, last + 1 - first < longest, !taken[last + 1], EntityRules.isCapitalised(words[last + 1]) {
            last += 1
        }
        mentions.append(Mention(first: first, last: last, kind: kind, entry: gazetteer.entry(for: words[first...last])))
        for covered in first...last { taken[covered] = true }
    }

    /// "Bank of Russia", "University of Tartu", "Gulf of Aden": an organisation's head word or
    /// the first word of a natural place, "of" and a place are one name. The head is an
    /// organisation mention ending in its head word or in "of" (the tagger's "Bank of"), or a
    /// capitalised head word nothing claimed ("Gulf", "Strait", "University"); the place is a
    /// place mention, or up to three capitalised words nothing claimed.
    private func joinPlacesAfterOf(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        var head = 0
        while head + 2 < words.count {
            defer { head += 1 }
            // The cheap test first: most words are not followed by "of" and a capital.
            guard words[head + 1] == "of", EntityRules.isCapitalised(words[head + 2]) else { continue }
            let word = words[head]
            let kind: Entity.Kind
            if EntityRules.organisationHeads.contains(word) {
                kind = .organisation
            } else if EntityRules.placeOpeners.contains(word) {
                kind = .location
            } else {
                continue
            }
            let of = head + 1
            // What the head belongs to: an organisation mention ending at the head or at "of", or
            // the head alone.
            let owner = mentions.firstIndex {
                ($0.last == head || $0.last == of) && $0.first <= head
                    && ($0.kind == kind || $0.entry == nil && $0.kind != .person)
            }
            guard owner != nil || !taken[head] else { continue }
            var first = owner.map { mentions[$0].first } ?? head
            if owner == nil {
                while first > 0, !taken[first - 1], EntityRules.isCapitalised(words[first - 1]),
                    !EntityRules.titles.contains(words[first - 1])
                {
                    first -= 1
                }
            }
            let place = mentions.firstIndex { $0.first == of + 1 }
            var last = of + 1
            if let place {
                guard mentions[place].kind == .geopolitical || mentions[place].kind == .location else { continue }
                last = mentions[place].last
            } else {
                guard !taken[last] else { continue }
                while last + 1 < words.count, last - of < 3, !taken[last + 1], EntityRules.isCapitalised(words[last + 1]) {
                    last += 1
                }
            }
            let joined = Mention(first: first, last: last, kind: kind, entry: gazetteer.entry(for: words[first...last]))
            mentions.removeAll { $0.first >= first && $0.last <= last }
            mentions.append(joined)
            for covered in first...last { taken[covered] = true }
            head = last
        }
    }

    /// "oil giant Aramco", "chip equipment maker ASML", "news agency Xinhua": after a word that
    /// says what kind of organisation follows, up to four capitalised words are its name, where
    /// nothing else claimed them or the tagger alone took them for a person or a place.
    private func organisationsAfterCues(_ words: [String], mentions: inout [Mention], taken: inout [Bool]) {
        for cue in words.indices.dropLast() where EntityRules.isCapitalised(words[cue + 1]) {
            let first = cue + 1
            guard EntityRules.isOrganisationCue(words[cue]), !EntityRules.titles.contains(words[first]),
                !EntityRules.months.contains(words[first]), !EntityRules.weekdays.contains(words[first])
            else { continue }
            if let found = mentions.firstIndex(where: { $0.first == first }) {
                guard mentions[found].entry == nil, mentions[found].kind != .organisation, mentions[found].kind != .date
                else { continue }
                mentions[found].kind = .organisation
                continue
            }
            guard !taken[first] else { continue }
            claimCapitalised(words, from: first, upTo: 4, as: .organisation, mentions: &mentions, taken: &taken)
        }
    }
}
