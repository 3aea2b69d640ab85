/// A bad value in a stage's configuration, thrown by a stage's initializer.
///
/// The validator reports it at the position of `field` in the pipeline file.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The `snake_case` name of the offending field, or `nil` for the configuration as a whole.
    public var field: String?
    /// What is wrong with the value and what would be right.
    public var message: String

    /// Creates a configuration error.
    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    /// The field and message.
    public var description: String {
        field.map { "`\($0)`: \(message)" } ?? message
    }
}
