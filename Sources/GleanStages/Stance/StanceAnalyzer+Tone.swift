extension StanceAnalyzer {
    /// How many words either side of a bloc's name count as near it for the tone features.
    static let toneWindow = 5

    /// One sentence's words rated by the tone lexicon: each word's valence (0 for punctuation,
    /// for the words of a mention, and for words the lexicon does not know), and the sentence's
    /// negative and positive totals, read once for every pair the sentence names.
    struct SentenceTone {
        /// The sentence's first word.
        var first: Int
        /// The valence of each of its words, from `first` on.
        var valences: [Double]
        /// The sizes of its negative and of its positive valences, summed.
        var negative = 0.0, positive = 0.0
    }

    /// The tone of `sentence`, read with ``tone``; `nil` without a lexicon.
    func sentenceTone(_ sentence: Int, of text: StanceText) -> SentenceTone? {
        guard let tone else { return nil }
        let words = text.sentences[sentence].words
        var rated = SentenceTone(
            first: words.lowerBound,
            valences: words.map { index in
                let word = text.words[index]
                guard !word.isBoundary, text.mentionOfWord[index] == nil else { return 0 }
                return tone.valence(ofWord: word.text) ?? 0
            })
        for value in rated.valences where value != 0 {
            if value < 0 { rated.negative -= value } else { rated.positive += value }
        }
        return rated
    }

    /// Adds the tone of one sentence that names a pair: its negative and positive valence, in the
    /// whole sentence and within ``toneWindow`` words of the bloc's name, each squashed to 0…1
    /// (a valence of 4, one strongly negative word, gives 0.5). Language-independent: every
    /// language's lexicon gives valences on the same scale.
    static func addToneFeatures(_ tone: SentenceTone, bloc: Range<Int>, to entry: inout Together) {
        var nearNegative = 0.0
        var nearPositive = 0.0
        let end = tone.first + tone.valences.count
        for index in max(tone.first, bloc.lowerBound - toneWindow)..<min(end, bloc.upperBound + toneWindow) {
            let value = tone.valences[index - tone.first]
            if value < 0 { nearNegative -= value } else if value > 0 { nearPositive += value }
        }
        for (name, sum) in [
            ("tone.sentence.negative", tone.negative), ("tone.sentence.positive", tone.positive),
            ("tone.near_bloc.negative", nearNegative), ("tone.near_bloc.positive", nearPositive),
        ] where sum > 0 {
            entry.set(name, sum / (sum + 4))
        }
    }
}
