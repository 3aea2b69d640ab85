extension StanceAnalyzer {
    /// How many words either side of a bloc's name count as near it for the tone features.
    static let toneWindow = 5

    /// The valence of each word of `sentence` (0 for punctuation, for the words of a mention, and
    /// for words the lexicon does not know), read with ``tone``; `nil` without a lexicon.
    func valences(in sentence: Int, of text: StanceText) -> [Double]? {
        guard let tone else { return nil }
        return text.sentences[sentence].words.map { index in
            let word = text.words[index]
            guard !word.isBoundary, text.mentionOfWord[index] == nil else { return 0 }
            return tone.valence(ofWord: word.text) ?? 0
        }
    }

    /// Adds the tone of one sentence that names a pair: its negative and positive valence, in the
    /// whole sentence and within ``toneWindow`` words of the bloc's name, each squashed to 0…1
    /// (a valence of 4, one strongly negative word, gives 0.5). Language-independent: every
    /// language's lexicon gives valences on the same scale.
    static func addToneFeatures(
        _ valences: [Double], from first: Int, bloc: Range<Int>, to entry: inout Together
    ) {
        var negative = 0.0
        var positive = 0.0
        var nearNegative = 0.0
        var nearPositive = 0.0
        for (offset, value) in valences.enumerated() where value != 0 {
            let index = first + offset
            let near = index >= bloc.lowerBound - toneWindow && index < bloc.upperBound + toneWindow
            if value < 0 {
                negative -= value
                if near { nearNegative -= value }
            } else {
                positive += value
                if near { nearPositive += value }
            }
        }
        for (name, sum) in [
            ("tone.sentence.negative", negative), ("tone.sentence.positive", positive),
            ("tone.near_bloc.negative", nearNegative), ("tone.near_bloc.positive", nearPositive),
        ] where sum > 0 {
            entry.set(name, sum / (sum + 4))
        }
    }
}
