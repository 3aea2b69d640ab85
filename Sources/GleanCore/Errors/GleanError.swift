/// An error from Glean: a code programs can match, a message a person can act on, the
/// underlying cause, and where it happened.
///
/// Codes are extensible: a stage may define its own with `GleanError.Code("rate_limited")`.
public struct GleanError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and, where possible, what to do about it.
    public var message: String
    /// The error that caused this one, if any.
    public var cause: (any Error & Sendable)?
    /// Where the problem is: a pipeline file position or an input line.
    public var location: SourceLocation?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        cause: (any Error & Sendable)? = nil,
        location: SourceLocation? = nil
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.location = location
    }

    /// `location: message`, followed by the cause when there is one.
    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        if let cause {
            text += " (\(cause))"
        }
        return text
    }
}

extension GleanError {
    /// A stable, machine-readable name for a kind of failure, written in output and error files.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The name as written in output, in `snake_case`.
        public var rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Creates a code from its name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The name.
        public var description: String { rawValue }

        /// The pipeline file is invalid.
        public static let invalidPipeline = Code("invalid_pipeline")
        /// A stage's configuration is invalid.
        public static let invalidConfiguration = Code("invalid_configuration")
        /// An input could not be opened or read.
        public static let unreadableInput = Code("unreadable_input")
        /// An output could not be written.
        public static let unwritableOutput = Code("unwritable_output")
        /// An input line is not valid JSON.
        public static let malformedJSON = Code("malformed_json")
        /// An input line is not valid UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// An input line is longer than the limit.
        public static let lineTooLong = Code("line_too_long")
        /// An input record lacks its text field, or it is not a string.
        public static let missingText = Code("missing_text")
        /// An input record's id field is not a string or number.
        public static let invalidID = Code("invalid_id")
        /// A stage threw an error for a document.
        public static let stageFailed = Code("stage_failed")
        /// A stage took longer than allowed.
        public static let timeout = Code("timeout")
        /// A command-line argument is invalid.
        public static let invalidArgument = Code("invalid_argument")
        /// Compressed input is corrupt.
        public static let corruptInput = Code("corrupt_input")
        /// A document's output line would be longer than glean writes (and reads back).
        public static let outputTooLarge = Code("output_too_large")
    }
}
