/// Work a stage hands to the stages that need it, beside its output: a text's tokens and
/// sentences, say, that a later stage would otherwise compute again from the same text.
///
/// A stage returns them with ``StageResult/outputSharing(_:_:)``; a stage that `needs` it finds
/// them in ``StageInput/artifacts(from:)``. Each value is stored and found by its type, so the
/// engine knows nothing of what the values are: the type is the contract between the two stages,
/// and it lives in a module both of them import. Artifacts are held in memory only while their
/// batch is analysed, and are never written to the output. A stage must give the same output
/// whether or not an upstream stage shared anything: artifacts save work, they carry no
/// information of their own.
///
/// ```swift
/// var artifacts = StageArtifacts()
/// artifacts[Tokens.self] = tokens                           // in the stage that made them
/// let tokens = input.artifacts(from: "tokens")?[Tokens.self] // in a stage that needs it
/// ```
public struct StageArtifacts: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// No artifacts.
    public init() {}

    /// The artifact of type `type`, if one was stored.
    public subscript<Value: Sendable>(_ type: Value.Type) -> Value? {
        get { values[ObjectIdentifier(type)] as? Value }
        set { values[ObjectIdentifier(type)] = newValue }
    }

    /// Whether there are none.
    public var isEmpty: Bool { values.isEmpty }
}

extension StageArtifacts: Hashable {
    /// Artifacts take no part in comparing results, which are equal when their outputs are: any
    /// two sets of artifacts are equal.
    public static func == (left: StageArtifacts, right: StageArtifacts) -> Bool { true }

    /// Hashes nothing (see ``==(_:_:)``).
    public func hash(into hasher: inout Hasher) {}
}
