import OrderedCollections

/// The type of a configuration value, as validation checks it and JSON Schema describes it.
public indirect enum ValueType: Sendable, Hashable {
    /// Any string.
    case string
    /// A whole number, optionally within bounds.
    case integer(min: Int? = nil, max: Int? = nil)
    /// Any number, optionally within bounds.
    case number(min: Double? = nil, max: Double? = nil)
    /// `true` or `false`.
    case boolean
    /// One of the listed strings.
    case oneOf([String])
    /// A list whose elements have the given type.
    case array(ValueType)
    /// A mapping from strings to values of the given type.
    case map(ValueType)
    /// Any value.
    case any
}

extension ValueType: CustomStringConvertible {
    /// A phrase for messages: "a number from 0 to 1", "a list of strings".
    public var description: String {
        switch self {
        case .string: return "a string"
        case .integer(let min, let max): return "an integer" + Self.bounds(min.map(Double.init), max.map(Double.init))
        case .number(let min, let max): return "a number" + Self.bounds(min, max)
        case .boolean: return "true or false"
        case .oneOf(let choices): return "one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
        case .array(let element): return "a list of " + element.pluralDescription
        case .map(let element): return "a mapping of names to " + element.pluralDescription
        case .any: return "any value"
        }
    }

    private var pluralDescription: String {
        switch self {
        case .string: return "strings"
        case .integer: return "integers"
        case .number: return "numbers"
        case .boolean: return "booleans"
        case .oneOf(let choices): return choices.map { "`\($0)`" }.joined(separator: ", ")
        case .array, .map, .any: return "values (\(description))"
        }
    }

    private static func bounds(_ min: Double?, _ max: Double?) -> String {
        func show(_ value: Double) -> String {
            value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        switch (min, max) {
        case (let min?, let max?): return " from \(show(min)) to \(show(max))"
        case (let min?, nil): return " of at least \(show(min))"
        case (nil, let max?): return " of at most \(show(max))"
        case (nil, nil): return ""
        }
    }
}

extension ValueType {
    /// Why `value` does not fit this type, or `nil` when it does.
    public func mismatch(_ value: JSONValue) -> String? {
        switch (self, value) {
        case (.any, _), (.string, .string), (.boolean, .bool):
            return nil
        case (.integer(let min, let max), _):
            guard let number = value.intValue, value.doubleValue != nil else { return expected(value) }
            if let min, number < min { return "expected \(description), got \(number)" }
            if let max, number > max { return "expected \(description), got \(number)" }
            return nil
        case (.number(let min, let max), _):
            guard let number = value.doubleValue else { return expected(value) }
            if let min, number < min { return "expected \(description), got \(number)" }
            if let max, number > max { return "expected \(description), got \(number)" }
            return nil
        case (.oneOf(let choices), .string(let choice)):
            if choices.contains(choice) { return nil }
            var message = "expected \(description), got `\(choice)`"
            if let near = Spelling.suggestion(for: choice, among: choices) {
                message += "; did you mean `\(near)`?"
            }
            return message
        case (.array(let element), .array(let elements)):
            for (index, item) in elements.enumerated() {
                if let problem = element.mismatch(item) { return "item \(index + 1): \(problem)" }
            }
            return nil
        case (.map(let element), .object(let members)):
            for (key, item) in members {
                if let problem = element.mismatch(item) { return "`\(key)`: \(problem)" }
            }
            return nil
        default:
            return expected(value)
        }
    }

    private func expected(_ value: JSONValue) -> String {
        "expected \(description), got \(value.typeName)"
    }

    /// The JSON Schema of values of this type.
    public var jsonSchema: JSONValue {
        switch self {
        case .string: return ["type": "string"]
        case .boolean: return ["type": "boolean"]
        case .any: return [:]
        case .integer(let min, let max):
            var schema: JSONValue = ["type": "integer"]
            schema["minimum"] = min.map(JSONValue.int)
            schema["maximum"] = max.map(JSONValue.int)
            return schema
        case .number(let min, let max):
            var schema: JSONValue = ["type": "number"]
            schema["minimum"] = min.map(JSONValue.double)
            schema["maximum"] = max.map(JSONValue.double)
            return schema
        case .oneOf(let choices): return ["enum": .array(choices.map(JSONValue.string))]
        case .array(let element): return ["type": "array", "items": element.jsonSchema]
        case .map(let element): return ["type": "object", "additionalProperties": element.jsonSchema]
        }
    }
}
