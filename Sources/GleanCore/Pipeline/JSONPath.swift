/// The path of a value inside a document of nested objects and arrays: `stages[1].with.top`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object key.
        case key(String)
        /// An array index, from 0.
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// The root path, or one made of `components`.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// This path followed by an object key.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// This path followed by an array index.
    public func appending(index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// `stages[1].with.top`; the root is `(root)`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(root)" : text
    }
}
