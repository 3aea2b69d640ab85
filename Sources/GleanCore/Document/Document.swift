import OrderedCollections

/// One document to analyse: its id, its text, the input fields kept with it, and where it came
/// from.
public struct Document: Sendable {
    /// The document's id, from the input or generated from its position.
    public var id: String
    /// The text the stages analyse.
    public var text: String
    /// The input fields named by `keep:`, as they were in the input (`null` when absent).
    public var fields: OrderedDictionary<String, JSONValue>
    /// Where the document was read.
    public var origin: DocumentOrigin

    /// Creates a document.
    public init(
        id: String,
        text: String,
        fields: OrderedDictionary<String, JSONValue> = [:],
        origin: DocumentOrigin = DocumentOrigin(input: "-", line: 0)
    ) {
        self.id = id
        self.text = text
        self.fields = fields
        self.origin = origin
    }
}

/// Where a document or input line was read: the input's name and the line (or record) number.
public struct DocumentOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The input file's path, `-` for standard input, or the file's path inside a folder input.
    public var input: String
    /// The 1-based line number in the input; 1 for one-document-per-file inputs.
    public var line: Int

    /// Creates an origin.
    public init(input: String, line: Int) {
        self.input = input
        self.line = line
    }

    /// `input:line`.
    public var description: String { "\(input):\(line)" }
}
