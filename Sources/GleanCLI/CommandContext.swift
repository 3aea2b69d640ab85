import Foundation
import GleanCore
import GleanStages
import Logging

/// What the commands share for one invocation: the stage registry and the logger.
enum CommandContext {
    /// The stages available to this invocation; set by ``GleanMain``.
    @TaskLocal static var registry: StageRegistry = BuiltinStages.registry

    /// The level named by `GLEAN_LOG_LEVEL` (`trace` … `critical`), `info` by default.
    static var logLevelFromEnvironment: Logger.Level {
        ProcessInfo.processInfo.environment["GLEAN_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    }

    /// The logger for the commands and the engine.
    static var logger: Logger {
        var logger = Logger(label: "glean")
        logger.logLevel = logLevelFromEnvironment
        return logger
    }
}
