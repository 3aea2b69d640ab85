/// The flat tables `glean export` writes: one row per stance pair, per entity mention, or per
/// document. Column names, order and types are part of Glean's interface: add columns at the end,
/// never rename or retype one (docs/export-and-report.md lists them).
public enum FlatTable: String, Sendable, CaseIterable {
    /// One row per actor–bloc stance pair.
    case pairs
    /// One row per entity mention (per distinct entity when the output has no mentions).
    case entities
    /// One row per document.
    case documents

    /// The table's columns, in order.
    public var columns: [FlatColumn] {
        switch self {
        case .pairs: Self.pairColumns
        case .entities: Self.entityColumns
        case .documents: Self.documentColumns
        }
    }

    /// What of each line the table needs.
    public var parts: ResultDocument.Parts {
        switch self {
        case .pairs: []
        case .entities: .all
        case .documents: .distinct
        }
    }

    private static let documentKey: [FlatColumn] = [
        FlatColumn("document_id", .string, "the document's `id`"),
        FlatColumn(
            "published", .string, "the date field's value (`--date-field`, default `published`), as written; null when absent"),
    ]

    private static let pairColumns: [FlatColumn] =
        documentKey + [
            FlatColumn("actor_id", .string, "the actor's ISO 3166-1 alpha-2 code"),
            FlatColumn("actor_name", .string, "the actor's name"),
            FlatColumn("bloc_id", .string, "the bloc's id (`NATO`)"),
            FlatColumn("bloc_name", .string, "the bloc's name"),
            FlatColumn("stance", .string, "`member`, `seeking`, `partner`, `neutral` or `opposed`"),
            FlatColumn("also", .string, "other stances the text supports, joined with `;` (empty when none)"),
            FlatColumn("confidence", .double, "0–1"),
            FlatColumn("as_of", .int64, "the year the text dates the stance to; null for the present"),
            FlatColumn("evidence_count", .int64, "cues behind the pair (0 when the output has no evidence)"),
            FlatColumn("evidence_cue", .string, "the first cue's words"),
            FlatColumn("evidence_start", .int64, "the first cue's sentence start, in Unicode scalars of the text"),
            FlatColumn("evidence_end", .int64, "the first cue's sentence end"),
            FlatColumn(
                "evidence_sentence", .string,
                "the first cue's sentence, when the results kept the text (`keep: [text]` in the pipeline)"),
            FlatColumn("language", .string, "the document's language code"),
            FlatColumn("tone", .double, "the document's sentiment compound score, −1 to 1"),
        ]

    private static let entityColumns: [FlatColumn] =
        documentKey + [
            FlatColumn("type", .string, "`PERSON`, `ORG`, `GPE`, `NORP`, `DATE`, …"),
            FlatColumn("text", .string, "the words as written"),
            FlatColumn("canonical", .string, "the linked id (ISO code, bloc id, `AZ:Baku`); null when not linked"),
            FlatColumn("name", .string, "the linked entity's name"),
            FlatColumn("parent", .string, "the country containing a linked place"),
            FlatColumn("sentence", .int64, "the sentence's index; null for a distinct-entity row"),
            FlatColumn("start", .int64, "start in Unicode scalars; null for a distinct-entity row"),
            FlatColumn("end", .int64, "end; null for a distinct-entity row"),
            FlatColumn("mentions", .int64, "1 for a mention; the document's count for a distinct-entity row"),
            FlatColumn("language", .string, "the document's language code"),
        ]

    private static let documentColumns: [FlatColumn] =
        documentKey + [
            FlatColumn("title", .string, "the `title` field, when kept"),
            FlatColumn("language", .string, "the language code"),
            FlatColumn("language_confidence", .double, "the language's confidence"),
            FlatColumn("tone", .double, "the sentiment compound score, −1 to 1"),
            FlatColumn("tone_label", .string, "`positive`, `neutral` or `negative`"),
            FlatColumn("stance_pairs", .int64, "stance pairs found; null when the document has no stance result"),
            FlatColumn("entities", .int64, "distinct entities found; null when it has no entities result"),
            FlatColumn("countries", .string, "linked countries mentioned (ISO codes, most mentioned first), joined with `;`"),
            FlatColumn("skipped", .string, "`stage: reason` for each skipped stage, joined with `; `"),
            FlatColumn("errors", .string, "`stage: code: message` for each failed stage, joined with `; `"),
        ]

    /// The table's rows for one document.
    public func rows(for document: ResultDocument) -> [[FlatValue]] {
        let key: [FlatValue] = [.string(document.id), .init(document.date)]
        switch self {
        case .pairs:
            return document.pairs.map { pair in
                let first = pair.evidence.first
                let sentence = first?.text ?? document.sentence(start: first?.start, end: first?.end)
                return key + [
                    .string(pair.actorID), .init(pair.actorName), .string(pair.blocID), .init(pair.blocName),
                    .string(pair.stance), .string(pair.also.joined(separator: ";")), .init(pair.confidence),
                    .init(pair.asOf), .int(pair.evidence.count), .init(first?.cue), .init(first?.start),
                    .init(first?.end), .init(sentence), .init(document.language), .init(document.tone),
                ]
            }
        case .entities:
            let language = FlatValue(document.language)
            if let mentions = document.mentions {
                return mentions.map { mention in
                    key + [
                        .string(mention.type), .string(mention.text), .init(mention.canonical), .init(mention.name),
                        .init(mention.parent), .init(mention.sentence), .init(mention.start), .init(mention.end), .int(1),
                        language,
                    ]
                }
            }
            return (document.distinct ?? []).map { entity in
                key + [
                    .string(entity.type), .string(entity.text), .init(entity.canonical), .null, .null, .null, .null, .null,
                    .int(entity.mentions), language,
                ]
            }
        case .documents:
            let countries = (document.distinct ?? [])
                .filter { $0.type == "GPE" && ($0.canonical?.utf8.count ?? 0) == 2 }
                .sorted { $0.mentions > $1.mentions }
                .compactMap(\.canonical)
            return [
                key + [
                    .init(document.title), .init(document.language), .init(document.languageConfidence), .init(document.tone),
                    .init(document.toneLabel), document.hasStance ? .int(document.pairs.count) : .null,
                    document.distinct.map { .int($0.count) } ?? .null, .string(countries.joined(separator: ";")),
                    .string(document.skipped.map { "\($0.stage): \($0.reason)" }.joined(separator: "; ")),
                    .string(document.errors.map { "\($0.stage): \($0.code): \($0.message)" }.joined(separator: "; ")),
                ]
            ]
        }
    }
}

/// One column of a flat table.
public struct FlatColumn: Sendable, Hashable {
    /// The column's name, in `snake_case`.
    public var name: String
    /// Its type.
    public var type: FlatType
    /// What it holds.
    public var summary: String

    /// Creates a column.
    public init(_ name: String, _ type: FlatType, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}

/// The type of a flat column; every column may be null.
public enum FlatType: String, Sendable, Hashable {
    /// UTF-8 text (Parquet `BYTE_ARRAY` with the `STRING` annotation).
    case string
    /// A 64-bit signed integer (Parquet `INT64`).
    case int64
    /// A 64-bit float (Parquet `DOUBLE`).
    case double
}

/// One cell of a flat table.
public enum FlatValue: Sendable, Hashable {
    /// No value.
    case null
    /// Text.
    case string(String)
    /// An integer.
    case int(Int)
    /// A float.
    case double(Double)

    /// A string cell, or null.
    public init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    /// An integer cell, or null.
    public init(_ value: Int?) { self = value.map { .int($0) } ?? .null }
    /// A float cell, or null.
    public init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
}
