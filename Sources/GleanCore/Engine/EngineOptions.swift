/// How a run is carried out; none of it changes the output's bytes.
public struct EngineOptions: Sendable {
    /// How many batches are in flight at once; defaults to twice the number of cores, so stages
    /// that wait (plugins) do not leave cores idle.
    public var concurrency: Int
    /// The most documents in one batch.
    public var batchSize: Int
    /// About the most bytes in one batch.
    public var batchBytes: Int
    /// Analyse only this part of the input.
    public var shard: Shard?
    /// Stop after more than this many documents or records have errors.
    public var maxErrors: Int?
    /// Input lines finished by an earlier run, passed over.
    public var resume: ResumeState?
    /// The longest output line written; a document whose line would be longer goes to the error
    /// file instead (code `output_too_large`), so that every output line can be read back by a
    /// run with the default `--max-line-bytes`.
    public var maxOutputLineBytes: Int = 64 << 20
    /// Whether to count documents whose id an earlier document had (memory: 16 to 32 bytes per
    /// document of the run).
    public var countsDuplicateIDs = true

    /// Creates options.
    public init(
        concurrency: Int = EngineOptions.defaultConcurrency,
        batchSize: Int = 512,
        batchBytes: Int = 1 << 20,
        shard: Shard? = nil,
        maxErrors: Int? = nil,
        resume: ResumeState? = nil
    ) {
        self.concurrency = max(1, concurrency)
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.shard = shard
        self.maxErrors = maxErrors
        self.resume = resume
    }

    /// Twice the number of cores this process may use.
    public static var defaultConcurrency: Int {
        2 * ProcessorCount.active
    }
}
