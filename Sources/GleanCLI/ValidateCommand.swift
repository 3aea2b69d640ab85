import ArgumentParser
import GleanCore
import GleanPipelineFile

/// `glean validate`: checks pipeline files without reading any document.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files and report every mistake as file:line:column.",
        discussion: "Builds each stage too, so settings a stage rejects are reported. Exit status 1 if any file is invalid."
    )

    @Argument(help: "The pipeline files.")
    var pipelines: [String]

    func run() async throws {
        var failed = 0
        for path in pipelines {
            do {
                let pipeline = try PipelineLoading.build(
                    path: path, registry: CommandContext.registry, logger: CommandContext.logger)
                let count = pipeline.stages.count
                Terminal.standardOutput.write(
                    "\(path): ok, pipeline `\(pipeline.name)` with \(count) stage\(count == 1 ? "" : "s")\n")
            } catch {
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
