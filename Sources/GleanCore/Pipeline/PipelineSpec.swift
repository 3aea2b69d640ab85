/// A pipeline as written in a pipeline file, before its stages are built.
public struct PipelineSpec: Sendable {
    /// The pipeline's name (`pipeline:`).
    public var name: String
    /// What the pipeline is for (`description:`).
    public var description: String?
    /// How documents are read (`input:`).
    public var input: InputSpec
    /// How results are written (`output:`).
    public var output: OutputSpec
    /// The stages, in the order written (`stages:`).
    public var stages: [StageSpec]
    /// Folders searched for plugins (`plugins:`), as written (relative to the pipeline file).
    public var pluginPaths: [String] = []
    /// Where each key and value stands in the file, for messages.
    public var sourceMap: SourceMap

    /// Creates a pipeline specification.
    public init(
        name: String,
        description: String? = nil,
        input: InputSpec = InputSpec(),
        output: OutputSpec = OutputSpec(),
        stages: [StageSpec] = [],
        sourceMap: SourceMap = SourceMap(file: "<pipeline>")
    ) {
        self.name = name
        self.description = description
        self.input = input
        self.output = output
        self.stages = stages
        self.sourceMap = sourceMap
    }
}

/// How documents are read: `input:` in a pipeline file.
public struct InputSpec: Sendable, Hashable {
    /// The input's format.
    public var format: InputFormat
    /// The field holding the document id (JSON Lines); ids are generated where it is absent.
    public var idField: String
    /// The field holding the text (JSON Lines).
    public var textField: String
    /// Fields copied to the output unchanged (JSON Lines).
    public var keep: [String]

    /// Creates an input specification; the defaults read JSON Lines with `id` and `text`.
    public init(format: InputFormat = .jsonl, idField: String = "id", textField: String = "text", keep: [String] = []) {
        self.format = format
        self.idField = idField
        self.textField = textField
        self.keep = keep
    }
}

/// The formats documents are read in.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// JSON Lines: one JSON object per line.
    case jsonl
    /// A folder of text files, one document per file; the id is the file's relative path.
    case text
    /// Plain text, one document per line; the id is the line number.
    case lines
}

/// How results are written: `output:` in a pipeline file.
public struct OutputSpec: Sendable, Hashable {
    /// The order of output lines.
    public var order: OutputOrder
    /// How much of each stage's result is written.
    public var detail: OutputDetail

    /// Creates an output specification.
    public init(order: OutputOrder = .input, detail: OutputDetail = .full) {
        self.order = order
        self.detail = detail
    }
}

/// The order output lines are written in.
public enum OutputOrder: String, Sendable, Hashable, CaseIterable {
    /// The order of the input: the same bytes whatever the concurrency.
    case input
    /// As documents finish: slightly faster with uneven documents.
    case completion
}

/// One entry of `stages:`.
public struct StageSpec: Sendable {
    /// The stage's unique id, the key of its output.
    public var id: String
    /// The stage's name in the registry (`uses:`).
    public var uses: String
    /// The ids of the stages whose results it reads.
    public var needs: [String]
    /// The `with:` object (`{}` when absent).
    public var configuration: JSONValue
    /// The entry's path in the file, for locating messages.
    public var path: JSONPath

    /// Creates a stage entry.
    public init(id: String, uses: String, needs: [String] = [], configuration: JSONValue = [:], path: JSONPath = JSONPath()) {
        self.id = id
        self.uses = uses
        self.needs = needs
        self.configuration = configuration
        self.path = path
    }
}
