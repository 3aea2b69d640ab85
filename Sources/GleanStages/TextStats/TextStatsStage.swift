import GleanCore
import GleanText

/// `text-stats`: characters, letters, words, sentences, mean sentence length, and the writing
/// systems present with their shares of the letters — for triage before heavier stages.
public struct TextStatsStage: Stage {
    /// The stage's settings.
    public struct Configuration: Decodable, Sendable {
        /// Scripts with a smaller share of the letters are left out of `scripts`.
        public var minScriptShare: Double
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "text-stats",
        version: "1.0.0",
        summary: "Counts characters, words and sentences and finds the writing systems used.",
        details: """
            Characters are Unicode scalars (the unit of every offset in Glean's output). Words \
            are tokens holding a letter; in Han, Hiragana and Katakana each letter counts as a \
            word, since those scripts put no spaces between words. Sentences come from GleanText's \
            sentence splitter. `scripts` lists the writing systems of the letters, largest \
            share first; shares are rounded to four decimals.
            """,
        configuration: [
            ConfigurationField(
                "min_script_share", type: .number(min: 0, max: 1), default: 0.01,
                summary: "Leave out writing systems with a smaller share of the letters.")
        ],
        output: [
            "type": "object",
            "required": ["characters", "letters", "words", "sentences", "mean_sentence_length", "scripts"],
            "properties": [
                "characters": ["type": "integer", "description": "Unicode scalars in the text."],
                "letters": ["type": "integer", "description": "Alphabetic characters."],
                "words": ["type": "integer", "description": "Word tokens."],
                "sentences": ["type": "integer", "description": "Sentences."],
                "mean_sentence_length": ["type": "number", "description": "Words per sentence, two decimals."],
                "scripts": [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "script": ["type": "string", "description": "Writing system, such as Latin or Cyrillic."],
                            "share": ["type": "number", "description": "Share of the letters, 0 to 1."],
                        ],
                    ],
                ],
            ],
        ]
    )

    private let minimumShare: Double
    private let tokenizer = Tokenizer()
    private let splitter = SentenceSplitter()

    /// Builds the stage.
    public init(configuration: Configuration, context: StageContext) {
        minimumShare = configuration.minScriptShare
    }

    /// Measures one document.
    public func analyze(_ input: StageInput) async throws -> StageResult {
        .output(measure(input.text))
    }

    /// The statistics of `text`.
    public func measure(_ text: String) -> JSONValue {
        let scalars = Array(text.unicodeScalars)
        var counter = ScriptCounter()
        for scalar in scalars { counter.add(scalar) }
        let letters = counter.letters
        let words = tokenizer.tokens(in: scalars).reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
        let sentences = splitter.sentences(in: scalars).count
        let shares = counter.shares.filter { $0.share >= minimumShare }
        var scripts: [JSONValue] = []
        for entry in shares {
            scripts.append(["script": .string(entry.script.name), "share": .double(Self.round(entry.share, places: 4))])
        }
        return [
            "characters": .int(scalars.count),
            "letters": .int(letters),
            "words": .int(words),
            "sentences": .int(sentences),
            "mean_sentence_length": .double(sentences == 0 ? 0 : Self.round(Double(words) / Double(sentences), places: 2)),
            "scripts": .array(scripts),
        ]
    }

    private static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
