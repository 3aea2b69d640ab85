/// What a stage is, for the registry, `glean stages`, validation and schemas.
public struct StageDescriptor: Sendable {
    /// The name pipelines use in `uses:` (`text-stats`).
    public var name: String
    /// The stage's version, written into error files with each failure.
    public var version: String
    /// One line saying what the stage does.
    public var summary: String
    /// Longer documentation shown by `glean stages NAME`.
    public var details: String?
    /// The configuration fields accepted under `with:`.
    public var configuration: [ConfigurationField]
    /// A JSON Schema of the value the stage writes under its id.
    public var output: JSONValue
    /// Whether the stage analyses documents whose text is empty or only white space; when
    /// `false` the engine skips them with the reason `empty text`.
    public var acceptsEmptyText: Bool
    /// Stage names (`uses:`) whose results this stage requires: validation asks that a stage
    /// using it lists such a stage under `needs:`.
    public var requiredStages: [String]
    /// What the stage's result loses at `compact` and `minimal` output detail.
    public var outputTrim: OutputTrim
    /// The languages (ISO 639-1 codes) whose text the stage analyses, for stages that read
    /// words; `nil` for stages that work on any text. Documents the `language` stage found in
    /// another language are skipped with the reason `unsupported language: CODE`.
    public var languages: [String]?

    /// Creates a descriptor.
    public init(
        name: String,
        version: String,
        summary: String,
        details: String? = nil,
        configuration: [ConfigurationField] = [],
        output: JSONValue = ["type": "object"],
        acceptsEmptyText: Bool = false,
        requiredStages: [String] = [],
        outputTrim: OutputTrim = .none,
        languages: [String]? = nil
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.details = details
        self.configuration = configuration
        self.output = output
        self.acceptsEmptyText = acceptsEmptyText
        self.requiredStages = requiredStages
        self.outputTrim = outputTrim
        self.languages = languages
    }

    /// The field named `name`, if declared.
    public func field(named name: String) -> ConfigurationField? {
        configuration.first { $0.name == name }
    }
}

/// One key a stage accepts under `with:`: its type, default and documentation.
public struct ConfigurationField: Sendable {
    /// The key, in `snake_case`.
    public var name: String
    /// The type of value accepted.
    public var type: ValueType
    /// The value used when the key is absent; `nil` for none.
    public var defaultValue: JSONValue?
    /// Whether the key must be given.
    public var isRequired: Bool
    /// What the key does.
    public var summary: String

    /// Creates a field.
    public init(
        _ name: String,
        type: ValueType,
        default defaultValue: JSONValue? = nil,
        required isRequired: Bool = false,
        summary: String
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.summary = summary
    }
}
