/// What a run did: every input line is accounted for here.
public struct RunSummary: Sendable, Hashable {
    /// Why the run ended.
    public enum Ending: String, Sendable, Hashable {
        /// All input was read.
        case completed
        /// A stop was requested (Ctrl-C, SIGTERM).
        case interrupted
        /// More documents failed than `--max-errors` allows.
        case tooManyErrors = "too_many_errors"
    }

    /// Why the run ended.
    public var ending: Ending = .completed
    /// Input records read (non-blank lines, or files).
    public var records = 0
    /// Output lines written.
    public var documents = 0
    /// Documents written with at least one stage error.
    public var documentsWithErrors = 0
    /// Input records that could not be decoded (written to the error file, not the output).
    public var failedRecords = 0
    /// Stage results that were skipped (`null` with a reason).
    public var skippedResults = 0
    /// Documents left to other shards by `--shard`.
    public var otherShards = 0
    /// Documents already in the output, passed over by `--resume`.
    public var alreadyDone = 0
    /// Input bytes read (compressed bytes for gzip input).
    public var bytesRead = 0
    /// Output bytes written.
    public var bytesWritten = 0
    /// Wall-clock time of the run.
    public var elapsed: Duration = .zero
    /// Time spent in each stage, summed over the workers, by stage id in pipeline order.
    public var stageTimes: [StageTime] = []

    /// Creates an empty summary.
    public init() {}

    /// Documents with errors plus records that failed.
    public var errors: Int { documentsWithErrors + failedRecords }

    /// One stage's total time.
    public struct StageTime: Sendable, Hashable {
        /// The stage id.
        public var id: String
        /// Time spent in it.
        public var duration: Duration

        /// Creates a stage time.
        public init(id: String, duration: Duration) {
            self.id = id
            self.duration = duration
        }
    }
}
