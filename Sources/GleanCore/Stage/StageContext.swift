import Logging

/// What a stage is given when it is built: its id in the pipeline, where relative paths in
/// its configuration are resolved, the document fields it may read, and a logger.
public struct StageContext: Sendable {
    /// The stage's id in the pipeline.
    public var stageID: String
    /// The folder of the pipeline file: relative paths in `with:` are resolved against it.
    public var baseDirectory: String
    /// The logger for the stage's messages, tagged with its id.
    public var logger: Logger
    /// The document fields the input keeps (`input.keep`): the only ones besides the text a
    /// stage finds in ``Document/fields``.
    public var keptFields: [String]

    /// Creates a context.
    public init(
        stageID: String, baseDirectory: String = ".", keptFields: [String] = [],
        logger: Logger = Logger(label: "glean.stage")
    ) {
        self.stageID = stageID
        self.baseDirectory = baseDirectory
        self.keptFields = keptFields
        self.logger = logger
        self.logger[metadataKey: "stage"] = "\(stageID)"
    }

    /// `path` resolved against ``baseDirectory`` unless it is absolute.
    public func resolve(path: String) -> String {
        if path.hasPrefix("/") { return path }
        return baseDirectory == "." ? path : baseDirectory + "/" + path
    }
}
