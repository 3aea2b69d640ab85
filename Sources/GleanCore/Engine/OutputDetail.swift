/// How much of each stage's result goes into the output: `output: {detail: …}` in a pipeline, or
/// `glean run --output-detail`.
public enum OutputDetail: String, Sendable, Hashable, CaseIterable {
    /// Everything the stages wrote.
    case full
    /// Labels, scores and summaries; no evidence, offsets or per-sentence lists.
    case compact
    /// The labels alone.
    case minimal
}
