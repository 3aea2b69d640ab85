import GleanText

extension StanceAnalyzer {
    /// The evidence of the cues' exit words ("Brexit"): each one, not negated, is its actor's
    /// withdrawal from its bloc (`opposed`), dated as a cue in its clause is, whether or not the
    /// passage names the actor or the bloc. Only blocs the stage reports count.
    func exitEvidence(in text: StanceText) -> [(PairKey, StanceEvidence)] {
        guard !cues.exits.isEmpty else { return [] }
        var results: [(PairKey, StanceEvidence)] = []
        for (index, word) in text.words.enumerated() {
            guard let exit = cues.exits.first(where: { $0.words.matches(word.text) }), blocs.contains(exit.bloc),
                var cue = try? StanceCue(pattern: "exit", stance: .opposed, weight: 1.3)
            else { continue }
            cue.pattern = "exit " + word.text
            cue.isWithdrawal = true
            let words = index..<(index + 1)
            let match = Match(
                cue: cue, words: words, sentence: word.sentence, bloc: nil, actor: nil,
                clause: text.clause(around: words, in: word.sentence))
            guard !isNegated(match, in: text) else { continue }
            let time = time(of: match, in: text)
            let item = StanceEvidence(
                stance: .opposed, weight: cue.weight, cue: cue.pattern,
                cueText: String(String.UnicodeScalarView(text.scalars[word.span.start..<word.span.end])),
                cueSpan: word.span, sentence: word.sentence, sentenceSpan: text.sentences[word.sentence].span,
                negated: false, isWithdrawal: true, year: time.year, time: time.order)
            results.append((PairKey(actor: exit.actor, bloc: exit.bloc), item))
        }
        return results
    }
}
