/// One document sent to a plugin: its id, text, kept input fields and the results of the stages
/// it needs.
public struct PluginDocument: Decodable, Sendable {
    /// The document's id.
    public var id: String
    /// The text to analyse.
    public var text: String
    /// The input fields the pipeline keeps.
    public var fields: [String: PluginValue]
    /// The results of the stages this stage needs, by stage id.
    public var results: [String: PluginValue]

    /// Creates a document.
    public init(id: String, text: String, fields: [String: PluginValue] = [:], results: [String: PluginValue] = [:]) {
        self.id = id
        self.text = text
        self.fields = fields
        self.results = results
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, fields, results
    }

    /// Decodes a document; `fields` and `results` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        fields = try container.decodeIfPresent([String: PluginValue].self, forKey: .fields) ?? [:]
        results = try container.decodeIfPresent([String: PluginValue].self, forKey: .results) ?? [:]
    }
}

/// What a plugin gives for one document.
public enum PluginResult<Output: Encodable & Sendable>: Sendable {
    /// The output, written under the stage's id.
    case output(Output)
    /// The output as JSON text the plugin already has (written as is; it must be valid JSON).
    /// Faster than encoding an `Output` when a plugin produces JSON itself.
    case json(String)
    /// The document was not analysed, with the reason (not an error).
    case skipped(String)
}
