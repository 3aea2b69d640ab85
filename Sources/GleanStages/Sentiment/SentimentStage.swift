import Foundation
import GleanCore
import GleanText

/// `sentiment`: VADER scores for the document and each of its sentences, a label, and the most
/// positive and most negative sentences. Other languages by ``LexiconTone``.
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
        /// The most sentences listed.
        public var maxSentences: Int
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "sentiment",
        version: "1.1.0",
        summary: "Scores the tone of text, per document and per sentence: VADER for English, lexicons for 7 other languages.",
        details: """
            VADER (Hutto & Gilbert, 2014): lexicon valences adjusted for boosters and dampeners, \
            negation within three words, "but", ALL-CAPS and `!`/`?` emphasis, idioms and emoji. \
            `compound` is VADER's score of the whole text, identical to vaderSentiment 3.3.2; on \
            long texts it saturates towards ±1, so `sentence_mean` (the mean of the sentences' \
            compounds) and `sentence_weighted` (weighted by their words) are given too. Texts \
            whose `language` result is Azerbaijani, German, Spanish, French, Russian, Turkish or \
            Ukrainian are scored the same way from a smaller lexicon of that language (written \
            for Glean; French adds Pattern's adjectives), with negators, boosters and, in Turkish \
            and Azerbaijani, negative verb suffixes; their output adds `language` and `method: \
            lexicon`. Texts in any other language are skipped with the reason `unsupported \
            language: CODE`.
            """,
        configuration: [
            ConfigurationField(
                "thresholds", type: .array(.number(min: -1, max: 1)), default: [-0.05, 0.05],
                summary: "[negative, positive]: compound at or below the first is `negative`, at or above the second `positive`."),
            ConfigurationField(
                "sentences", type: .boolean, default: true, summary: "List every sentence's scores (false keeps output small)."),
            ConfigurationField(
                "max_sentences", type: .integer(min: 0), default: 1000,
                summary:
                    "The most sentences listed (the first); `sentences_omitted` counts the rest. Every sentence still counts in the means and the most positive and negative."
            ),
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
                "sentences_omitted": [
                    "type": "integer", "description": "Sentences left out of `sentences` by `max_sentences`, when any.",
                ],
                "language": ["type": "string", "description": "Present for a document not in English: its language's code."],
                "method": [
                    "enum": ["lexicon"],
                    "description": "Present for a document not in English: scored by its language's lexicon.",
                ],
            ],
        ],
        outputTrim: OutputTrim(
            compact: ["sentences", "most_positive", "most_negative"],
            minimal: ["neg", "neu", "pos", "sentence_mean", "sentence_weighted"]),
        languages: SentimentStage.languages
    )

    private let analyzer: VADERAnalyzer
    private let report: ToneReport

    /// Builds the stage, reading the extra lexicon if one is named.
    public init(configuration: Configuration, context: StageContext) throws {
        guard configuration.thresholds.count == 2, configuration.thresholds[0] <= configuration.thresholds[1] else {
            throw ConfigurationError(
                field: "thresholds", "give two numbers, [negative, positive], the first no greater than the second")
        }
        report = ToneReport(
            negativeThreshold: configuration.thresholds[0], positiveThreshold: configuration.thresholds[1],
            listsSentences: configuration.sentences, maxSentences: configuration.maxSentences)
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
        if let language = input.upstreamLanguage, language != "en" {
            return try Self.otherLanguage(input.text, language: language, report: report)
        }
        return .serialized(score(input.text))
    }

    /// The stage's output for English `text`, as JSON text.
    public func score(_ text: String) -> SerializedJSON {
        report.output(for: text, scores: analyzer.scores)
    }
}
