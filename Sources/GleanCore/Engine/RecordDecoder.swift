import OrderedCollections

/// Turns raw records into documents for the pipeline's input format; runs on the workers, so
/// JSON parsing is spread over the cores.
struct RecordDecoder: Sendable {
    /// A decoded record: the document and where its kept fields' raw JSON is in the batch.
    struct Decoded: Sendable {
        var document: Document
        var keptRanges: [Range<Int>?]
    }

    let input: InputSpec
    /// Whether stages will read the text (otherwise JSON text is only checked, not decoded).
    let decodesText: Bool
    /// Whether generated ids name the input too (`b.jsonl:3`), as they must when a run reads
    /// several inputs whose line numbers repeat.
    let qualifiesGeneratedIDs: Bool
    private let keepIndex: [String: Int]

    init(input: InputSpec, decodesText: Bool, qualifiesGeneratedIDs: Bool = false) {
        self.input = input
        self.decodesText = decodesText
        self.qualifiesGeneratedIDs = qualifiesGeneratedIDs
        keepIndex = Dictionary(input.keep.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func decode(_ record: RawRecord, storage: UnsafeRawBufferPointer) -> Result<Decoded, GleanError> {
        if let problem = record.problem { return .failure(problem) }
        let bytes = UnsafeRawBufferPointer(rebasing: storage[record.range])
        switch input.format {
        case .jsonl:
            return decodeJSON(bytes, record: record)
        case .lines, .text:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(GleanError(.invalidUTF8, "the text is not valid UTF-8"))
            }
            let id = input.format == .lines ? generatedID(record.origin) : record.origin.input
            return .success(Decoded(document: Document(id: id, text: text, origin: record.origin), keptRanges: []))
        }
    }

    private func decodeJSON(_ bytes: UnsafeRawBufferPointer, record: RawRecord) -> Result<Decoded, GleanError> {
        let members: [ScannedMember]
        do {
            members = try JSONParser.scanMembers(bytes)
        } catch {
            let what = error.code == .invalidUTF8 ? "the line is not valid UTF-8" : "the line is not valid JSON"
            return .failure(GleanError(error.code, "\(what): \(error)"))
        }
        var idRange: Range<Int>?
        var textMember: ScannedMember?
        var kept = [Range<Int>?](repeating: nil, count: input.keep.count)
        for member in members {
            if member.key == input.idField { idRange = member.value }
            if member.key == input.textField { textMember = member }
            if let index = keepIndex[member.key] {
                kept[index] =
                    (member.value.lowerBound + record.range.lowerBound)..<(member.value.upperBound + record.range.lowerBound)
            }
        }
        var id = generatedID(record.origin)
        if let idRange {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[idRange])
            switch raw.first ?? 0 {
            case UInt8(ascii: "\""):
                guard case .string(let value) = try? JSONParser.parse(raw) else {
                    return .failure(GleanError(.invalidID, "the id field `\(input.idField)` could not be read"))
                }
                id = value
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                id = String(decoding: raw, as: UTF8.self)
            case UInt8(ascii: "n"):
                break
            default:
                return .failure(
                    GleanError(
                        .invalidID, "the id field `\(input.idField)` must be a string or a number, not \(Self.typeName(raw))"))
            }
        }
        guard let textMember else {
            var message = "the line has no `\(input.textField)` field"
            if let near = Spelling.suggestion(for: input.textField, among: members.map(\.key)) {
                message += "; did you mean `\(near)`? (set `input.text`)"
            } else {
                message += " (set `input.text` to the field holding the text)"
            }
            return .failure(GleanError(.missingText, message))
        }
        guard textMember.isString else {
            let rawText = UnsafeRawBufferPointer(rebasing: bytes[textMember.value])
            return .failure(
                GleanError(.missingText, "the text field `\(input.textField)` must be a string, not \(Self.typeName(rawText))"))
        }
        var document = Document(id: id, text: "", origin: record.origin)
        if decodesText {
            guard let text = try? JSONParser.string(scanned: textMember, in: bytes) else {
                return .failure(GleanError(.malformedJSON, "the text field `\(input.textField)` could not be read"))
            }
            document.text = text
            var fields = OrderedDictionary<String, JSONValue>()
            for (index, name) in input.keep.enumerated() {
                if let range = kept[index] {
                    let local = (range.lowerBound - record.range.lowerBound)..<(range.upperBound - record.range.lowerBound)
                    fields[name] = (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[local]))) ?? .null
                } else {
                    fields[name] = .null
                }
            }
            document.fields = fields
        }
        return .success(Decoded(document: document, keptRanges: kept))
    }

    /// The id of a record without one: its line number, with its input when there are several.
    private func generatedID(_ origin: DocumentOrigin) -> String {
        qualifiesGeneratedIDs ? origin.description : String(origin.line)
    }

    private static func typeName(_ raw: UnsafeRawBufferPointer) -> String {
        switch raw.first ?? 0 {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "\""): return "a string"
        default: return "a number"
        }
    }
}
