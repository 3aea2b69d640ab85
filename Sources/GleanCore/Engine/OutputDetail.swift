import OrderedCollections

/// How much of each stage's result goes into the output: `output: {detail: …}` in a pipeline, or
/// `glean run --output-detail`.
public enum OutputDetail: String, Sendable, Hashable, CaseIterable {
    /// Everything the stages wrote.
    case full
    /// Labels, scores and summaries; no evidence, offsets or per-sentence lists.
    case compact
    /// The labels alone.
    case minimal
}

/// What a stage's result loses below `full` detail, declared in its descriptor as paths into the
/// result: `evidence` is a member, `[]` each element of an array (`[].evidence`: the evidence of
/// every item), `a.b` a member of a member. The engine applies it when writing a line; a stage
/// declaring nothing is written whole at every detail.
public struct OutputTrim: Sendable, Hashable {
    /// Paths left out at `compact` and `minimal`.
    public var compact: [String]
    /// Further paths left out at `minimal`.
    public var minimal: [String]

    /// Creates a trim.
    public init(compact: [String] = [], minimal: [String] = []) {
        self.compact = compact
        self.minimal = minimal
    }

    /// Nothing left out.
    public static let none = OutputTrim()

    /// `value` at `detail`.
    public func apply(_ value: JSONValue, detail: OutputDetail) -> JSONValue {
        let paths: [String]
        switch detail {
        case .full: return value
        case .compact: paths = compact
        case .minimal: paths = compact + minimal
        }
        return paths.reduce(value) { trimmed, path in Self.remove(Self.segments(path)[...], from: trimmed) }
    }

    private enum Segment {
        case key(String)
        case each
    }

    private static func segments(_ path: String) -> [Segment] {
        var out: [Segment] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var each = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                each += 1
            }
            if !name.isEmpty { out.append(.key(String(name))) }
            out.append(contentsOf: repeatElement(.each, count: each))
        }
        return out
    }

    private static func remove(_ path: ArraySlice<Segment>, from value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, value) {
        case (.each, .array(let items)):
            return .array(items.map { remove(rest, from: $0) })
        case (.key(let key), .object(var members)):
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
