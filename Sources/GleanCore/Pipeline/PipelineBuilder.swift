import Logging

/// Validates a pipeline specification and builds its stages.
public struct PipelineBuilder: Sendable {
    /// The stages available.
    public var registry: StageRegistry
    /// The logger handed to each stage.
    public var logger: Logger

    /// Creates a builder.
    public init(registry: StageRegistry, logger: Logger = Logger(label: "glean")) {
        self.registry = registry
        self.logger = logger
    }

    /// Builds `spec`, reporting every mistake in one error.
    ///
    /// - Parameters:
    ///   - spec: The decoded pipeline.
    ///   - baseDirectory: Where relative paths in stage settings are resolved.
    ///   - earlier: Mistakes already found while reading the file; reported with the rest.
    public func build(
        _ spec: PipelineSpec,
        baseDirectory: String = ".",
        earlier: [PipelineDiagnostic] = []
    ) throws(PipelineError) -> Pipeline {
        var diagnostics = earlier + PipelineValidator(registry: registry).diagnostics(for: spec)
        guard diagnostics.isEmpty else { throw PipelineError(diagnostics) }
        let indexByID = Dictionary(uniqueKeysWithValues: spec.stages.enumerated().map { ($1.id, $0) })
        var stages: [ConfiguredStage] = []
        for stageSpec in spec.stages {
            guard let factory = registry.factory(named: stageSpec.uses) else { continue }
            var stageLogger = logger
            stageLogger[metadataKey: "stage"] = "\(stageSpec.id)"
            let context = StageContext(stageID: stageSpec.id, baseDirectory: baseDirectory, logger: stageLogger)
            do {
                let stage = try factory.makeStage(configuration: stageSpec.configuration, context: context)
                stages.append(
                    ConfiguredStage(
                        id: stageSpec.id, descriptor: factory.descriptor, stage: stage,
                        needs: stageSpec.needs.compactMap { indexByID[$0] }))
            } catch let error as ConfigurationError {
                let path = error.field.map { stageSpec.path.appending("with").appending($0) } ?? stageSpec.path.appending("uses")
                diagnostics.append(
                    PipelineDiagnostic(spec.sourceMap.location(of: path), "stage `\(stageSpec.id)`: \(error)"))
            } catch {
                diagnostics.append(
                    PipelineDiagnostic(
                        spec.sourceMap.location(of: stageSpec.path.appending("uses")),
                        "stage `\(stageSpec.id)` could not be built: \(error)"))
            }
        }
        guard diagnostics.isEmpty else { throw PipelineError(diagnostics) }
        return Pipeline(name: spec.name, input: spec.input, output: spec.output, stages: stages)
    }
}
