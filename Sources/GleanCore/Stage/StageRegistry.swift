import OrderedCollections

/// The stages a run can use, by name: the built-ins plus whatever a program or plugin adds.
public struct StageRegistry: Sendable {
    private var factories: OrderedDictionary<String, StageFactory> = [:]

    /// An empty registry.
    public init() {}

    /// A registry holding the given stage types.
    public init(_ stages: [any Stage.Type]) {
        for stage in stages { register(stage) }
    }

    /// Adds a stage type, replacing any stage of the same name.
    public mutating func register(_ stage: any Stage.Type) {
        register(Self.factory(for: stage))
    }

    /// Adds a factory, replacing any stage of the same name.
    public mutating func register(_ factory: StageFactory) {
        factories[factory.descriptor.name] = factory
    }

    /// The registry with `other`'s stages added (they win on a name clash).
    public func merging(_ other: StageRegistry) -> StageRegistry {
        var merged = self
        for factory in other.factories.values { merged.register(factory) }
        return merged
    }

    /// The factory for `name`, if registered.
    public func factory(named name: String) -> StageFactory? {
        factories[name]
    }

    /// The registered names, in registration order.
    public var names: [String] { Array(factories.keys) }

    /// The registered descriptors, in registration order.
    public var descriptors: [StageDescriptor] { factories.values.map(\.descriptor) }

    private static func factory<S: Stage>(for type: S.Type) -> StageFactory {
        StageFactory(type)
    }
}
