import GleanCore

/// `noop`: outputs `null` for every document. A baseline for measuring what the engine, a
/// pipeline's I/O and plugins cost.
public struct NoopStage: Stage {
    /// The stage's descriptor.
    public static let descriptor = StageDescriptor(
        name: "noop", version: "1.0.0",
        summary: "Outputs null for every document; a baseline for measuring engine and plugin overhead.",
        output: ["type": "null"], acceptsEmptyText: true)

    /// Builds the stage.
    public init(configuration: NoConfiguration, context: StageContext) {}

    /// Outputs `null`.
    public func analyze(_ input: StageInput) async throws -> StageResult {
        .output(.null)
    }
}
