import ArgumentParser

/// `glean eval`: evaluates built-in stages on the project's evaluation data.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a built-in stage on labelled data and print its accuracy beside published figures.",
        subcommands: [EvalEntitiesCommand.self, EvalLanguageCommand.self, EvalSentimentCommand.self, EvalStanceCommand.self]
    )
}
