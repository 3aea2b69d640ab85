import ArgumentParser
import Foundation
import GleanCore
import GleanPipelineFile
import GleanPlugins
import Logging

/// Reads, validates and builds a pipeline file for a command, printing every mistake.
enum PipelineLoading {
    /// The built pipeline, or exit status 1 after printing the mistakes to standard error.
    static func build(path: String, registry: StageRegistry, logger: Logger) throws -> Pipeline {
        do throws(PipelineError) {
            let loaded = try PipelineFile.load(path: path)
            let baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let withPlugins = registry.merging(pluginRegistry(for: loaded.spec, baseDirectory: baseDirectory, logger: logger))
            return try PipelineBuilder(registry: withPlugins, logger: logger)
                .build(loaded.spec, baseDirectory: baseDirectory, earlier: loaded.diagnostics)
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }

    /// The plugins found in the pipeline's `plugins:` folders (relative to the pipeline file) and
    /// in `GLEAN_PLUGIN_PATH`, as stages named `plugin:NAME`; broken manifests are logged.
    static func pluginRegistry(for spec: PipelineSpec, baseDirectory: String, logger: Logger) -> StageRegistry {
        let paths =
            spec.pluginPaths.map { $0.hasPrefix("/") ? $0 : baseDirectory + "/" + $0 } + PluginDiscovery.environmentPaths
        return pluginRegistry(paths: paths, logger: logger)
    }

    /// The plugins found in `paths`, as stages.
    static func pluginRegistry(paths: [String], logger: Logger) -> StageRegistry {
        var registry = StageRegistry()
        guard !paths.isEmpty else { return registry }
        let found = PluginDiscovery.search(paths)
        for manifest in found.manifests.values.sorted(by: { $0.name < $1.name }) {
            registry.register(PluginStage.factory(for: manifest))
        }
        for broken in found.broken {
            logger.warning("plugin in \(broken.folder) is unusable: \(broken.problem)")
        }
        return registry
    }

    /// Prints the mistakes of an invalid pipeline, one per line, then a count.
    static func report(_ error: PipelineError) {
        var text = error.diagnostics.map { "\($0)\n" }.joined()
        let count = error.diagnostics.count
        text += "glean: the pipeline has \(count) mistake\(count == 1 ? "" : "s"); nothing was run\n"
        Terminal.standardError.write(text)
    }
}
