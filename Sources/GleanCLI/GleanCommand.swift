import ArgumentParser
import GleanCore

/// The `glean` command: runs text-analysis pipelines over collections of documents.
///
/// Build your own `glean` with extra in-process stages by calling ``GleanMain/main(stages:)``
/// from your executable.
public struct GleanCommand: AsyncParsableCommand {
    /// The command's name, summary and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "glean",
        abstract: "Run text-analysis pipelines over large collections of documents, writing JSON Lines.",
        discussion: """
            A pipeline is a YAML file naming analyzer stages. Start with `glean init`, check it \
            with `glean validate`, run it with `glean run`. Documentation: docs/ in the Glean \
            repository.
            """,
        version: GleanVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, StagesCommand.self, SchemaCommand.self, InitCommand.self,
            BenchCommand.self, EvalCommand.self, TrainCommand.self, PluginsCommand.self, ExportCommand.self,
            ReportCommand.self, SummaryCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser calls this).
    public init() {}
}

/// Glean's version.
public enum GleanVersion {
    /// The version of this build.
    public static let current = "0.1.0"
}
