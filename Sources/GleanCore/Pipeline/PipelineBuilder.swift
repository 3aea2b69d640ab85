import Dispatch
import Logging
import Synchronization

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
        let built = makeStages(spec, baseDirectory: baseDirectory)
        var stages: [ConfiguredStage] = []
        for (stageSpec, made) in zip(spec.stages, built) {
            guard let factory = registry.factory(named: stageSpec.uses), let made else { continue }
            do {
                let stage = try made.get()
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

    /// Each stage of `spec` built, or the error building it threw (`nil` for a stage the
    /// registry does not know). The stages are built at the same time, each on a thread of its
    /// own: building one mostly reads its models and word lists, and a pipeline's stages read
    /// different ones, so the run starts sooner on more than one core.
    private func makeStages(_ spec: PipelineSpec, baseDirectory: String) -> [Result<any Stage, any Error>?] {
        let built = Mutex<[Result<any Stage, any Error>?]>(Array(repeating: nil, count: spec.stages.count))
        DispatchQueue.concurrentPerform(iterations: spec.stages.count) { index in
            let stageSpec = spec.stages[index]
            guard let factory = registry.factory(named: stageSpec.uses) else { return }
            var stageLogger = logger
            stageLogger[metadataKey: "stage"] = "\(stageSpec.id)"
            let context = StageContext(
                stageID: stageSpec.id, baseDirectory: baseDirectory, keptFields: spec.input.keep, logger: stageLogger)
            let result = Result { () throws(any Error) -> any Stage in
                try factory.makeStage(configuration: stageSpec.configuration, context: context)
            }
            built.withLock { $0[index] = result }
        }
        return built.withLock { $0 }
    }
}
