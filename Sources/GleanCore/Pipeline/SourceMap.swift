/// Where each key and value of a pipeline file stands, so messages point at the right place.
public struct SourceMap: Sendable {
    /// The file's path as the user gave it.
    public var file: String
    private var values: [JSONPath: SourceLocation] = [:]
    private var keys: [JSONPath: SourceLocation] = [:]

    /// An empty map for `file`.
    public init(file: String) {
        self.file = file
    }

    /// Records where the value at `path` starts, and where its key is when it has one.
    public mutating func record(_ path: JSONPath, value: SourceLocation, key: SourceLocation? = nil) {
        values[path] = value
        if let key { keys[path] = key }
    }

    /// Where the value at `path` is, or the nearest enclosing value's location.
    public func location(of path: JSONPath) -> SourceLocation {
        var current = path
        while true {
            if let found = values[current] { return found }
            if current.components.isEmpty { return SourceLocation(file: file, line: 1, column: 1) }
            current.components.removeLast()
        }
    }

    /// Where the key of the value at `path` is, falling back to the value's location.
    public func keyLocation(of path: JSONPath) -> SourceLocation {
        keys[path] ?? location(of: path)
    }
}
