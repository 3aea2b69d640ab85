/// What a stage sees of one document: the document and the results of the stages it needs.
public struct StageInput: Sendable {
    /// The document.
    public var document: Document
    /// The outputs of the stages this stage needs, by stage id.
    public var results: [String: JSONValue]
    /// The outputs of the stages this stage needs, by stage name (`uses:`), so a stage can
    /// find, say, the `language` result whatever id the pipeline gave it.
    public var resultsByStage: [String: JSONValue]
    /// What the stages this stage needs shared beside their outputs, by stage name (only those
    /// that shared something).
    public var artifactsByStage: [String: StageArtifacts]

    /// Creates an input.
    public init(
        document: Document,
        results: [String: JSONValue] = [:],
        resultsByStage: [String: JSONValue] = [:],
        artifactsByStage: [String: StageArtifacts] = [:]
    ) {
        self.document = document
        self.results = results
        self.resultsByStage = resultsByStage
        self.artifactsByStage = artifactsByStage
    }

    /// What the needed stage named `stage` (its `uses:` name) shared beside its output for this
    /// document, if anything.
    public func artifacts(from stage: String) -> StageArtifacts? {
        artifactsByStage[stage]
    }

    /// The document's text.
    public var text: String { document.text }
}
