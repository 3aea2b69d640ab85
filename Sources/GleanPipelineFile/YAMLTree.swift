import GleanCore
import OrderedCollections
import Yams

/// A YAML document as JSON values, with where each key and value stands.
///
/// Scalars are typed by the YAML 1.2 core schema, so `no` (Norwegian) stays a string and only
/// `true`/`false` are Booleans. Expansion through aliases is bounded.
struct YAMLTree {
    /// The most values an expanded document may hold.
    static let maximumValues = 100_000

    var value: JSONValue
    var sourceMap: SourceMap

    /// Parses `text`, reporting YAML syntax errors at their position.
    static func read(_ text: String, file: String) throws(PipelineError) -> YAMLTree {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PipelineError([diagnostic(for: error, file: file)])
        } catch {
            throw PipelineError([
                PipelineDiagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot parse YAML: \(error)")
            ])
        }
        guard let root else {
            throw PipelineError([
                PipelineDiagnostic(
                    SourceLocation(file: file, line: 1, column: 1), "the file is empty; it needs `pipeline:` and `stages:`")
            ])
        }
        var converter = Converter(sourceMap: SourceMap(file: file))
        let value = try converter.convert(root, at: JSONPath(), depth: 0)
        if !converter.problems.isEmpty { throw PipelineError(converter.problems) }
        return YAMLTree(value: value, sourceMap: converter.sourceMap)
    }

    private static func diagnostic(for error: YamlError, file: String) -> PipelineDiagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark))" }
            return PipelineDiagnostic(at(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PipelineDiagnostic(
                at(context.mark), "duplicate key " + duplicates.map { "`\($0)`" }.joined(separator: ", ") + " in one mapping")
        case .reader(let problem, _, _, _):
            return PipelineDiagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(problem)")
        default:
            return PipelineDiagnostic(SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    private struct Converter {
        var sourceMap: SourceMap
        var problems: [PipelineDiagnostic] = []
        var visited = 0

        func location(_ node: Node) -> SourceLocation {
            let mark = node.mark
            return SourceLocation(file: sourceMap.file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node, at path: JSONPath, depth: Int, key: SourceLocation? = nil) throws(PipelineError)
            -> JSONValue
        {
            visited += 1
            if visited > YAMLTree.maximumValues {
                throw PipelineError([
                    PipelineDiagnostic(
                        location(node),
                        "the file expands to more than \(YAMLTree.maximumValues) values through aliases (alias bomb?)")
                ])
            }
            if depth > HostileInputCheck.maximumDepth {
                throw PipelineError([
                    PipelineDiagnostic(location(node), "nesting deeper than \(HostileInputCheck.maximumDepth) levels")
                ])
            }
            sourceMap.record(path, value: location(node), key: key)
            switch node {
            case .scalar(let scalar):
                return Self.resolve(scalar)
            case .alias:
                problems.append(PipelineDiagnostic(location(node), "unresolved YAML alias"))
                return .null
            case .sequence(let sequence):
                var items: [JSONValue] = []
                for (index, item) in sequence.enumerated() {
                    items.append(try convert(item, at: path.appending(index: index), depth: depth + 1))
                }
                return .array(items)
            case .mapping(let mapping):
                var members = OrderedDictionary<String, JSONValue>()
                for (keyNode, valueNode) in mapping {
                    guard case .scalar(let keyScalar) = keyNode else {
                        problems.append(PipelineDiagnostic(location(keyNode), "keys must be plain names, not lists or mappings"))
                        continue
                    }
                    let name = keyScalar.string
                    if name == "<<" {
                        problems.append(
                            PipelineDiagnostic(location(keyNode), "YAML merge keys (`<<`) are not supported in pipeline files"))
                        continue
                    }
                    members[name] = try convert(valueNode, at: path.appending(name), depth: depth + 1, key: location(keyNode))
                }
                return .object(members)
            }
        }

        /// Types a scalar by the YAML 1.2 core schema; quoted scalars and `!!str` are strings.
        static func resolve(_ scalar: Node.Scalar) -> JSONValue {
            let text = scalar.string
            let tag = scalar.tag.rawValue
            if scalar.style != .plain && scalar.style != .any { return .string(text) }
            let typedTags: Set<String> = [
                "", "!", Tag.Name.int.rawValue, Tag.Name.float.rawValue, Tag.Name.bool.rawValue, Tag.Name.null.rawValue,
            ]
            if !typedTags.contains(tag) { return .string(text) }
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
            case ".nan", ".NaN", ".NAN": return .double(.nan)
            default: break
            }
            if let integer = integerValue(text) { return .int(integer) }
            if isFloat(text), let number = Double(text) { return .double(number) }
            return .string(text)
        }

        private static func integerValue(_ text: String) -> Int? {
            if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
            if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return Int(text)
        }

        private static func isFloat(_ text: String) -> Bool {
            var scalars = Substring(text)
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard let first = scalars.first, first.isASCII, first.isNumber || first == "." else { return false }
            return scalars.allSatisfy {
                $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+")
            }
        }
    }
}
