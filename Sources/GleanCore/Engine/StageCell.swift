/// What one stage gave for one document in a run.
enum StageCell: Sendable {
    /// The stage's output.
    case output(JSONValue)
    /// The stage's output as JSON text.
    case serialized(SerializedJSON)
    /// Not analysed, with the reason.
    case skipped(String)
    /// The stage failed for this document.
    case failed(code: GleanError.Code, message: String)
}
