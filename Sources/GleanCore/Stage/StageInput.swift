/// What a stage sees of one document: the document and the results of the stages it needs.
public struct StageInput: Sendable {
    /// The document.
    public var document: Document
    /// The outputs of the stages this stage needs, by stage id.
    public var results: [String: JSONValue]
    /// The outputs of the stages this stage needs, by stage name (`uses:`), so a stage can
    /// find, say, the `language` result whatever id the pipeline gave it.
    public var resultsByStage: [String: JSONValue]

    /// Creates an input.
    public init(
        document: Document,
        results: [String: JSONValue] = [:],
        resultsByStage: [String: JSONValue] = [:]
    ) {
        self.document = document
        self.results = results
        self.resultsByStage = resultsByStage
    }

    /// The document's text.
    public var text: String { document.text }
}
