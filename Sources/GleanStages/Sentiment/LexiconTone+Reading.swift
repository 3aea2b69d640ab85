import GleanText

extension LexiconTone {
    /// A text's words, where each lies, and what the lexicon says of each, read once: the text's
    /// scores and each of its sentences' come from it, without cutting every sentence into words
    /// and looking them up again.
    struct Reading {
        /// The lower-case words (``LexiconTone/wordSpans(in:)``).
        let words: [String]
        /// Where each word lies in the text's scalars.
        let spans: [TextSpan]
        /// Each word's ``LexiconTone/valence(of:)``.
        let valences: [(value: Double, negatedBySuffix: Bool)?]
    }

    /// The reading of `text`.
    func reading(_ text: String) -> Reading {
        let found = Self.wordSpans(in: text)
        return Reading(words: found.map(\.word), spans: found.map(\.span), valences: found.map { valence(of: $0.word) })
    }

    /// The scores of the part of the text read at `span` (scalars), as ``scores(_:)`` gives them
    /// for that part's text: those of the words inside it. `nil` when a word runs across either
    /// end of `span`, so that the part's own words differ from the text's.
    func scores(of reading: Reading, in span: TextSpan) -> SentimentScores? {
        let spans = reading.spans
        // The first word that ends after the span starts.
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end <= span.start { low = middle + 1 } else { high = middle }
        }
        if low < spans.count && spans[low].start < span.start { return nil }
        var end = low
        while end < spans.count && spans[end].end <= span.end { end += 1 }
        if end < spans.count && spans[end].start < span.end { return nil }
        return scores(of: reading, words: low..<end)
    }
}
