import ArgumentParser
import GleanCore
import GleanStages
import Logging

/// The entry point of a `glean` executable, with the built-in stages and any you add.
///
/// ```swift
/// // Sources/my-glean/main.swift
/// import GleanCLI
/// await GleanMain.main(stages: [ShoutStage.self])
/// ```
public enum GleanMain {
    /// Parses the process's arguments and runs the command, with the built-in stages plus
    /// `stages` (which win on a name clash); exits the process.
    public static func main(stages: [any Stage.Type] = []) async {
        await main(registry: BuiltinStages.registry.merging(StageRegistry(stages)))
    }

    /// Parses the process's arguments and runs the command with exactly `registry`; exits the
    /// process.
    public static func main(registry: StageRegistry) async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = CommandContext.logLevelFromEnvironment
            return handler
        }
        await CommandContext.$registry.withValue(registry) {
            await GleanCommand.main()
        }
    }

    /// Runs `glean` with `arguments` (without the program name) in this process, as a test
    /// or a host program would; returns the exit code instead of exiting.
    public static func run(_ arguments: [String], registry: StageRegistry) async -> Int32 {
        await CommandContext.$registry.withValue(registry) {
            do {
                var command = try GleanCommand.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                let code = GleanCommand.exitCode(for: error)
                if code != .success {
                    let message = GleanCommand.fullMessage(for: error)
                    if !message.isEmpty { Terminal.standardError.write(message + "\n") }
                }
                return code.rawValue
            }
        }
    }
}
