import GleanCore

/// One entity mention of an `entities` result.
public struct EntityMention: Sendable, Hashable {
    /// The words as written.
    public var text: String
    /// `PERSON`, `ORG`, `GPE`, `NORP`, …
    public var type: String
    /// The linked id (ISO code, bloc id, `AZ:Baku`), when linked.
    public var canonical: String?
    /// The linked entity's name.
    public var name: String?
    /// The containing country of a linked place.
    public var parent: String?
    /// The sentence's index.
    public var sentence: Int?
    /// The start, in Unicode scalars.
    public var start: Int?
    /// The end, in Unicode scalars.
    public var end: Int?

    /// Reads a mention; `nil` when it lacks text or type.
    public init?(value: JSONValue) {
        guard let text = value["text"]?.stringValue, let type = value["type"]?.stringValue else { return nil }
        self.text = text
        self.type = type
        canonical = value["canonical"]?.stringValue
        name = value["name"]?.stringValue
        parent = value["parent"]?.stringValue
        sentence = value["sentence"]?.intValue
        start = value["start"]?.intValue
        end = value["end"]?.intValue
    }
}

/// One distinct entity of an `entities` result, with how often the document mentions it.
public struct DistinctEntity: Sendable, Hashable {
    /// The entity's name or words.
    public var text: String
    /// `PERSON`, `ORG`, `GPE`, …
    public var type: String
    /// The linked id, when linked.
    public var canonical: String?
    /// Mentions in the document.
    public var mentions: Int

    /// Reads a distinct entity; `nil` when it lacks text or type.
    public init?(value: JSONValue) {
        guard let text = value["text"]?.stringValue, let type = value["type"]?.stringValue else { return nil }
        self.text = text
        self.type = type
        canonical = value["canonical"]?.stringValue
        mentions = value["mentions"]?.intValue ?? 1
    }

    /// The key that identifies the entity across documents: its link, else type and words.
    public var key: String { canonical ?? "\(type):\(text)" }
}
