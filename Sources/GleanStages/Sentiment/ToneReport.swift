import GleanCore
import GleanText

/// The `sentiment` stage's output for a text, from any scorer of a piece of text (VADER for
/// English, ``LexiconTone`` for other languages): the whole text's scores and label, the
/// sentences' mean and word-weighted mean, the most positive and most negative sentences, and,
/// when asked, each sentence's scores.
struct ToneReport: Sendable {
    /// The compound at or below which a text is `negative`.
    var negativeThreshold: Double
    /// The compound at or above which a text is `positive`.
    var positiveThreshold: Double
    /// Whether each sentence's scores are listed.
    var listsSentences: Bool
    private let splitter = SentenceSplitter()

    /// A report with the stage's settings.
    init(negativeThreshold: Double, positiveThreshold: Double, listsSentences: Bool) {
        self.negativeThreshold = negativeThreshold
        self.positiveThreshold = positiveThreshold
        self.listsSentences = listsSentences
    }

    /// The output for `text`, each piece scored by `scores`.
    func output(for text: String, scores: (String) -> SentimentScores) -> JSONValue {
        let whole = scores(text)
        let scalars = Array(text.unicodeScalars)
        var sentenceValues: [JSONValue] = []
        var sum = 0.0
        var weightedSum = 0.0
        var totalWeight = 0
        var best: (span: TextSpan, compound: Double)?
        var worst: (span: TextSpan, compound: Double)?
        let spans = splitter.sentences(in: scalars)
        for span in spans {
            let sentence = scores(String(String.UnicodeScalarView(scalars[span.start..<span.end])))
            let words = scalars[span.start..<span.end].split(whereSeparator: \.properties.isWhitespace).count
            sum += sentence.compound
            weightedSum += sentence.compound * Double(words)
            totalWeight += words
            if sentence.compound > (best?.compound ?? 0) { best = (span, sentence.compound) }
            if sentence.compound < (worst?.compound ?? 0) { worst = (span, sentence.compound) }
            if listsSentences {
                sentenceValues.append([
                    "start": .int(span.start), "end": .int(span.end), "compound": .double(sentence.compound),
                    "neg": .double(sentence.negative), "neu": .double(sentence.neutral), "pos": .double(sentence.positive),
                ])
            }
        }
        func extreme(_ entry: (span: TextSpan, compound: Double)?) -> JSONValue {
            guard let entry else { return .null }
            return ["start": .int(entry.span.start), "end": .int(entry.span.end), "compound": .double(entry.compound)]
        }
        var output: JSONValue = [
            "compound": .double(whole.compound), "neg": .double(whole.negative), "neu": .double(whole.neutral),
            "pos": .double(whole.positive), "label": .string(label(whole.compound)),
            "sentence_mean": .double(spans.isEmpty ? 0 : VADERAnalyzer.round(sum / Double(spans.count), places: 4)),
            "sentence_weighted": .double(
                totalWeight == 0 ? 0 : VADERAnalyzer.round(weightedSum / Double(totalWeight), places: 4)),
            "most_positive": extreme(best), "most_negative": extreme(worst),
        ]
        if listsSentences { output["sentences"] = .array(sentenceValues) }
        return output
    }

    /// `negative`, `neutral` or `positive` by the thresholds.
    func label(_ compound: Double) -> String {
        if compound >= positiveThreshold { return "positive" }
        if compound <= negativeThreshold { return "negative" }
        return "neutral"
    }
}
