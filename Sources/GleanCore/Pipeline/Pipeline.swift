/// A pipeline ready to run: its stages built, their `needs` resolved.
public struct Pipeline: Sendable {
    /// The pipeline's name.
    public var name: String
    /// How documents are read.
    public var input: InputSpec
    /// How results are written.
    public var output: OutputSpec
    /// The stages, in the order written (which is the order of their output keys).
    public var stages: [ConfiguredStage]

    /// Creates a pipeline from built stages; `needs` must refer to earlier-validated indices.
    public init(name: String, input: InputSpec = InputSpec(), output: OutputSpec = OutputSpec(), stages: [ConfiguredStage]) {
        self.name = name
        self.input = input
        self.output = output
        self.stages = stages
    }
}

/// One built stage in a pipeline.
public struct ConfiguredStage: Sendable {
    /// The stage's id: its output key.
    public var id: String
    /// The stage's descriptor.
    public var descriptor: StageDescriptor
    /// The stage instance, called concurrently.
    public var stage: any Stage
    /// The indices (in ``Pipeline/stages``) of the stages it needs.
    public var needs: [Int]

    /// Creates a built stage.
    public init(id: String, descriptor: StageDescriptor, stage: any Stage, needs: [Int] = []) {
        self.id = id
        self.descriptor = descriptor
        self.stage = stage
        self.needs = needs
    }
}
