/// What a stage gives for one document: an output value, or a reason it did not analyse it.
public enum StageResult: Sendable, Hashable {
    /// The stage's output, written under the stage's id.
    case output(JSONValue)
    /// The stage's output already written as JSON text, which the engine copies into the output
    /// line as it is: for output built for every document, where writing it once is cheaper than
    /// building a ``JSONValue`` and writing that. The engine reads it back into a value only for
    /// a stage that needs it, or to trim it below `full` output detail.
    case serialized(SerializedJSON)
    /// The stage's output, and work of its own that the stages needing it may reuse (a text's
    /// tokens and sentences…): the output is written under the stage's id as with ``output(_:)``,
    /// the artifacts go only to the stages that `need` this one, as
    /// ``StageInput/artifacts(from:)``.
    case outputSharing(JSONValue, StageArtifacts)
    /// The stage could not analyse the document (unsupported language, empty text…): the
    /// output holds `null` for the stage and the reason under `skipped`. Not an error.
    case skipped(reason: String)
}

extension StageResult {
    /// The output as a value, serialised output read back; `nil` when the document was skipped.
    public var outputValue: JSONValue? {
        get throws(JSONSyntaxError) {
            switch self {
            case .output(let value), .outputSharing(let value, _): return value
            case .serialized(let json): return try json.value
            case .skipped: return nil
            }
        }
    }
}
