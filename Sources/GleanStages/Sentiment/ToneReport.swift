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

    /// The keys of a listed sentence.
    private static let sentenceKeys = JSONObjectKeys(["start", "end", "compound", "neg", "neu", "pos"])
    /// The keys of `most_positive` and `most_negative`.
    private static let extremeKeys = JSONObjectKeys(["start", "end", "compound"])
    /// The keys of the output without sentences (`sentences: false`).
    private static let summaryKeys = JSONObjectKeys([
        "compound", "neg", "neu", "pos", "label", "sentence_mean", "sentence_weighted", "most_positive", "most_negative",
    ])
    /// The keys of the output with every sentence listed.
    private static let listingKeys = JSONObjectKeys(Array(summaryKeys.names) + ["sentences"])
    /// The keys of the output when `max_sentences` left sentences out.
    private static let truncatedListingKeys = JSONObjectKeys(Array(listingKeys.names) + ["sentences_omitted"])

    /// The output for `text`, each piece scored by `scores`.
    ///
    /// Objects are built on the shared key lists above, so each costs one allocation; this runs
    /// once per document and once per sentence.
    func output(for text: String, scores: (String) -> SentimentScores) -> JSONValue {
        let whole = scores(text)
        let scalars = Self.scalars(of: text)
        var sentenceValues: [JSONValue] = []
        var sum = 0.0
        var weightedSum = 0.0
        var totalWeight = 0
        var best: (span: TextSpan, compound: Double)?
        var worst: (span: TextSpan, compound: Double)?
        let spans = splitter.sentences(in: scalars)
        if listsSentences { sentenceValues.reserveCapacity(min(spans.count, maxSentences)) }
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
            // One sentence's weight leaves the weighted mean of one its compound: no need to count.
            let words = spans.count == 1 ? 1 : Self.wordCount(scalars[span.start..<span.end])
            sum += sentence.compound
            weightedSum += sentence.compound * Double(words)
            totalWeight += words
            if sentence.compound > (best?.compound ?? 0) { best = (span, sentence.compound) }
            if sentence.compound < (worst?.compound ?? 0) { worst = (span, sentence.compound) }
            if listsSentences && sentenceValues.count < maxSentences {
                sentenceValues.append(
                    Self.sentenceKeys.object([
                        .int(span.start), .int(span.end), .double(sentence.compound),
                        .double(sentence.negative), .double(sentence.neutral), .double(sentence.positive),
                    ]))
            }
        }
        func extreme(_ entry: (span: TextSpan, compound: Double)?) -> JSONValue {
            guard let entry else { return .null }
            return Self.extremeKeys.object([.int(entry.span.start), .int(entry.span.end), .double(entry.compound)])
        }
        var values: ContiguousArray<JSONValue> = [
            .double(whole.compound), .double(whole.negative), .double(whole.neutral), .double(whole.positive),
            .string(label(whole.compound)),
            .double(spans.isEmpty ? 0 : VADERAnalyzer.round(sum / Double(spans.count), places: 4)),
            .double(totalWeight == 0 ? 0 : VADERAnalyzer.round(weightedSum / Double(totalWeight), places: 4)),
            extreme(best), extreme(worst),
        ]
        guard listsSentences else { return Self.summaryKeys.object(values) }
        let omitted = spans.count - sentenceValues.count
        values.append(.array(sentenceValues))
        guard omitted > 0 else { return Self.listingKeys.object(values) }
        values.append(.int(omitted))
        return Self.truncatedListingKeys.object(values)
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
