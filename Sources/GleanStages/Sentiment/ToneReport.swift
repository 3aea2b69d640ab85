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
    /// The most sentences listed; `sentences_omitted` counts the rest.
    var maxSentences: Int
    private let splitter = SentenceSplitter()

    /// A report with the stage's settings.
    init(negativeThreshold: Double, positiveThreshold: Double, listsSentences: Bool, maxSentences: Int = 1000) {
        self.negativeThreshold = negativeThreshold
        self.positiveThreshold = positiveThreshold
        self.listsSentences = listsSentences
        self.maxSentences = maxSentences
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
        // Sentences are cut from the text by walking its scalar indices once, in order.
        var cursor = (offset: 0, index: text.unicodeScalars.startIndex)
        func index(at offset: Int) -> String.Index {
            while cursor.offset < offset {
                cursor.index = text.unicodeScalars.index(after: cursor.index)
                cursor.offset += 1
            }
            return cursor.index
        }
        for span in spans {
            let sentence: SentimentScores
            if spans.count == 1 && Self.isBlank(scalars[..<span.start]) && Self.isBlank(scalars[span.end...]) {
                // The only sentence is the whole text but for spaces around it, which the
                // scorers ignore: its scores are the text's.
                sentence = whole
            } else {
                let lower = index(at: span.start)
                sentence = scores(String(text.unicodeScalars[lower..<index(at: span.end)]))
            }
            let words = Self.wordCount(scalars[span.start..<span.end])
            sum += sentence.compound
            weightedSum += sentence.compound * Double(words)
            totalWeight += words
            if sentence.compound > (best?.compound ?? 0) { best = (span, sentence.compound) }
            if sentence.compound < (worst?.compound ?? 0) { worst = (span, sentence.compound) }
            if listsSentences && sentenceValues.count < maxSentences {
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
        if listsSentences {
            output["sentences"] = .array(sentenceValues)
            if spans.count > sentenceValues.count { output["sentences_omitted"] = .int(spans.count - sentenceValues.count) }
        }
        return output
    }

    /// Whether `scalars` are all white space.
    private static func isBlank(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        scalars.allSatisfy(isWhitespace)
    }

    /// The number of runs of non-space scalars: the words of `split(whereSeparator: \.isWhitespace)`.
    static func wordCount(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            if isWhitespace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// White space as `Character.isWhitespace` sees it, with a fast path for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// `negative`, `neutral` or `positive` by the thresholds.
    func label(_ compound: Double) -> String {
        if compound >= positiveThreshold { return "positive" }
        if compound <= negativeThreshold { return "negative" }
        return "neutral"
    }
}
