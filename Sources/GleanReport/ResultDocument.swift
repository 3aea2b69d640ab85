import GleanCore

/// One line of a results file, read into what the tables and the report use.
///
/// Stage results are found by their shape, whatever the stage's id in the pipeline: an array of
/// `{actor, bloc, stance}` objects is alignment stance, an object with `compound` is sentiment
/// (tone), one with `distinct` or `entities` arrays is entities, one with `code` and `script`
/// or `candidates` is language. The first of each kind on the line is used.
public struct ResultDocument: Sendable {
    /// The document's id (`id`), as text.
    public var id: String
    /// Where the line was read.
    public var origin: DocumentOrigin
    /// The date field's value (`published` by default), when it is a string.
    public var date: String?
    /// The `title` field, when the output kept it.
    public var title: String?
    /// The document's text, when the output kept the text field (for evidence sentences).
    public var text: String?
    /// The language code.
    public var language: String?
    /// The language's name.
    public var languageName: String?
    /// The language's confidence.
    public var languageConfidence: Double?
    /// Sentiment's compound score, −1 to 1.
    public var tone: Double?
    /// Sentiment's label (`positive`, `neutral`, `negative`).
    public var toneLabel: String?
    /// Whether the line has an alignment-stance result (even an empty one).
    public var hasStance = false
    /// The stance pairs.
    public var pairs: [StancePair] = []
    /// Each entity mention, when the output has them (`full` detail).
    public var mentions: [EntityMention]?
    /// The distinct entities with their mention counts.
    public var distinct: [DistinctEntity]?
    /// Stages skipped for this document, with the reason.
    public var skipped: [(stage: String, reason: String)] = []
    /// Stages that failed for this document.
    public var errors: [(stage: String, code: String, message: String)] = []

    /// What to read of a line beyond the document fields.
    public struct Parts: OptionSet, Sendable {
        /// The raw option bits.
        public var rawValue: Int
        /// Creates parts from raw bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Each entity mention.
        public static let mentions = Parts(rawValue: 1)
        /// The distinct entities.
        public static let distinct = Parts(rawValue: 2)
        /// Everything.
        public static let all: Parts = [.mentions, .distinct]
    }

    /// Reads one results line.
    ///
    /// - Throws: ``GleanError`` (`malformed_json`, at the line) when the line is not a JSON object.
    public init(
        line bytes: UnsafeRawBufferPointer, origin: DocumentOrigin, fields: ResultFields, parts: Parts = .all
    ) throws(GleanError) {
        self.origin = origin
        self.id = ""
        do {
            let members = try JSONParser.scanMembers(bytes)
            var seen: Set<ResultKind> = []
            for member in members {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[member.value])
                switch member.key {
                case "id":
                    id = try JSONParser.string(scanned: member, in: bytes) ?? String(decoding: raw, as: UTF8.self)
                    continue
                case "skipped":
                    if case .object(let reasons) = try JSONParser.parse(raw) {
                        skipped = reasons.map { ($0.key, $0.value.stringValue ?? "") }
                    }
                    continue
                case "errors":
                    if case .array(let items) = try JSONParser.parse(raw) {
                        errors = items.map {
                            ($0["stage"]?.stringValue ?? "", $0["code"]?.stringValue ?? "", $0["message"]?.stringValue ?? "")
                        }
                    }
                    continue
                case fields.date:
                    date = try JSONParser.string(scanned: member, in: bytes)
                    continue
                case fields.text:
                    text = try JSONParser.string(scanned: member, in: bytes)
                    continue
                case "title":
                    title = try JSONParser.string(scanned: member, in: bytes)
                    continue
                default: break
                }
                guard let first = raw.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { continue }
                try read(member: raw, seen: &seen, parts: parts)
            }
        } catch {
            throw GleanError(.malformedJSON, "\(origin): not a results line: \(error)", cause: error)
        }
    }

    /// Reads one stage result, once its kind is known from its shape.
    private mutating func read(
        member raw: UnsafeRawBufferPointer, seen: inout Set<ResultKind>, parts: Parts
    ) throws(JSONSyntaxError) {
        if raw.first == UInt8(ascii: "[") {
            guard !seen.contains(.stance) else { return }
            let value = try JSONParser.parse(raw)
            guard case .array(let items) = value else { return }
            if items.isEmpty {
                return
            }
            let parsed = items.compactMap(StancePair.init(value:))
            guard parsed.count == items.count else { return }
            pairs = parsed
            hasStance = true
            seen.insert(.stance)
            return
        }
        let members = try JSONParser.scanObject(raw)
        let keys = Set(members.map(\.key))
        if keys.contains("compound"), !seen.contains(.tone) {
            let value = try JSONParser.parse(raw)
            tone = value["compound"]?.doubleValue
            toneLabel = value["label"]?.stringValue
            seen.insert(.tone)
        } else if keys.contains("distinct") || keys.contains("entities"), !seen.contains(.entities) {
            seen.insert(.entities)
            for member in members {
                let part = UnsafeRawBufferPointer(rebasing: raw[member.value])
                if member.key == "entities", parts.contains(.mentions), case .array(let items) = try JSONParser.parse(part) {
                    mentions = items.compactMap(EntityMention.init(value:))
                } else if member.key == "distinct", parts.contains(.distinct),
                    case .array(let items) = try JSONParser.parse(part)
                {
                    distinct = items.compactMap(DistinctEntity.init(value:))
                }
            }
        } else if keys.contains("code"),
            keys.count == 1 || keys.contains("script") || keys.contains("candidates") || keys.contains("confidence"),
            !seen.contains(.language)
        {
            let value = try JSONParser.parse(raw)
            language = value["code"]?.stringValue
            languageName = value["name"]?.stringValue
            languageConfidence = value["confidence"]?.doubleValue
            seen.insert(.language)
        }
    }

    /// The text of the sentence from `start` to `end` (Unicode scalars), when the line kept the
    /// text and the span is inside it.
    public func sentence(start: Int?, end: Int?) -> String? {
        guard let text, let start, let end, start >= 0, end >= start else { return nil }
        let scalars = text.unicodeScalars
        guard let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
            let to = scalars.index(from, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return nil }
        return String(scalars[from..<to])
    }
}

/// The kinds of stage result the tables and report read.
enum ResultKind: Hashable {
    case stance, tone, entities, language
}

/// Which input fields of a results line hold the date and the text.
public struct ResultFields: Sendable {
    /// The date field (`published`).
    public var date: String
    /// The text field, read when the output kept it (`text`).
    public var text: String

    /// Creates the field names.
    public init(date: String = "published", text: String = "text") {
        self.date = date
        self.text = text
    }
}
