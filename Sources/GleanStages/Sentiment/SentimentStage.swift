import Foundation
import GleanCore
import GleanText

/// `sentiment`: VADER scores for the document and each of its sentences, a label, and the most
/// positive and most negative sentences. English only for now.
public struct SentimentStage: Stage {
    /// The stage's settings.
    public struct Configuration: Decodable, Sendable {
        /// The compound scores at or below which a text is `negative` and at or above which it
        /// is `positive`.
        public var thresholds: [Double]
        /// Whether to list every sentence's scores.
        public var sentences: Bool
        /// A lexicon in VADER's format merged over the built-in one.
        public var lexicon: String?
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "sentiment",
        version: "1.0.0",
        summary: "Scores the tone of English text with VADER, per document and per sentence.",
        details: """
            VADER (Hutto & Gilbert, 2014): lexicon valences adjusted for boosters and dampeners, \
            negation within three words, "but", ALL-CAPS and `!`/`?` emphasis, idioms and emoji. \
            `compound` is VADER's score of the whole text, identical to vaderSentiment 3.3.2; on \
            long texts it saturates towards ±1, so `sentence_mean` (the mean of the sentences' \
            compounds) and `sentence_weighted` (weighted by their words) are given too. Texts \
            whose `language` result is not English are skipped.
            """,
        configuration: [
            ConfigurationField(
                "thresholds", type: .array(.number(min: -1, max: 1)), default: [-0.05, 0.05],
                summary: "[negative, positive]: compound at or below the first is `negative`, at or above the second `positive`."),
            ConfigurationField(
                "sentences", type: .boolean, default: true, summary: "List every sentence's scores (false keeps output small)."),
            ConfigurationField(
                "lexicon", type: .string,
                summary:
                    "A lexicon file in VADER's format (`token<TAB>valence`), merged over the built-in one; relative to the pipeline file."
            ),
        ],
        output: [
            "type": "object",
            "required": ["compound", "neg", "neu", "pos", "label", "sentence_mean", "sentence_weighted"],
            "properties": [
                "compound": ["type": "number", "description": "VADER compound score of the whole text, -1 to 1."],
                "neg": ["type": "number", "description": "Share of negative sentiment in the whole text."],
                "neu": ["type": "number", "description": "Share of neutral tokens."],
                "pos": ["type": "number", "description": "Share of positive sentiment."],
                "label": ["enum": ["negative", "neutral", "positive"], "description": "From `compound` and `thresholds`."],
                "sentence_mean": ["type": "number", "description": "Mean of the sentences' compound scores."],
                "sentence_weighted": ["type": "number", "description": "Mean of the sentences' compounds weighted by words."],
                "most_positive": ["description": "The sentence with the highest compound (start, end, compound), or null."],
                "most_negative": ["description": "The sentence with the lowest compound (start, end, compound), or null."],
                "sentences": [
                    "type": "array",
                    "description": "Each sentence: start, end (Unicode scalar offsets), compound, neg, neu, pos.",
                ],
            ],
        ]
    )

    private let analyzer: VADERAnalyzer
    private let negativeThreshold: Double
    private let positiveThreshold: Double
    private let listsSentences: Bool
    private let splitter = SentenceSplitter()

    /// Builds the stage, reading the extra lexicon if one is named.
    public init(configuration: Configuration, context: StageContext) throws {
        guard configuration.thresholds.count == 2, configuration.thresholds[0] <= configuration.thresholds[1] else {
            throw ConfigurationError(
                field: "thresholds", "give two numbers, [negative, positive], the first no greater than the second")
        }
        negativeThreshold = configuration.thresholds[0]
        positiveThreshold = configuration.thresholds[1]
        listsSentences = configuration.sentences
        var lexicon = try VADERLexicon.shipped
        if let path = configuration.lexicon {
            let resolved = context.resolve(path: path)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw ConfigurationError(field: "lexicon", "cannot read the lexicon file `\(resolved)`")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(field: "lexicon", "the lexicon file `\(resolved)` is not UTF-8 text")
            }
            lexicon = try lexicon.merging(lexiconText: text)
        }
        analyzer = VADERAnalyzer(lexicon: lexicon)
    }

    /// Scores one document.
    public func analyze(_ input: StageInput) async throws -> StageResult {
        if let skipped = input.skipUnlessLanguage("en") { return skipped }
        return .output(score(input.text))
    }

    /// The stage's output for `text`.
    public func score(_ text: String) -> JSONValue {
        let whole = analyzer.scores(text)
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
            let scores: SentimentScores
            if spans.count == 1 && Self.isBlank(scalars[..<span.start]) && Self.isBlank(scalars[span.end...]) {
                // The only sentence is the whole text but for spaces around it, which VADER
                // ignores: its scores are the text's.
                scores = whole
            } else {
                let lower = index(at: span.start)
                scores = analyzer.scores(String(text.unicodeScalars[lower..<index(at: span.end)]))
            }
            let words = Self.wordCount(scalars[span.start..<span.end])
            sum += scores.compound
            weightedSum += scores.compound * Double(words)
            totalWeight += words
            if scores.compound > (best?.compound ?? 0) { best = (span, scores.compound) }
            if scores.compound < (worst?.compound ?? 0) { worst = (span, scores.compound) }
            if listsSentences {
                sentenceValues.append([
                    "start": .int(span.start), "end": .int(span.end), "compound": .double(scores.compound),
                    "neg": .double(scores.negative), "neu": .double(scores.neutral), "pos": .double(scores.positive),
                ])
            }
        }
        func sentence(_ entry: (span: TextSpan, compound: Double)?) -> JSONValue {
            guard let entry else { return .null }
            return ["start": .int(entry.span.start), "end": .int(entry.span.end), "compound": .double(entry.compound)]
        }
        var output: JSONValue = [
            "compound": .double(whole.compound),
            "neg": .double(whole.negative),
            "neu": .double(whole.neutral),
            "pos": .double(whole.positive),
            "label": .string(label(whole.compound)),
            "sentence_mean": .double(spans.isEmpty ? 0 : VADERAnalyzer.round(sum / Double(spans.count), places: 4)),
            "sentence_weighted": .double(
                totalWeight == 0 ? 0 : VADERAnalyzer.round(weightedSum / Double(totalWeight), places: 4)),
            "most_positive": sentence(best),
            "most_negative": sentence(worst),
        ]
        if listsSentences { output["sentences"] = .array(sentenceValues) }
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

    private func label(_ compound: Double) -> String {
        if compound >= positiveThreshold { return "positive" }
        if compound <= negativeThreshold { return "negative" }
        return "neutral"
    }
}
