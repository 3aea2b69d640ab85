import ArgumentParser
import Foundation
import GleanCore
import GleanPlugins

/// `glean plugins`: lists the plugins found; `glean plugins check NAME` tries one.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins found in plugin folders, or check that one works.",
        discussion: """
            Plugin folders are given with --path and $GLEAN_PLUGIN_PATH (colon-separated); each is a \
            plugin folder (holding glean-plugin.yaml) or a folder of them. Pipelines name theirs \
            under `plugins:`. The protocol is specified in docs/plugins.md.
            """,
        subcommands: [ListPlugins.self, CheckPlugin.self],
        defaultSubcommand: ListPlugins.self
    )
}

/// Options shared by the `plugins` subcommands.
struct PluginSearchOptions: ParsableArguments {
    @Option(name: .customLong("path"), help: "A folder searched for plugins. Repeatable. Default: ./Plugins.")
    var paths: [String] = []

    var searched: [String] {
        let given = paths + PluginDiscovery.environmentPaths
        return given.isEmpty ? ["Plugins"] : given
    }
}

/// `glean plugins list`.
struct ListPlugins: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the plugins found.")

    @OptionGroup var search: PluginSearchOptions

    func run() async throws {
        let found = PluginDiscovery.search(search.searched)
        var text = ""
        for manifest in found.manifests.values.sorted(by: { $0.name < $1.name }) {
            let status = FileManager.default.isExecutableFile(atPath: manifest.executable) ? "ok" : "command not executable"
            text += "\(manifest.name)  \(manifest.version)  \(manifest.folder)  [\(status)]\n    \(manifest.description)\n"
        }
        for broken in found.broken {
            text += "\(broken.folder)  [broken manifest]\n    \(broken.problem.replacingOccurrences(of: "\n", with: "\n    "))\n"
        }
        if text.isEmpty { text = "no plugins found in " + found.searched.joined(separator: ", ") + "\n" }
        Terminal.standardOutput.write(text)
    }
}

/// `glean plugins check NAME`.
struct CheckPlugin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Start a plugin, run the handshake and a sample document, and report what is wrong.")

    @Argument(help: "The plugin's name.")
    var name: String

    @Option(help: "Text of the sample document.")
    var text = "Glean checks this plugin with a short sample document. It has two sentences."

    @OptionGroup var search: PluginSearchOptions

    func run() async throws {
        let found = PluginDiscovery.search(search.searched)
        guard let manifest = found.manifests[name] else {
            var message = "glean: no plugin named `\(name)` in \(found.searched.joined(separator: ", "))"
            if let near = Spelling.suggestion(for: name, among: found.manifests.keys) { message += "; did you mean `\(near)`?" }
            Terminal.standardError.write(message + "\n")
            throw ExitCode.failure
        }
        Terminal.standardOutput.write("plugin \(manifest.name) \(manifest.version) in \(manifest.folder)\n")
        let stage: any Stage
        do {
            stage = try PluginStage.factory(for: manifest).makeStage(
                configuration: [:],
                context: StageContext(stageID: name, baseDirectory: manifest.folder, logger: CommandContext.logger))
        } catch {
            Terminal.standardError.write("glean: \(error)\n")
            throw ExitCode.failure
        }
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = await stage.analyze(batch: [StageInput(document: Document(id: "sample", text: text))])[0]
        let elapsed = clock.now - started
        await stage.shutdown()
        switch outcome {
        case .success(.skipped(let reason)):
            Terminal.standardOutput.write("handshake ok; the sample document was skipped: \(reason)\n")
        case .success(let result):
            let output = (try? result.outputValue) ?? .null
            Terminal.standardOutput.write(
                "handshake and sample document: ok in \(Format.decimal(elapsed.seconds * 1000, places: 0)) ms\noutput: \(JSONWriter.string(output))\n"
            )
        case .failure(let error):
            Terminal.standardError.write("glean: plugin \(name) does not work: \(error)\n")
            throw ExitCode.failure
        }
    }
}
