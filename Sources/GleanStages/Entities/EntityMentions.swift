/// The mentions the `entities` stage wrote for a document, as values: shared beside its output
/// (a ``GleanCore/StageArtifacts`` value) so that a stage that needs it, `alignment-stance`,
/// reads them without parsing the output back. They are the mentions of the output's
/// `entities`, in its order: what ``Entity/entities(fromStageOutput:)`` reads from it.
public struct EntityMentions: Sendable {
    /// The mentions, in the order of the output.
    public var entities: [Entity]

    /// Mentions in the order of an `entities` output.
    public init(_ entities: [Entity]) {
        self.entities = entities
    }
}
