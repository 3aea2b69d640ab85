import Foundation
import GleanCore
import GleanText

/// `entities`: people, organisations, places, countries, blocs, nationalities and dates in
/// English text, with offsets, linked to canonical ids where known.
public struct EntitiesStage: Stage {
    /// The stage's settings.
    public struct Configuration: Decodable, Sendable {
        /// Which types to report (all when absent).
        public var types: [String]?
        /// Extra gazetteer files (`.yaml`/`.yml` or TSV), relative to the pipeline file.
        public var gazetteers: [String]
        /// Whether to link mentions to canonical ids.
        public var link: Bool
        /// Whether to find country names in documents in other languages (else they are skipped).
        public var otherLanguages: Bool
        /// The most mentions output per distinct entity.
        public var maxMentions: Int
        /// The most distinct entities output.
        public var maxEntities: Int
    }

    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "entities",
        version: "0.5.0",
        summary:
            "Finds people, organisations, places, countries, blocs, nationalities and dates in English text, linked to ids (blocs, capitals and people in 7 more languages, country names in 148).",
        details: """
            A trained tagger (averaged structured perceptron over word, shape, affix, context, \
            gazetteer, name-list and word-cluster features, Viterbi decoding; trained on 435,000 \
            tokens of web text, news, Wikipedia and tweets), a gazetteer of countries (ISO 3166-1, with other names and demonyms), blocs, \
            organisations, companies and parties with their aliases, capitals and regions, and rules for people after \
            titles, organisations by head word, "the Alliance" and dates. Countries link to ISO \
            3166-1 alpha-2 codes, blocs to stable ids (NATO, CSTO, EU, …) with parents (PFP → NATO). \
            Known leaders (851 heads of state and government, foreign ministers and some other \
            officials, most since 1945) link to an id with their country as parent ("Putin" → \
            VLADIMIR_PUTIN, RU). \
            People and organisations get an id shared by their mentions in the document ("Ilham \
            Aliyev" … "Aliyev": p1). \
            Offsets are Unicode scalars. English text gets everything; in documents whose \
            `language` result is another language only country names are found, from iso-codes' \
            translations and CLDR's names, also inflected ("России", "Venäjällä"), or with \
            `other_languages: false` the document is skipped. In Russian, Ukrainian, Turkish, \
            Azerbaijani, German, French and Spanish, blocs, institutions and capitals are found \
            and linked to the English ids too ("Североатлантического альянса" → NATO, "KGAÖ" → \
            CSTO, "Кремль" → KREMLIN), and people after titles ("Cumhurbaşkanı Erdoğan"), as \
            runs of capitalised words, and by surnames seen before ("Путина"); known leaders \
            are linked there too, inflected ("Путина" → VLADIMIR_PUTIN).
            """,
        configuration: [
            ConfigurationField(
                "types", type: .array(.oneOf(Entity.Kind.allCases.map(\.rawValue), ignoringCase: true)),
                summary: "Types to report (default: all)."),
            ConfigurationField(
                "gazetteers", type: .array(.string), default: [],
                summary:
                    "Extra gazetteer files, relative to the pipeline file: YAML (`.yaml`, `.yml`; a list of entries with id, type, forms, name, parent) or TSV `surface<TAB>type<TAB>canonical[<TAB>name[<TAB>parent]]`."
            ),
            ConfigurationField("link", type: .boolean, default: true, summary: "Link mentions to canonical ids."),
            ConfigurationField(
                "other_languages", type: .boolean, default: true,
                summary:
                    "In documents the language stage found in another language, find country names in that language (iso-codes' and CLDR's names, 148 languages, inflected forms too) instead of skipping them."
            ),
            ConfigurationField(
                "max_mentions", type: .integer(min: 0), default: 100,
                summary:
                    "The most mentions listed per distinct entity (the first in the text); `distinct` keeps the full counts and `mentions_omitted` counts the rest."
            ),
            ConfigurationField(
                "max_entities", type: .integer(min: 0), default: 1000,
                summary:
                    "The most distinct entities listed (the most mentioned); `entities_omitted` counts the rest, whose mentions are left out too."
            ),
        ],
        output: [
            "type": "object",
            "required": ["entities", "distinct"],
            "properties": [
                "entities": [
                    "type": "array",
                    "description":
                        "Each mention: text, type, start, end (Unicode scalars), canonical (or null), name, parent, sentence; people and organisations also id (`p1`, `o1`: the same for every mention of one entity in the document).",
                ],
                "distinct": [
                    "type": "array",
                    "description":
                        "Distinct entities (by canonical id, else type and text) with their mention counts, most mentioned first.",
                ],
                "mentions_omitted": [
                    "type": "integer", "description": "Mentions left out by `max_mentions` and `max_entities`, when any.",
                ],
                "entities_omitted": [
                    "type": "integer", "description": "Distinct entities left out by `max_entities`, when any.",
                ],
                "language": [
                    "type": "string",
                    "description":
                        "Present when the document is in another language than English: its code; only country names were looked for.",
                ],
            ],
        ],
        outputTrim: OutputTrim(compact: ["entities"]),
        languages: EntitiesStage.languages
    )

    private let recognizer: EntityRecognizer
    private let types: Set<Entity.Kind>
    private let countryNames: CountryNames?
    private let limits: (mentions: Int, entities: Int)

    /// Builds the stage, reading the user's gazetteers.
    public init(configuration: Configuration, context: StageContext) throws {
        var gazetteer = try Gazetteer.shipped
        for path in configuration.gazetteers {
            let resolved = context.resolve(path: path)
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw ConfigurationError(field: "gazetteers", "cannot read the gazetteer file `\(resolved)`")
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                if resolved.hasSuffix(".yaml") || resolved.hasSuffix(".yml") {
                    try gazetteer.addYAML(text, source: resolved)
                } else {
                    try gazetteer.addTSV(text, source: resolved)
                }
            } catch {
                throw ConfigurationError(field: "gazetteers", error.description)
            }
        }
        var recognizer = try EntityRecognizer.shipped(gazetteer: gazetteer)
        recognizer.link = configuration.link
        self.recognizer = recognizer
        types = Set(configuration.types.map { $0.compactMap(Entity.Kind.init(rawValue:)) } ?? Entity.Kind.allCases)
        countryNames = configuration.otherLanguages ? try CountryNames.shipped : nil
        limits = (configuration.maxMentions, configuration.maxEntities)
    }

    /// Finds one document's entities.
    ///
    /// The text's tokens and sentences go with the output as a ``TokenizedText`` artifact, and
    /// the mentions written as ``EntityMentions``, for the stages that need this one
    /// (`alignment-stance` reads them instead of cutting the text again and parsing the output).
    public func analyze(_ input: StageInput) async throws -> StageResult {
        if let skipped = input.skipUnlessLanguage("en") {
            guard let language = input.upstreamLanguage, let names = countryNames?.names(in: language) else {
                return skipped
            }
            let people = countryNames?.people(in: language)
            let text = TokenizedText(input.text)
            var (output, mentions) = describe(recognizer.entities(in: text, knownOnly: names, people: people))
            output["language"] = .string(language)
            return .outputSharing(output, Self.sharing(text, mentions))
        }
        let text = TokenizedText(input.text)
        let (output, mentions) = describe(recognizer.entities(in: text))
        return .outputSharing(output, Self.sharing(text, mentions))
    }

    /// The artifacts that go with the output: the text's tokens and sentences, and the mentions
    /// written.
    private static func sharing(_ text: TokenizedText, _ mentions: [Entity]) -> StageArtifacts {
        var artifacts = StageArtifacts()
        artifacts[TokenizedText.self] = text
        artifacts[EntityMentions.self] = EntityMentions(mentions)
        return artifacts
    }

    /// The stage's output for English `text`.
    public func describe(_ text: String) -> JSONValue {
        describe(recognizer.entities(in: text)).output
    }

    /// The stage's output for `found` entities: those of the configured types (at most
    /// `max_mentions` mentions of each of the `max_entities` most mentioned), and the distinct
    /// ones with their full mention counts; `mentions_omitted` and `entities_omitted` say what
    /// the limits left out. Also the mentions written, in their order.
    private func describe(_ found: [Entity]) -> (output: JSONValue, mentions: [Entity]) {
        let entities = found.filter { types.contains($0.kind) }
        let keys = entities.map { entity in entity.canonical.map { "id:" + $0 } ?? entity.kind.rawValue + ":" + entity.text }
        var counts: [String: (count: Int, first: Int)] = [:]
        for (order, key) in keys.enumerated() {
            let previous = counts[key]
            counts[key] = ((previous?.count ?? 0) + 1, previous?.first ?? order)
        }
        let ranked = counts.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first
        }
        let kept = ranked.prefix(limits.entities)
        let keptKeys = Set(kept.map(\.key))
        var seen: [String: Int] = [:]
        var mentions: [JSONValue] = []
        var written: [Entity] = []
        var omitted = 0
        for (entity, key) in zip(entities, keys) {
            seen[key, default: 0] += 1
            guard keptKeys.contains(key), seen[key, default: 0] <= limits.mentions else {
                omitted += 1
                continue
            }
            var value: JSONValue = [
                "text": .string(entity.text), "type": .string(entity.kind.rawValue), "start": .int(entity.start),
                "end": .int(entity.end), "canonical": entity.canonical.map(JSONValue.string) ?? .null,
            ]
            if let name = entity.canonicalName { value["name"] = .string(name) }
            if let parent = entity.parent { value["parent"] = .string(parent) }
            value["sentence"] = .int(entity.sentence)
            if let id = entity.id { value["id"] = .string(id) }
            mentions.append(value)
            written.append(entity)
        }
        let distinct = kept.map { key, entry -> JSONValue in
            let entity = entities[entry.first]
            return [
                "text": .string(entity.canonicalName ?? entity.text), "type": .string(entity.kind.rawValue),
                "canonical": entity.canonical.map(JSONValue.string) ?? .null, "mentions": .int(entry.count),
            ]
        }
        var output: JSONValue = ["entities": .array(mentions), "distinct": .array(distinct)]
        if omitted > 0 { output["mentions_omitted"] = .int(omitted) }
        if ranked.count > kept.count { output["entities_omitted"] = .int(ranked.count - kept.count) }
        return (output, written)
    }
}
