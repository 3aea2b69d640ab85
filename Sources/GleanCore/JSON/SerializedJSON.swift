/// A JSON value already written as compact JSON text: what a stage gives the engine as
/// ``StageResult/serialized(_:)`` when its output is cheaper to write once than to build as a
/// ``JSONValue`` and write after.
///
/// The text is valid by construction: it is written by ``object(capacity:_:)`` and
/// ``array(capacity:_:)``, whose writers put in only whole members and elements (strings escaped,
/// non-finite numbers as `null`, each object's keys distinct), or from a ``JSONValue``.
///
/// ```swift
/// static let start = JSONKey("start"), end = JSONKey("end")
/// let span = SerializedJSON.object { span in
///     span.write(Self.start, .int(0))
///     span.write(Self.end, .int(12))
/// }  // {"start":0,"end":12}
/// ```
public struct SerializedJSON: Sendable, Hashable, CustomStringConvertible {
    /// The JSON text, as UTF-8.
    public let bytes: [UInt8]

    /// Text already known to be one valid JSON value.
    init(validBytes: [UInt8]) {
        bytes = validBytes
    }

    /// `value` written as compact JSON, as ``JSONWriter`` writes it.
    public init(_ value: JSONValue) {
        bytes = JSONWriter.serialize(value)
    }

    /// An object: `body` writes its members.
    public static func object(capacity: Int = 256, _ body: (inout JSONObjectWriter) throws -> Void) rethrows -> SerializedJSON {
        var object = JSONObjectWriter(opening: JSONBuildState(capacity: capacity))
        try body(&object)
        return SerializedJSON(validBytes: object.close().writer.bytes)
    }

    /// An array: `body` appends its elements.
    public static func array(capacity: Int = 256, _ body: (inout JSONArrayWriter) throws -> Void) rethrows -> SerializedJSON {
        var array = JSONArrayWriter(opening: JSONBuildState(capacity: capacity))
        try body(&array)
        return SerializedJSON(validBytes: array.close().writer.bytes)
    }

    /// The value the text holds, read back with ``JSONParser``: for a later stage that needs it,
    /// or to trim it to an output detail.
    ///
    /// Throws only when a ``JSONValue`` written into the text nests deeper than
    /// ``JSONParser/maximumDepth``, which the parser does not read.
    public var value: JSONValue {
        get throws(JSONSyntaxError) { try JSONParser.parse(bytes) }
    }

    /// The JSON text.
    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
