/// An analyzer stage: built once per run from its configuration, then called concurrently on
/// batches of documents.
///
/// Built-in stages use only this contract; anything a built-in does, a user's stage can do.
/// A minimal stage declares a ``descriptor``, an initializer and ``analyze(_:)``:
///
/// ```swift
/// struct Shout: Stage {
///     static let descriptor = StageDescriptor(name: "shout", version: "1.0.0",
///                                             summary: "Upper-cases the text.")
///     init(configuration: NoConfiguration, context: StageContext) {}
///     func analyze(_ input: StageInput) async throws -> StageResult {
///         .output(.string(input.document.text.uppercased()))
///     }
/// }
/// ```
public protocol Stage: Sendable {
    /// The typed configuration decoded from the stage's `with:` block, after the descriptor's
    /// defaults are filled in. Keys are `snake_case` in YAML and `camelCase` in Swift.
    associatedtype Configuration: Decodable & Sendable = NoConfiguration

    /// What the stage is: name, version, configuration fields and output schema.
    static var descriptor: StageDescriptor { get }

    /// Builds the stage for a run. Throw ``ConfigurationError`` for a bad value.
    init(configuration: Configuration, context: StageContext) throws

    /// Analyses one document.
    func analyze(_ input: StageInput) async throws -> StageResult

    /// Analyses a batch of documents, one outcome per input, in order.
    ///
    /// The default calls ``analyze(_:)`` for each; override it when batching is cheaper.
    func analyze(batch: [StageInput]) async -> [StageOutcome]

    /// Releases what the stage holds (processes, connections) when a run ends. Default: nothing.
    func shutdown() async
}

/// The outcome of one document in a batch: a result, or the error the stage threw for it.
public typealias StageOutcome = Result<StageResult, any Error>

extension Stage {
    /// Does nothing.
    public func shutdown() async {}

    /// Calls ``analyze(_:)`` on each document in turn.
    public func analyze(batch: [StageInput]) async -> [StageOutcome] {
        var outcomes: [StageOutcome] = []
        outcomes.reserveCapacity(batch.count)
        for input in batch {
            do {
                outcomes.append(.success(try await analyze(input)))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}

/// The configuration of a stage that takes none.
public struct NoConfiguration: Decodable, Sendable, Hashable {
    /// Creates an empty configuration.
    public init() {}
}
