extension EntityRecognizer {
    /// What the sentences of one document have said so far about its people: the last words of
    /// their names of two words or more ("Aliyev" of "Ilham Aliyev").
    struct DocumentMemory {
        var surnames: Set<String> = []
    }

    /// Later mentions of a person named earlier in the document: a capitalised word that is the
    /// last word of an earlier person's name is that person, whether the sentence's tagger
    /// missed it ("… thanked Hasanova") or took it for a place or organisation the gazetteer does
    /// not know. Then remembers the people of this sentence. `mentions` is sorted by first token.
    func recallPeople(_ words: [String], mentions: inout [Mention], memory: inout DocumentMemory) {
        if !memory.surnames.isEmpty {
            var covered = [Bool](repeating: false, count: words.count)
            for index in mentions.indices {
                let mention = mentions[index]
                for position in mention.first...mention.last { covered[position] = true }
                if mention.kind != .person, mention.entry == nil, mention.first == mention.last,
                    memory.surnames.contains(words[mention.first])
                {
                    mentions[index].kind = .person
                }
            }
            var added = false
            for (position, word) in words.enumerated()
            where !covered[position] && EntityRules.isCapitalised(word) && memory.surnames.contains(word) {
                // Not inside a longer capitalised name the tagger left alone ("Aliyev Centre").
                let before = position > 0 ? words[position - 1] : ""
                let after = position + 1 < words.count ? words[position + 1] : ""
                guard !EntityRules.isCapitalised(after) || after == "'s" else { continue }
                guard position == 0 || !EntityRules.isCapitalised(before) || EntityRules.titles.contains(before) else { continue }
                mentions.append(Mention(first: position, last: position, kind: .person, entry: nil))
                added = true
            }
            if added { mentions.sort { $0.first < $1.first } }
        }
        for mention in mentions where mention.kind == .person && mention.last > mention.first {
            let last = words[mention.last]
            if EntityRules.isCapitalised(last), last.count > 2 { memory.surnames.insert(last) }
        }
    }
}
