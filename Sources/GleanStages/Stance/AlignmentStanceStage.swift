import Foundation
import GleanCore
import GleanText
import Logging

/// `alignment-stance`: for each country and bloc a news text mentions, the country's stance
/// toward aligning with the bloc — member, seeking, partner, neutral or opposed — with evidence.
public struct AlignmentStanceStage: Stage {
    /// The stage's settings.
    public struct Configuration: Decodable, Sendable {
        /// The blocs to report, by id.
        public var blocs: [String]
        /// A YAML file of extra or replacement cues, relative to the pipeline file.
        public var cues: String?
        /// Pairs below this confidence are left out.
        public var minConfidence: Double
        /// Whether to output the evidence of each pair.
        public var evidence: Bool
        /// The most evidence items output per pair.
        public var maxEvidence: Int
        /// The document field naming the country each document speaks for or describes (its
        /// speaker), when there is one.
        public var speakerField: String?
        /// The document field giving the date each document was written, when there is one.
        public var dateField: String?
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "alignment-stance",
        version: "0.4.0",
        summary: "Where each country stands toward each bloc (member, seeking, partner, neutral, opposed), with evidence.",
        details: """
            Reads the countries and blocs found by the `entities` stage (add `needs: [entities]`; \
            without it the stage finds them itself). Matches cue patterns per stance in each sentence \
            with negation ("does not seek"), claims by others ("accuses X of wanting to join") and \
            time ("withdrew in 2012", "until 2008", "since 2015"); gives each cue an actor (the \
            speaker, the country before it, "it"/"the country" resolved to the subject) and a bloc \
            (the nearest, or the last named; "the alliance"); bloc programmes carry their stance \
            (Partnership for Peace → NATO partner). Gradient-boosted trees trained on labelled real \
            passages (`glean train stance`) decide each candidate pair from the cues' evidence, distances, \
            lists, negation, time and the tone of the words around the bloc; `confidence` is \
            calibrated (the share of such pairs that were right in cross-validation). With \
            `speaker_field`, each document's speaker (a UN delegation, a government, a country \
            profile's country) is the actor of "we" and "my country" and of the blocs its \
            sentences name; with `date_field`, a text that names no year is read as of its \
            document's year (the membership record then). Every bloc of the gazetteer by default. Reads \
            English, German, Spanish, French, Russian, Turkish, Ukrainian and Azerbaijani (a cue \
            file per language, chosen by the `language` result; English without one); documents \
            in other languages are skipped with the reason `unsupported language: CODE`.
            """,
        configuration: [
            ConfigurationField(
                "blocs", type: .array(.oneOf(AlignmentStanceStage.knownBlocs, ignoringCase: true)),
                default: .array(StanceAnalyzer.defaultBlocs.map(JSONValue.string)),
                summary:
                    "Bloc ids to report (NATO, CSTO, EU, SCO, BRICS, EAEU, CIS, NAM, GUAM, …), any case: the gazetteer's blocs."),
            ConfigurationField(
                "cues", type: .string,
                summary:
                    "YAML file of extra cue patterns per stance, merged over the built-in ones (relative to the pipeline file); `languages: {de: {…}}` in it adds cues for other languages."
            ),
            ConfigurationField(
                "min_confidence", type: .number(min: 0, max: 1), default: 0.3,
                summary: "Leave out pairs below this confidence (0 to 1)."),
            ConfigurationField(
                "evidence", type: .boolean, default: true, summary: "Output the sentences and cues behind each pair."),
            ConfigurationField(
                "speaker_field", type: .string,
                summary:
                    "Document field naming the country each text speaks for or describes (a UN delegation's statement, a government's release, a country profile), as an ISO 3166-1 alpha-2 or alpha-3 code or an English name; `we`, `our country` and unnamed subjects are then that country. The field must be in `input.keep`."
            ),
            ConfigurationField(
                "date_field", type: .string,
                summary:
                    "Document field giving when each text was written (a year, or an ISO 8601 date such as a news article's `published`); a text that names no year is read as of that year: what the membership record says of each country then (Sweden a NATO applicant in 2023, a member in 2024). The field must be in `input.keep`."
            ),
            ConfigurationField(
                "max_evidence", type: .integer(min: 0), default: 20,
                summary:
                    "The most evidence items per pair (those deciding it first); a pair with more says how many were left out in `evidence_omitted`."
            ),
        ],
        output: [
            "type": "array",
            "description":
                "One item per actor and bloc: actor {id, name}, bloc, bloc_name, stance, also, confidence, as_of, evidence [{sentence, start, end (the sentence), cue (the words matched), pattern, cue_start, cue_end, stance, negated}] (at most `max_evidence`), evidence_omitted (how many more there were, when any).",
            "items": [
                "type": "object",
                "required": ["actor", "bloc", "stance", "confidence"],
                "properties": [
                    "actor": ["type": "object"], "bloc": ["type": "string"], "bloc_name": ["type": "string"],
                    "stance": ["enum": ["member", "seeking", "partner", "neutral", "opposed"]],
                    "also": ["type": "array"], "confidence": ["type": "number"], "as_of": ["type": ["integer", "null"]],
                    "evidence": ["type": "array"], "evidence_omitted": ["type": "integer"],
                ],
            ],
        ],
        outputTrim: OutputTrim(
            compact: ["[].evidence"], minimal: ["[].actor.name", "[].bloc_name", "[].also", "[].confidence", "[].as_of"]),
        languages: AlignmentStanceStage.supportedLanguages
    )

    /// The bloc ids `blocs` accepts: those of the shipped gazetteer, read when the stage is first
    /// described (the built-in defaults if it cannot be read; building the stage then fails).
    static var knownBlocs: [String] {
        (try? Gazetteer.shippedBlocs.ids) ?? StanceAnalyzer.defaultBlocs
    }

    let languages: StanceLanguages
    private let minConfidence: Double
    private let evidence: Bool
    private let maxEvidence: Int
    let speakerField: String?
    /// The alpha-3 codes a `speaker_field` may give, read when the stage has a speaker field.
    let countryCodes: CountryCodes?
    let dateField: String?
    let logger: Logger
    /// The speaker values already reported as unknown (each is reported once).
    let unknownSpeakers = ReportedOnce()
    /// The date values already reported as unreadable (each is reported once).
    let unreadableDates = ReportedOnce()

    /// The languages with built-in cues (ISO 639-1 codes).
    public static let supportedLanguages: [String] = (try? StanceCues.shippedLanguages) ?? ["en"]

    /// Builds the stage, reading the user's cue file.
    public init(configuration: Configuration, context: StageContext) throws {
        var extra: [String: StanceCues.Parsed] = [:]
        if let path = configuration.cues {
            let resolved = context.resolve(path: path)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw ConfigurationError(field: "cues", "cannot read the cue file `\(resolved)`")
            }
            do {
                extra = try StanceCues.parseLanguages(yaml: String(decoding: data, as: UTF8.self), source: resolved)
            } catch {
                throw ConfigurationError(field: "cues", error.description)
            }
        }
        guard (0...1).contains(configuration.minConfidence) else {
            throw ConfigurationError(field: "min_confidence", "must be between 0 and 1, not \(configuration.minConfidence)")
        }
        for (key, field) in [("speaker_field", configuration.speakerField), ("date_field", configuration.dateField)] {
            if let field, !context.keptFields.contains(field) {
                throw ConfigurationError(
                    field: key,
                    "the input does not keep the field `\(field)`; add it to `input.keep` so that the stage can read it")
            }
        }
        languages = try StanceLanguages(extra: extra, blocs: Set(configuration.blocs), model: try StanceModel.shipped)
        minConfidence = configuration.minConfidence
        evidence = configuration.evidence
        maxEvidence = configuration.maxEvidence
        speakerField = configuration.speakerField
        countryCodes = configuration.speakerField == nil ? nil : try CountryCodes.shipped
        dateField = configuration.dateField
        logger = context.logger
    }

    /// Finds one document's stance pairs, with the cues of its language (English when no
    /// upstream stage names one); a language without cues is skipped with the reason.
    public func analyze(_ input: StageInput) async throws -> StageResult {
        let language = input.upstreamLanguage ?? "en"
        guard let analyzer = languages.analyzer(for: language) else {
            return .skipped(
                reason:
                    "unsupported language: \(language) (alignment-stance reads \(languages.languages.joined(separator: ", ")))")
        }
        // The entities stage's tokens and sentences of this text, and the mentions it wrote,
        // when it shared them.
        let shared = input.artifacts(from: "entities")
        let text =
            shared?[TokenizedText.self].flatMap { $0.isReading(of: input.text) ? $0 : nil } ?? TokenizedText(input.text)
        let entities =
            shared?[EntityMentions.self]?.entities
            ?? input.resultsByStage["entities"].map(Entity.entities(fromStageOutput:))
            ?? languages.entities(in: text, language: language)
        let pairs = analyzer.pairs(
            in: text, entities: entities, speaker: speaker(of: input.document), year: year(of: input.document)
        ).filter { $0.confidence >= minConfidence }
        return .output(.array(pairs.map { $0.json(evidence: evidence, limit: maxEvidence) }))
    }
}
