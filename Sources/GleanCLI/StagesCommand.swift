import ArgumentParser
import GleanCore
import GleanPlugins

/// `glean stages`: lists the stages available, or describes one.
struct StagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the stages available, or describe one: settings, defaults and output."
    )

    @Argument(help: "A stage to describe.")
    var name: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(name: .customLong("plugins"), help: "A folder searched for plugins (also $GLEAN_PLUGIN_PATH). Repeatable.")
    var pluginPaths: [String] = []

    func run() async throws {
        let plugins = PipelineLoading.pluginRegistry(
            paths: pluginPaths + PluginDiscovery.environmentPaths, logger: CommandContext.logger)
        let registry = CommandContext.registry.merging(plugins)
        guard let name else {
            if json {
                let list = registry.descriptors.map { StagesCommand.json(for: $0) }
                Terminal.standardOutput.write(JSONWriter.string(.array(list)) + "\n")
                return
            }
            let width = registry.names.map(\.count).max() ?? 0
            var text = ""
            for descriptor in registry.descriptors {
                let padding = String(repeating: " ", count: width - descriptor.name.count)
                text += "\(descriptor.name)\(padding)  \(descriptor.version)  \(descriptor.summary)\n"
                if let languages = descriptor.languages {
                    text += String(repeating: " ", count: width + 2) + "languages: \(languages.joined(separator: " "))\n"
                }
            }
            text += "\n`glean stages NAME` describes a stage's settings and output.\n"
            Terminal.standardOutput.write(text)
            return
        }
        guard let factory = registry.factory(named: name) else {
            var message = "glean: no stage named `\(name)`"
            if let near = Spelling.suggestion(for: name, among: registry.names) { message += "; did you mean `\(near)`?" }
            Terminal.standardError.write(message + "\n")
            throw ExitCode.failure
        }
        let descriptor = factory.descriptor
        if json {
            Terminal.standardOutput.write(JSONWriter.string(StagesCommand.json(for: descriptor)) + "\n")
            return
        }
        Terminal.standardOutput.write(StagesCommand.text(for: descriptor))
    }

    /// A stage described for people.
    static func text(for descriptor: StageDescriptor) -> String {
        var text = "\(descriptor.name) \(descriptor.version)\n  \(descriptor.summary)\n"
        if let details = descriptor.details { text += "\n" + details + "\n" }
        text += "\nLanguages: \(descriptor.languages?.joined(separator: " ") ?? "any (the stage does not read words)")\n"
        text += "\nSettings (under `with:`):\n"
        if descriptor.configuration.isEmpty { text += "  none\n" }
        for field in descriptor.configuration {
            var line = "  \(field.name): \(field.type)"
            if let value = field.defaultValue { line += ", default \(JSONWriter.string(value))" }
            if field.isRequired { line += ", required" }
            text += line + "\n      \(field.summary)\n"
            if case .oneOf(let choices, _) = field.type.innermost, choices.count > ValueType.listedChoices {
                text += "      allowed: " + choices.joined(separator: ", ") + "\n"
            }
        }
        text += "\nOutput (JSON Schema):\n  \(JSONWriter.string(descriptor.output))\n"
        return text
    }

    /// A stage described as JSON.
    static func json(for descriptor: StageDescriptor) -> JSONValue {
        [
            "name": .string(descriptor.name),
            "version": .string(descriptor.version),
            "summary": .string(descriptor.summary),
            "languages": descriptor.languages.map { .array($0.map(JSONValue.string)) } ?? .null,
            "configuration": .array(
                descriptor.configuration.map { field in
                    var allowed: JSONValue = .null
                    if case .oneOf(let choices, _) = field.type.innermost { allowed = .array(choices.map(JSONValue.string)) }
                    return [
                        "name": .string(field.name),
                        "type": .string(field.type.description),
                        "schema": field.type.jsonSchema,
                        "default": field.defaultValue ?? .null,
                        "required": .bool(field.isRequired),
                        "summary": .string(field.summary),
                        "allowed": allowed,
                    ]
                }),
            "output": descriptor.output,
        ]
    }
}
