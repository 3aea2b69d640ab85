import ArgumentParser

/// `glean summary`: works with the JSON summaries `glean run --summary json` writes.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Work with the JSON summaries of runs (glean run --summary json).",
        subcommands: [SummaryMergeCommand.self]
    )
}
