import GleanCore
import OrderedCollections

/// Merges the `--summary json` objects of runs over parts of one input (shards of a Kubernetes
/// indexed job, Spark partitions) into one summary of the whole.
///
/// Generic over the keys, so summaries with keys added later merge too:
/// - numbers are summed (documents, errors, bytes, any new counter);
/// - `elapsed_seconds` and `peak_rss_bytes` take the largest value, since the parts ran side by
///   side; `elapsed_seconds_total` is the sum of the parts' elapsed times;
/// - `ending` is the worst ending (`too_many_errors`, then `interrupted`, then `completed`);
/// - arrays of objects with an identity are merged by it, their numbers summed: `stages` by `id`,
///   `skips` by `stage` and `reason`; `inputs` are concatenated;
/// - nested objects are merged member by member by the same rules;
/// - anything else (strings, flags, other arrays) is kept when every part agrees, otherwise left
///   out and listed as a ``Conflict``;
/// - `summaries` counts the parts merged (a merged summary counts as its own parts, so merging
///   merged summaries gives the same result as merging all the parts at once).
struct SummaryMerge {
    /// A key whose values differ between parts and cannot be combined.
    struct Conflict: Sendable, Hashable {
        /// The key's path, such as `pipeline` or `options.order`.
        var path: String
        /// The distinct values, in the order first seen.
        var values: [JSONValue]
    }

    /// The merged summary.
    var merged: JSONValue
    /// The keys left out because the parts disagree.
    var conflicts: [Conflict]

    /// Keys whose merged value is the largest: the parts ran at the same time.
    static let maximumKeys: Set<String> = ["elapsed_seconds", "peak_rss_bytes"]
    /// Arrays of objects merged by the members that identify an element.
    static let keyedArrays: [String: [String]] = ["stages": ["id"], "skips": ["stage", "reason"]]
    /// Arrays whose elements are simply put together.
    static let concatenatedArrays: Set<String> = ["inputs"]
    /// Endings from best to worst.
    static let endings = ["completed", "interrupted", "too_many_errors"]

    /// Merges `summaries`, each a JSON object.
    init(_ summaries: [JSONValue]) {
        var conflicts: [Conflict] = []
        let objects = summaries.map { $0.objectValue ?? [:] }
        var merged = Self.mergeObjects(objects, path: "", topLevel: true, conflicts: &conflicts)
        if objects.contains(where: { $0["elapsed_seconds"] != nil }) {
            let total = objects.reduce(0.0) {
                $0 + (($1["elapsed_seconds_total"] ?? $1["elapsed_seconds"])?.doubleValue ?? 0)
            }
            Self.insert(&merged, key: "elapsed_seconds_total", value: .double(total), after: "elapsed_seconds")
        }
        merged["summaries"] = .int(objects.reduce(0) { $0 + ($1["summaries"]?.intValue ?? 1) })
        self.merged = .object(merged)
        self.conflicts = conflicts
    }

    private static func mergeObjects(
        _ objects: [OrderedDictionary<String, JSONValue>], path: String, topLevel: Bool, conflicts: inout [Conflict]
    ) -> OrderedDictionary<String, JSONValue> {
        var keys = OrderedSet<String>()
        for object in objects { keys.append(contentsOf: object.keys) }
        var merged: OrderedDictionary<String, JSONValue> = [:]
        for key in keys where !(topLevel && (key == "elapsed_seconds_total" || key == "summaries")) {
            let values = objects.compactMap { $0[key] }
            let keyPath = path.isEmpty ? key : path + "." + key
            let value: JSONValue?
            if topLevel, key == "ending" {
                value = worstEnding(values)
            } else if topLevel, maximumKeys.contains(key) {
                value = maximum(values)
            } else if topLevel, let identity = keyedArrays[key] {
                value = mergeKeyed(values, identity: identity, path: keyPath, conflicts: &conflicts)
            } else if topLevel, concatenatedArrays.contains(key), values.allSatisfy({ $0.arrayValue != nil }) {
                value = .array(values.flatMap { $0.arrayValue ?? [] })
            } else {
                value = combine(values, path: keyPath, conflicts: &conflicts)
            }
            if let value {
                merged[key] = value
            } else {
                var distinct: [JSONValue] = []
                for value in values where !distinct.contains(value) { distinct.append(value) }
                conflicts.append(Conflict(path: keyPath, values: distinct))
            }
        }
        return merged
    }

    /// Sums numbers, merges objects, keeps equal values; `nil` when the values disagree.
    private static func combine(_ values: [JSONValue], path: String, conflicts: inout [Conflict]) -> JSONValue? {
        guard let first = values.first else { return nil }
        if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
            var total = 0
            for value in values {
                let (sum, overflow) = total.addingReportingOverflow(value.intValue ?? 0)
                if overflow { return .double(values.reduce(0) { $0 + ($1.doubleValue ?? 0) }) }
                total = sum
            }
            return .int(total)
        }
        if values.allSatisfy({ $0.doubleValue != nil }) {
            return .double(values.reduce(0) { $0 + ($1.doubleValue ?? 0) })
        }
        if values.allSatisfy({ $0.objectValue != nil }) {
            return .object(
                mergeObjects(values.compactMap(\.objectValue), path: path, topLevel: false, conflicts: &conflicts))
        }
        guard values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    private static func worstEnding(_ values: [JSONValue]) -> JSONValue? {
        let ranks = values.map { value in value.stringValue.flatMap { endings.firstIndex(of: $0) } }
        guard !ranks.contains(nil) else { return values.allSatisfy { $0 == values.first } ? values.first : nil }
        return ranks.compactMap { $0 }.max().map { .string(endings[$0]) }
    }

    private static func maximum(_ values: [JSONValue]) -> JSONValue? {
        if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
            return values.compactMap(\.intValue).max().map { .int($0) }
        }
        guard values.allSatisfy({ $0.doubleValue != nil }) else { return nil }
        return values.compactMap(\.doubleValue).max().map { .double($0) }
    }

    /// Merges arrays of objects whose `identity` members are equal, in the order first seen.
    private static func mergeKeyed(
        _ values: [JSONValue], identity: [String], path: String, conflicts: inout [Conflict]
    ) -> JSONValue? {
        var groups: OrderedDictionary<[JSONValue], [JSONValue]> = [:]
        for value in values {
            guard let elements = value.arrayValue else { return nil }
            for element in elements {
                guard element.objectValue != nil else { return nil }
                groups[identity.map { element[$0] ?? .null }, default: []].append(element)
            }
        }
        return .array(
            groups.map { key, elements in
                let name = key.map { $0.stringValue ?? JSONWriter.string($0) }.joined(separator: "/")
                return combine(elements, path: "\(path)[\(name)]", conflicts: &conflicts) ?? .null
            })
    }

    private static func insert(
        _ object: inout OrderedDictionary<String, JSONValue>, key: String, value: JSONValue, after anchor: String
    ) {
        guard let index = object.index(forKey: anchor) else {
            object[key] = value
            return
        }
        object.updateValue(value, forKey: key, insertingAt: index + 1)
    }
}
