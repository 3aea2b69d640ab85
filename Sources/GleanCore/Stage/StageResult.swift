/// What a stage gives for one document: an output value, or a reason it did not analyse it.
public enum StageResult: Sendable, Hashable {
    /// The stage's output, written under the stage's id.
    case output(JSONValue)
    /// The stage could not analyse the document (unsupported language, empty text…): the
    /// output holds `null` for the stage and the reason under `skipped`. Not an error.
    case skipped(reason: String)
}
