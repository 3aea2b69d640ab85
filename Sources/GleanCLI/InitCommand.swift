import ArgumentParser
import Foundation
import GleanCore

/// `glean init`: writes a commented starter pipeline.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter pipeline file."
    )

    @Argument(help: "Where to write it.")
    var path: String = "pipeline.yaml"

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() async throws {
        if FileManager.default.fileExists(atPath: path) && !force {
            Terminal.standardError.write("glean: `\(path)` exists; use --force to overwrite it\n")
            throw ExitCode.failure
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let text = StarterPipeline.text(name: name, registry: CommandContext.registry)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            Terminal.standardError.write("glean: cannot write `\(path)`\n")
            throw ExitCode.failure
        }
        Terminal.standardOutput.write(
            "wrote \(path)\nnext: glean validate \(path) && glean run \(path) -i INPUT.jsonl -o OUTPUT.jsonl\n")
    }
}
