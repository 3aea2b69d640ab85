import Foundation
import GleanCore
import GleanPipelineFile
import OrderedCollections

/// A plugin's `glean-plugin.yaml`: what it is, how to start it, what it accepts and outputs.
public struct PluginManifest: Sendable {
    /// The manifest file's name in a plugin folder.
    public static let fileName = "glean-plugin.yaml"

    /// The plugin's name; pipelines use it as `uses: plugin:NAME`.
    public var name: String
    /// The plugin's version.
    public var version: String
    /// One line saying what it does.
    public var description: String
    /// The protocol version it speaks.
    public var protocolVersion: Int
    /// The command, an argument vector; a relative first element is resolved against the folder.
    public var command: [String]
    /// The plugin's folder (absolute).
    public var folder: String
    /// How many instances may run at once.
    public var instances: Int
    /// Requests in flight per instance.
    public var maxInFlight: Int
    /// Its settings, declared like a built-in stage's.
    public var configuration: [ConfigurationField]
    /// A JSON Schema of its output.
    public var output: JSONValue
    /// Whether it analyses empty texts.
    public var acceptsEmptyText: Bool
    /// Stage names whose results it requires (a stage using it must `need` one of each).
    public var needs: [String]

    /// The executable's absolute path.
    public var executable: String {
        guard let first = command.first else { return "" }
        return first.hasPrefix("/") ? first : folder + "/" + first
    }

    /// Reads the manifest in `folder`.
    public static func load(folder: String) throws(PipelineError) -> PluginManifest {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let path = absolute + "/" + fileName
        let (value, map) = try PipelineFile.readYAML(path: path)
        var problems: [PipelineDiagnostic] = []
        func report(_ key: String, _ message: String) {
            problems.append(PipelineDiagnostic(map.location(of: JSONPath([.key(key)])), message))
        }
        guard case .object(let members) = value else {
            throw PipelineError([PipelineDiagnostic(SourceLocation(file: path, line: 1), "a manifest must be a mapping")])
        }
        let known = [
            "name", "version", "description", "protocol", "command", "instances", "max_in_flight", "configuration", "output",
            "accepts_empty_text", "needs",
        ]
        for key in members.keys where !known.contains(key) {
            let near = Spelling.suggestion(for: key, among: known).map { "; did you mean `\($0)`?" } ?? ""
            report(key, "unknown key `\(key)` in a plugin manifest\(near)")
        }
        let name = members["name"]?.stringValue ?? ""
        if name.isEmpty { report("name", "the manifest needs `name:`") }
        if name.contains(":") || name.contains(" ") { report("name", "a plugin name may not contain `:` or spaces") }
        let command =
            members["command"]?.arrayValue?.compactMap(\.stringValue) ?? members["command"]?.stringValue.map { [$0] } ?? []
        if command.isEmpty { report("command", "the manifest needs `command:`, the argument vector to start the plugin") }
        let protocolVersion = members["protocol"]?.intValue ?? 1
        var fields: [ConfigurationField] = []
        if let configuration = members["configuration"] {
            guard case .object(let declared) = configuration else {
                throw PipelineError([
                    PipelineDiagnostic(
                        map.location(of: JSONPath([.key("configuration")])), "`configuration` must be a mapping of settings")
                ])
            }
            for (key, spec) in declared {
                do throws(GleanError) {
                    fields.append(try field(named: key, spec))
                } catch {
                    problems.append(
                        PipelineDiagnostic(map.location(of: JSONPath([.key("configuration"), .key(key)])), error.message))
                }
            }
        }
        guard problems.isEmpty else { throw PipelineError(problems) }
        return PluginManifest(
            name: name, version: members["version"]?.stringValue ?? "0.0.0",
            description: members["description"]?.stringValue ?? "", protocolVersion: protocolVersion, command: command,
            folder: absolute, instances: max(1, members["instances"]?.intValue ?? 1),
            maxInFlight: max(1, members["max_in_flight"]?.intValue ?? 4), configuration: fields,
            output: members["output"] ?? ["type": "object"], acceptsEmptyText: members["accepts_empty_text"]?.boolValue ?? false,
            needs: members["needs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    /// A setting declared as `{type, default, required, summary, min, max, enum, items}`.
    private static func field(named name: String, _ spec: JSONValue) throws(GleanError) -> ConfigurationField {
        func type(of spec: JSONValue) throws(GleanError) -> ValueType {
            if let choices = spec["enum"]?.arrayValue { return .oneOf(choices.compactMap(\.stringValue)) }
            switch spec["type"]?.stringValue ?? spec.stringValue ?? "any" {
            case "string": return .string
            case "integer": return .integer(min: spec["min"]?.intValue, max: spec["max"]?.intValue)
            case "number": return .number(min: spec["min"]?.doubleValue, max: spec["max"]?.doubleValue)
            case "boolean": return .boolean
            case "array": return .array(try type(of: spec["items"] ?? "any"))
            case "object": return .map(try type(of: spec["values"] ?? "any"))
            case "any": return .any
            case let other:
                throw GleanError(
                    .invalidConfiguration,
                    "setting `\(name)`: unknown type `\(other)` (string, integer, number, boolean, array, object, any)")
            }
        }
        return ConfigurationField(
            name, type: try type(of: spec), default: spec["default"], required: spec["required"]?.boolValue ?? false,
            summary: spec["summary"]?.stringValue ?? "")
    }
}
