/// A place where bytes are not valid JSON.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the problem from the start of the parsed text.
    public var offset: Int
    /// What is wrong, for a person.
    public var message: String
    /// The kind of problem: malformed JSON or bad UTF-8.
    public var code: GleanError.Code

    /// Creates a syntax error at `offset`.
    public init(offset: Int, message: String, code: GleanError.Code = .malformedJSON) {
        self.offset = offset
        self.message = message
        self.code = code
    }

    /// The message with its byte offset.
    public var description: String { "\(message) at byte \(offset + 1)" }
}
