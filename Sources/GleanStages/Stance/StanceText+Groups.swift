extension StanceText {
    /// The mention at `index` with those listed together with it, of the same kind (actors or blocs).
    func group(of index: Int) -> [Int] {
        let isActor = mentions[index].actor != nil
        func sameKind(_ other: Int) -> Bool {
            (isActor ? mentions[other].actor != nil : mentions[other].bloc != nil)
                && (!isActor || mentions[other].afterPreposition == mentions[index].afterPreposition)
        }
        func joined(_ left: Int, _ right: Int) -> Bool {
            let between = mentions[left].words.upperBound..<mentions[right].words.lowerBound
            return mentions[left].sentence == mentions[right].sentence && between.count <= 3
                && between.allSatisfy { words[$0].text == "," || listWords.matches(words[$0].text) }
        }
        var first = index
        while first > 0, sameKind(first - 1), joined(first - 1, first) { first -= 1 }
        var last = index
        while last + 1 < mentions.count, sameKind(last + 1), joined(last, last + 1) { last += 1 }
        return Array(first...last)
    }

    /// The mention word `index` belongs to, if any (`nil` outside the text too).
    func mention(at index: Int) -> Int? {
        mentionOfWord.indices.contains(index) ? mentionOfWord[index] : nil
    }

    /// The mentions of a sentence, by index.
    func mentions(in sentence: Int) -> Range<Int> {
        mentionsBySentence[sentence]
    }

    /// The first and past-the-last word of the clause around `words`.
    func clause(around range: Range<Int>, in sentence: Int) -> Range<Int> {
        let bounds = sentences[sentence].words
        var start = range.lowerBound
        while start > bounds.lowerBound, !isClauseBreak(start - 1) { start -= 1 }
        var end = range.upperBound
        while end < bounds.upperBound, !isClauseBreak(end) { end += 1 }
        return start..<end
    }
}
