import GleanText

extension StanceAnalyzer {
    /// The evidence of the cues' exit words ("Brexit"): each one is its actor's withdrawal from
    /// its bloc (`opposed`), dated as a cue in its clause is, whether or not the passage names
    /// the actor or the bloc; not when a negator stands right before it, articles aside ("there
    /// will be no Brexit"). Of several exits a word matches, the last listed decides, so that a
    /// user's cue file overrides the shipped one. Only blocs the stage reports count. The
    /// evidence by pair, which the other cues' evidence then joins.
    func exitEvidence(in text: StanceText) -> [PairKey: [StanceEvidence]] {
        guard !exitWords.isEmpty else { return [:] }
        var results: [PairKey: [StanceEvidence]] = [:]
        for (index, word) in text.words.enumerated() where exitWords.matches(word.text) {
            guard let exit = cues.exits.last(where: { $0.words.matches(word.text) }), blocs.contains(exit.bloc),
                !isExitNegated(at: index, in: text),
                var cue = try? StanceCue(pattern: "exit", stance: .opposed, weight: 1.3)
            else { continue }
            cue.pattern = "exit " + word.text
            cue.isWithdrawal = true
            let words = index..<(index + 1)
            let match = Match(
                cue: cue, words: words, sentence: word.sentence, bloc: nil, actor: nil,
                clause: text.clause(around: words, in: word.sentence))
            let time = time(of: match, in: text)
            let item = StanceEvidence(
                stance: .opposed, weight: cue.weight, cue: cue.pattern,
                cueText: String(String.UnicodeScalarView(text.scalars[word.span.start..<word.span.end])),
                cueSpan: word.span, sentence: word.sentence, sentenceSpan: text.sentences[word.sentence].span,
                negated: false, isWithdrawal: true, year: time.year, time: time.order)
            results[PairKey(actor: exit.actor, bloc: exit.bloc), default: []].append(item)
        }
        return results
    }

    /// Whether a negator stands right before the exit word at `index`, articles aside ("no
    /// Brexit", "not a Brexit"); a negation further back is about something else ("a no-deal
    /// Brexit", "refused to delay Brexit").
    private func isExitNegated(at index: Int, in text: StanceText) -> Bool {
        var before = index - 1
        while before >= 0, text.words[before].sentence == text.words[index].sentence,
            text.articles.matches(text.words[before].text) || ["a", "an"].contains(text.words[before].text)
        {
            before -= 1
        }
        guard before >= 0, text.words[before].sentence == text.words[index].sentence else { return false }
        return cues.negators.matches(text.words[before].text)
    }
}
