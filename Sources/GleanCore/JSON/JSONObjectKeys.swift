import OrderedCollections

/// The keys of objects a stage builds many times over (one per document or per sentence), held
/// once: every object made with ``object(_:)`` shares this list instead of building its own, so
/// an object costs one allocation, for its values.
///
/// ```swift
/// static let spanKeys = JSONObjectKeys(["start", "end"])
/// let span = Self.spanKeys.object([.int(0), .int(12)])  // {"start":0,"end":12}
/// ```
public struct JSONObjectKeys: Sendable, Hashable {
    /// The keys, in the order objects list them.
    public let names: ContiguousArray<String>

    /// Keys in this order; they must be distinct.
    public init(_ names: [String]) {
        precondition(Set(names).count == names.count, "JSONObjectKeys: a key is repeated in \(names)")
        self.names = ContiguousArray(names)
    }

    /// An object with a value for each key, in order.
    public func object(_ values: ContiguousArray<JSONValue>) -> JSONValue {
        precondition(values.count == names.count, "JSONObjectKeys: \(values.count) values for \(names.count) keys")
        return .object(OrderedDictionary(uncheckedUniqueKeys: names, values: values))
    }
}
