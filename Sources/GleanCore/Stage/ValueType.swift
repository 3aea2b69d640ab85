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
    /// One of the listed strings; with `ignoringCase`, in any capitalisation (`nato` is `NATO`),
    /// and the stage receives the listed spelling.
    case oneOf([String], ignoringCase: Bool = false)
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
        case .oneOf(let choices, let ignoringCase):
            let listed =
                choices.count > Self.listedChoices
                ? "one of \(choices.count) values" : "one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
            return listed + (ignoringCase ? " (any case)" : "")
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
        case .oneOf(let choices, let ignoringCase):
            let listed =
                choices.count > Self.listedChoices
                ? "\(choices.count) values" : choices.map { "`\($0)`" }.joined(separator: ", ")
            return listed + (ignoringCase ? " (any case)" : "")
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
    /// Lists of choices longer than this are described by their count, not spelled out.
    public static let listedChoices = 12

    /// Why `value` does not fit this type, or `nil` when it does: the first of ``problems(in:)``,
    /// with its place inside the value.
    public func mismatch(_ value: JSONValue) -> String? {
        guard let problem = problems(in: value).first else { return nil }
        var text = problem.message
        if let suggestion = problem.suggestion { text += "; \(suggestion)" }
        for component in problem.path.reversed() {
            switch component {
            case .index(let index): text = "item \(index + 1): " + text
            case .key(let key): text = "`\(key)`: " + text
            }
        }
        return text
    }

    /// Everything in `value` that does not fit this type, each at its place inside the value
    /// (an item of a list, a key of a mapping), so that it can be reported at its own position.
    public func problems(in value: JSONValue) -> [ValueProblem] {
        switch (self, value) {
        case (.any, _), (.string, .string), (.boolean, .bool):
            return []
        case (.integer(let min, let max), _):
            guard let number = value.intValue, value.doubleValue != nil else { return [expected(value)] }
            if let min, number < min { return [ValueProblem("expected \(description), got \(number)")] }
            if let max, number > max { return [ValueProblem("expected \(description), got \(number)")] }
            return []
        case (.number(let min, let max), _):
            guard let number = value.doubleValue else { return [expected(value)] }
            if let min, number < min { return [ValueProblem("expected \(description), got \(number)")] }
            if let max, number > max { return [ValueProblem("expected \(description), got \(number)")] }
            return []
        case (.oneOf(let choices, let ignoringCase), .string(let choice)):
            if Self.match(choice, in: choices, ignoringCase: ignoringCase) != nil { return [] }
            let suggestion = Spelling.suggestion(for: choice, among: choices).map { "did you mean `\($0)`?" }
            let unknown = "unknown value `\(choice)`: expected \(description)"
            return [ValueProblem(unknown, suggestion: suggestion)]
        case (.array(let element), .array(let elements)):
            return elements.enumerated().flatMap { index, item in
                element.problems(in: item).map { $0.inside(.index(index)) }
            }
        case (.map(let element), .object(let members)):
            return members.flatMap { key, item in element.problems(in: item).map { $0.inside(.key(key)) } }
        default:
            return [expected(value)]
        }
    }

    /// `value` with every choice of a case-insensitive ``oneOf(_:ignoringCase:)`` spelt as listed
    /// (`nato` → `NATO`); other values as they are.
    public func normalized(_ value: JSONValue) -> JSONValue {
        switch (self, value) {
        case (.oneOf(let choices, true), .string(let choice)):
            return Self.match(choice, in: choices, ignoringCase: true).map(JSONValue.string) ?? value
        case (.array(let element), .array(let elements)):
            return .array(elements.map(element.normalized))
        case (.map(let element), .object(let members)):
            return .object(members.mapValues(element.normalized))
        default:
            return value
        }
    }

    /// The listed spelling of `choice`, if it is one of `choices`.
    private static func match(_ choice: String, in choices: [String], ignoringCase: Bool) -> String? {
        if choices.contains(choice) { return choice }
        guard ignoringCase else { return nil }
        let folded = choice.lowercased()
        return choices.first { $0.lowercased() == folded }
    }

    private func expected(_ value: JSONValue) -> ValueProblem {
        ValueProblem("expected \(description), got \(value.typeName)")
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
        case .oneOf(let choices, false): return ["enum": .array(choices.map(JSONValue.string))]
        case .oneOf(let choices, true):
            // JSON Schema has no case-insensitive enum: a pattern accepting any capitalisation.
            return [
                "type": "string", "pattern": .string(Self.anyCasePattern(choices)),
                "examples": .array(choices.map(JSONValue.string)),
            ]
        case .array(let element): return ["type": "array", "items": element.jsonSchema]
        case .map(let element): return ["type": "object", "additionalProperties": element.jsonSchema]
        }
    }
}

extension ValueType {
    /// The type of the values inside lists and mappings of this type (itself for others).
    public var innermost: ValueType {
        switch self {
        case .array(let element), .map(let element): return element.innermost
        default: return self
        }
    }

    /// An ECMA-262 pattern matching exactly `choices` in any capitalisation.
    static func anyCasePattern(_ choices: [String]) -> String {
        func escaped(_ character: Character) -> String {
            "\\^$.|?*+()[]{}/".contains(character) ? "\\" + String(character) : String(character)
        }
        let alternatives = choices.map { choice in
            choice.map { character -> String in
                let lower = character.lowercased()
                let upper = character.uppercased()
                guard lower != upper, lower.count == 1, upper.count == 1 else { return escaped(character) }
                return "[" + lower + upper + "]"
            }.joined()
        }
        return "^(" + alternatives.joined(separator: "|") + ")$"
    }
}

/// Something in a setting's value that does not fit its type.
public struct ValueProblem: Sendable, Hashable {
    /// Where inside the value: list indices and mapping keys from the setting down.
    public var path: [JSONPath.Component]
    /// What is wrong.
    public var message: String
    /// A likely fix: "did you mean `NATO`?".
    public var suggestion: String?

    /// Creates a problem at the value itself.
    public init(_ message: String, suggestion: String? = nil, path: [JSONPath.Component] = []) {
        self.message = message
        self.suggestion = suggestion
        self.path = path
    }

    /// The same problem, one level further down (inside `component`).
    func inside(_ component: JSONPath.Component) -> ValueProblem {
        ValueProblem(message, suggestion: suggestion, path: [component] + path)
    }
}
