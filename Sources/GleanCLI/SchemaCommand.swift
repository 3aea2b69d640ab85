import ArgumentParser
import GleanCore

/// `glean schema`: prints the JSON Schema of pipeline files, or of a pipeline's output lines.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of pipeline files (for editors), or of a pipeline's output lines.",
        discussion:
            "For YAML editors: `glean schema > glean-pipeline.schema.json`, then point your editor's YAML schema setting at it."
    )

    @Option(name: .customLong("output"), help: "Print the schema of this pipeline's output lines instead.")
    var outputOf: String?

    func run() async throws {
        let schema: JSONValue
        if let outputOf {
            let pipeline = try PipelineLoading.build(
                path: outputOf, registry: CommandContext.registry, logger: CommandContext.logger)
            schema = PipelineSchema.output(of: pipeline)
        } else {
            schema = PipelineSchema.pipelineFile(registry: CommandContext.registry)
        }
        Terminal.standardOutput.write(JSONWriter.string(schema) + "\n")
    }
}
