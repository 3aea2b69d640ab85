/// One mistake in a pipeline file, with its position and, where likely, a suggestion.
public struct PipelineDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the mistake is.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// A likely fix: "did you mean `sentiment`?".
    public var suggestion: String?

    /// Creates a diagnostic.
    public init(_ location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: message; suggestion`.
    public var description: String {
        var text = "\(location): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text
    }
}

/// A pipeline that cannot run, with every mistake found in it.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// The mistakes, in file order.
    public var diagnostics: [PipelineDiagnostic]

    /// Creates the error, sorting the mistakes by position.
    public init(_ diagnostics: [PipelineDiagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    /// One line per mistake.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// The error code: always `invalid_pipeline`.
    public var code: GleanError.Code { .invalidPipeline }
}
