import OrderedCollections

/// What a stage's result loses below `full` detail, declared in its descriptor as paths into the
/// result: `evidence` is a member, `[]` each element of an array (`[].evidence`: the evidence of
/// every item), `a.b` a member of a member. The engine applies it when writing a line; a stage
/// declaring nothing is written whole at every detail.
public struct OutputTrim: Sendable, Hashable {
    /// Paths left out at `compact` and `minimal`.
    public var compact: [String] {
        didSet { steps = Self.steps(compact: compact, minimal: minimal) }
    }
    /// Further paths left out at `minimal`.
    public var minimal: [String] {
        didSet { steps = Self.steps(compact: compact, minimal: minimal) }
    }
    /// The paths left out at `compact` and at `minimal`, read into steps once.
    private var steps: (compact: [[Step]], minimal: [[Step]])

    /// Creates a trim.
    public init(compact: [String] = [], minimal: [String] = []) {
        self.compact = compact
        self.minimal = minimal
        steps = Self.steps(compact: compact, minimal: minimal)
    }

    /// Nothing left out.
    public static let none = OutputTrim()

    /// `value` at `detail`.
    public func apply(_ value: JSONValue, detail: OutputDetail) -> JSONValue {
        paths(at: detail).reduce(value) { trimmed, path in Self.remove(path[...], from: trimmed) }
    }

    /// The paths left out at `detail`, as steps.
    func paths(at detail: OutputDetail) -> [[Step]] {
        switch detail {
        case .full: return []
        case .compact: return steps.compact
        case .minimal: return steps.minimal
        }
    }

    /// A step of a path: a member, or each element of an array.
    enum Step: Sendable, Hashable {
        /// The member `name`, whose key is written `text` in JSON (quotes included).
        case key(String, text: [UInt8])
        /// Each element.
        case each
    }

    private static func steps(compact: [String], minimal: [String]) -> (compact: [[Step]], minimal: [[Step]]) {
        let compactSteps = compact.map(steps)
        return (compactSteps, compactSteps + minimal.map(steps))
    }

    /// The steps of `path`.
    private static func steps(_ path: String) -> [Step] {
        var out: [Step] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var each = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                each += 1
            }
            if !name.isEmpty { out.append(.key(String(name), text: JSONWriter.serialize(.string(String(name))))) }
            out.append(contentsOf: repeatElement(.each, count: each))
        }
        return out
    }

    private static func remove(_ path: ArraySlice<Step>, from value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, value) {
        case (.each, .array(let items)):
            return .array(items.map { remove(rest, from: $0) })
        case (.key(let key, _), .object(var members)):
            if rest.isEmpty {
                members.removeValue(forKey: key)
            } else if let member = members[key] {
                members[key] = remove(rest, from: member)
            }
            return .object(members)
        default:
            return value
        }
    }
}

extension OutputTrim {
    /// Equal when the paths are.
    public static func == (lhs: OutputTrim, rhs: OutputTrim) -> Bool {
        lhs.compact == rhs.compact && lhs.minimal == rhs.minimal
    }

    /// Hashes the paths.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(compact)
        hasher.combine(minimal)
    }
}
