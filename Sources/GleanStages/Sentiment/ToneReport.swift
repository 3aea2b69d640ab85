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

    /// The output's keys, each written once ahead of time.
    private enum Key {
        static let compound = JSONKey("compound")
        static let negative = JSONKey("neg")
        static let neutral = JSONKey("neu")
        static let positive = JSONKey("pos")
        static let label = JSONKey("label")
        static let sentenceMean = JSONKey("sentence_mean")
        static let sentenceWeighted = JSONKey("sentence_weighted")
        static let mostPositive = JSONKey("most_positive")
        static let mostNegative = JSONKey("most_negative")
        static let sentences = JSONKey("sentences")
        static let sentencesOmitted = JSONKey("sentences_omitted")
        static let language = JSONKey("language")
        static let method = JSONKey("method")
        static let start = JSONKey("start")
        static let end = JSONKey("end")
    }

    /// A sentence and its scores.
    private struct ScoredSentence {
        var span: TextSpan
        var scores: SentimentScores
    }

    /// The output for `text`, each piece scored by `scores`; `language` and `method: lexicon`
    /// added when `language` is given (a text not in English).
    ///
    /// Written straight to JSON text: this runs once per document, and the output (some 280
    /// bytes for a one-sentence text) costs less to write once than to build as values first.
    func output(for text: String, scores: (String) -> SentimentScores, language: String? = nil) -> SerializedJSON {
        output(for: text, whole: scores(text), sentenceScores: { _, sentence in scores(String(sentence)) }, language: language)
    }

    /// ``output(for:scores:language:)`` from the text's scores (`whole`) and a scorer of each
    /// sentence, given its span and its scalars.
    func output(
        for text: String, whole: SentimentScores,
        sentenceScores: (TextSpan, String.UnicodeScalarView.SubSequence) -> SentimentScores, language: String? = nil
    ) -> SerializedJSON {
        let scalars = Self.scalars(of: text)
        var listed: [ScoredSentence] = []
        var sum = 0.0
        var weightedSum = 0.0
        var totalWeight = 0
        var best: ScoredSentence?
        var worst: ScoredSentence?
        let spans = splitter.sentences(in: scalars)
        if listsSentences { listed.reserveCapacity(min(spans.count, maxSentences)) }
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
            let sentence: ScoredSentence
            if spans.count == 1 && Self.isBlank(scalars[..<span.start]) && Self.isBlank(scalars[span.end...]) {
                // The only sentence is the whole text but for spaces around it, which the
                // scorers ignore: its scores are the text's.
                sentence = ScoredSentence(span: span, scores: whole)
            } else {
                let lower = index(at: span.start)
                sentence = ScoredSentence(
                    span: span, scores: sentenceScores(span, text.unicodeScalars[lower..<index(at: span.end)]))
            }
            let compound = sentence.scores.compound
            // One sentence's weight leaves the weighted mean of one its compound: no need to count.
            let words = spans.count == 1 ? 1 : Self.wordCount(scalars[span.start..<span.end])
            sum += compound
            weightedSum += compound * Double(words)
            totalWeight += words
            if compound > (best?.scores.compound ?? 0) { best = sentence }
            if compound < (worst?.scores.compound ?? 0) { worst = sentence }
            if listsSentences && listed.count < maxSentences { listed.append(sentence) }
        }
        return SerializedJSON.object(capacity: 256 + 96 * listed.count) { object in
            Self.write(whole, into: &object)
            object.write(Key.label, .string(label(whole.compound)))
            object.write(Key.sentenceMean, .double(spans.isEmpty ? 0 : VADERAnalyzer.round(sum / Double(spans.count), places: 4)))
            object.write(
                Key.sentenceWeighted,
                .double(totalWeight == 0 ? 0 : VADERAnalyzer.round(weightedSum / Double(totalWeight), places: 4)))
            Self.write(extreme: best, as: Key.mostPositive, into: &object)
            Self.write(extreme: worst, as: Key.mostNegative, into: &object)
            if listsSentences {
                object.writeArray(Key.sentences) { array in
                    for sentence in listed {
                        array.appendObject { object in
                            Self.write(span: sentence.span, into: &object)
                            Self.write(sentence.scores, into: &object)
                        }
                    }
                }
                if spans.count > listed.count { object.write(Key.sentencesOmitted, .int(spans.count - listed.count)) }
            }
            if let language {
                object.write(Key.language, .string(language))
                object.write(Key.method, .string("lexicon"))
            }
        }
    }

    /// Writes `compound`, `neg`, `neu` and `pos`.
    private static func write(_ scores: SentimentScores, into object: inout JSONObjectWriter) {
        object.write(Key.compound, .double(scores.compound))
        object.write(Key.negative, .double(scores.negative))
        object.write(Key.neutral, .double(scores.neutral))
        object.write(Key.positive, .double(scores.positive))
    }

    /// Writes `start` and `end`.
    private static func write(span: TextSpan, into object: inout JSONObjectWriter) {
        object.write(Key.start, .int(span.start))
        object.write(Key.end, .int(span.end))
    }

    /// Writes the most positive or negative sentence under `key`: its span and compound, or `null`.
    private static func write(extreme: ScoredSentence?, as key: JSONKey, into object: inout JSONObjectWriter) {
        guard let extreme else { return object.write(key, .null) }
        object.writeObject(key) { object in
            write(span: extreme.span, into: &object)
            object.write(Key.compound, .double(extreme.scores.compound))
        }
    }

    /// The text's scalars, decoded in one pass (`Array(text.unicodeScalars)` counts them first),
    /// into room for as many scalars as the text has UTF-8 bytes.
    /// ASCII text (most English) is widened byte by byte without decoding.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            let widened: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
                guard VADERText.isASCII(bytes) else { return false }
                for byte in bytes {
                    buffer[count] = Unicode.Scalar(byte)
                    count += 1
                }
                return true
            }
            guard widened != true else { return }
            for scalar in text.unicodeScalars {
                buffer[count] = scalar
                count += 1
            }
        }
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

    /// Unicode's White_Space property (`scalar.properties.isWhitespace`), without a property
    /// look-up: the property holds these 25 scalars, a set unchanged since Unicode 6.3.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `negative`, `neutral` or `positive` by the thresholds.
    func label(_ compound: Double) -> String {
        if compound >= positiveThreshold { return "positive" }
        if compound <= negativeThreshold { return "negative" }
        return "neutral"
    }
}
