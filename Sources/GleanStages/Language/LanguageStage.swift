import GleanCore
import GleanText

/// `language`: the language of each document (ISO 639-1 and 639-3 code, English name,
/// confidence, top candidates), optionally of each sentence, among 75 languages.
public struct LanguageStage: Stage {
    /// The stage's settings.
    public struct Configuration: Decodable, Sendable {
        /// ISO 639-1 codes to choose among; all 75 when absent.
        public var candidates: [String]?
        /// Below this confidence the result's `code` is null with reason `unreliable`.
        public var minConfidence: Double
        /// How many candidates to list.
        public var top: Int
        /// Whether to identify each sentence too.
        public var perSentence: Bool
        /// The most sentences listed with `per_sentence`.
        public var maxSentences: Int
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "language",
        version: "1.0.0",
        summary: "Identifies the language of each document (75 languages), optionally of each sentence.",
        details: """
            A rule step on the writing system narrows the candidates (Greek, Hebrew, Armenian, \
            Georgian, Korean, Bengali, Gujarati, Punjabi, Tamil and Telugu are decided by it), then \
            character n-grams of orders 1 to 5, from the lingua project's statistics, rank the rest. \
            `confidence` is the probability of the winner among the candidates. Text without \
            letters gives `code: null` with reason `no-letters`. Listing `candidates` when the \
            corpus's languages are known is faster and more accurate.
            """,
        configuration: [
            ConfigurationField(
                "candidates", type: .array(.oneOf(Language.all.map(\.code), ignoringCase: true)),
                summary: "ISO 639-1 codes to choose among (default: all 75)."),
            ConfigurationField(
                "min_confidence", type: .number(min: 0, max: 1), default: 0,
                summary: "Below this confidence `code` is null and `reason` is `unreliable`."),
            ConfigurationField(
                "top", type: .integer(min: 1, max: 75), default: 3, summary: "How many candidates to list with their confidence."),
            ConfigurationField(
                "per_sentence", type: .boolean, default: false,
                summary: "Also identify each sentence, with its offsets (for mixed-language documents)."),
            ConfigurationField(
                "max_sentences", type: .integer(min: 0), default: 1000,
                summary:
                    "With `per_sentence`, the most sentences listed (the first); `sentences_omitted` counts the rest."),
        ],
        output: [
            "type": "object",
            "required": ["code", "confidence", "candidates"],
            "properties": [
                "code": ["type": ["string", "null"], "description": "ISO 639-1 code, or null (see `reason`)."],
                "iso639_3": ["type": "string", "description": "ISO 639-3 code."],
                "name": ["type": "string", "description": "English name of the language."],
                "confidence": ["type": "number", "description": "Probability of the winner among the candidates, 0 to 1."],
                "reason": ["enum": ["no-letters", "unsupported-script", "unreliable"], "description": "Why `code` is null."],
                "script": ["type": "string", "description": "Writing system of most letters."],
                "candidates": [
                    "type": "array",
                    "description": "The most likely languages, best first: code and confidence.",
                ],
                "sentences": [
                    "type": "array",
                    "description":
                        "With per_sentence: start, end (Unicode scalar offsets), code and confidence of each sentence.",
                ],
                "sentences_omitted": [
                    "type": "integer", "description": "Sentences left out of `sentences` by `max_sentences`, when any.",
                ],
            ],
        ],
        acceptsEmptyText: true,
        outputTrim: OutputTrim(compact: ["candidates", "sentences"], minimal: ["iso639_3", "name", "script", "confidence"])
    )

    private let detector: LanguageDetector
    private let minimumConfidence: Double
    private let top: Int
    private let perSentence: Bool
    private let maxSentences: Int
    private let splitter = SentenceSplitter()

    /// Builds the stage, loading the shipped model on first use.
    public init(configuration: Configuration, context: StageContext) throws {
        let model = try LanguageModel.shipped
        var languages: [Language]?
        if let codes = configuration.candidates {
            languages = try codes.map { code in
                guard let language = Language.named(code) else {
                    throw ConfigurationError(field: "candidates", "unknown language code `\(code)`")
                }
                return language
            }
        }
        detector = LanguageDetector(model: model, languages: languages)
        minimumConfidence = configuration.minConfidence
        top = configuration.top
        perSentence = configuration.perSentence
        maxSentences = configuration.maxSentences
    }

    /// Identifies one document's language.
    public func analyze(_ input: StageInput) async throws -> StageResult {
        .output(identify(input.text))
    }

    /// The stage's output for `text`.
    public func identify(_ text: String) -> JSONValue {
        guard perSentence else { return describe(detector.detect(text), listing: top) }
        let scalars = Array(text.unicodeScalars)
        var output = describe(detector.detect(scalars: scalars), listing: top)
        var sentences: [JSONValue] = []
        let spans = splitter.sentences(in: scalars)
        for span in spans.prefix(maxSentences) {
            var entry = describe(detector.detect(scalars: scalars[span.start..<span.end]), listing: 0)
            entry["start"] = .int(span.start)
            entry["end"] = .int(span.end)
            sentences.append(entry)
        }
        output["sentences"] = .array(sentences)
        if spans.count > sentences.count { output["sentences_omitted"] = .int(spans.count - sentences.count) }
        return output
    }

    private func describe(_ detection: LanguageDetection, listing count: Int) -> JSONValue {
        var output: JSONValue = [:]
        let best = detection.best
        let reliable = best.map { $0.confidence >= minimumConfidence } ?? false
        if let best, reliable {
            output["code"] = .string(best.language.code)
            if count > 0 {
                output["iso639_3"] = .string(best.language.iso639_3)
                output["name"] = .string(best.language.name)
            }
        } else {
            output["code"] = .null
        }
        output["confidence"] = .double(Self.round(best?.confidence ?? 0))
        if let failure = detection.failure {
            output["reason"] = .string(failure.rawValue)
        } else if !reliable {
            output["reason"] = "unreliable"
        }
        if count > 0 {
            if let script = detection.script { output["script"] = .string(script.name) }
            output["candidates"] = .array(
                detection.ranking.prefix(count).map { candidate in
                    ["code": .string(candidate.language.code), "confidence": .double(Self.round(candidate.confidence))]
                })
        }
        return output
    }

    private static func round(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
