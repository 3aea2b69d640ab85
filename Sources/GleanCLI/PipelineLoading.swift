import ArgumentParser
import Foundation
import GleanCore
import GleanPipelineFile
import Logging

/// Reads, validates and builds a pipeline file for a command, printing every mistake.
enum PipelineLoading {
    /// The built pipeline, or exit status 1 after printing the mistakes to standard error.
    static func build(path: String, registry: StageRegistry, logger: Logger) throws -> Pipeline {
        do throws(PipelineError) {
            let loaded = try PipelineFile.load(path: path)
            let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            return try PipelineBuilder(registry: registry, logger: logger)
                .build(loaded.spec, baseDirectory: baseDirectory, earlier: loaded.diagnostics)
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }

    /// Prints the mistakes of an invalid pipeline, one per line, then a count.
    static func report(_ error: PipelineError) {
        var text = error.diagnostics.map { "\($0)\n" }.joined()
        let count = error.diagnostics.count
        text += "glean: the pipeline has \(count) mistake\(count == 1 ? "" : "s"); nothing was run\n"
        Terminal.standardError.write(text)
    }
}
