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
    /// Documents not written because their output line would have been longer than
    /// ``EngineOptions/maxOutputLineBytes`` (each is in the error file).
    public var oversizeOutputs = 0
    /// Documents (of this shard, analysed or already done) whose id an earlier document of the
    /// run already had.
    public var duplicateIDs = 0
    /// Whether duplicate ids were counted (``EngineOptions/countsDuplicateIDs``).
    public var countsDuplicateIDs = true
    /// The first repeated id and where it repeated, when there was one.
    public var firstDuplicate: RepeatedID?
    /// Skipped stage results by stage and reason: in pipeline order, then most frequent first,
    /// then by reason.
    public var skips: [Skip] = []
    /// Each input in reading order, with the records and bytes read from it.
    public var inputs: [Input] = []
    /// Input bytes read (compressed bytes for gzip input).
    public var bytesRead = 0
    /// Bytes of the records analysed (uncompressed; not those passed over by `--resume` or
    /// `--shard`, nor lines that could not be read): what throughput is measured on.
    public var bytesProcessed = 0
    /// Output bytes written.
    public var bytesWritten = 0
    /// Wall-clock time of the run.
    public var elapsed: Duration = .zero
    /// Time spent in each stage, summed over the workers, by stage id in pipeline order.
    public var stageTimes: [StageTime] = []

    /// Creates an empty summary.
    public init() {}

    /// Documents with errors plus records that failed plus documents whose output was too large.
    public var errors: Int { documentsWithErrors + failedRecords + oversizeOutputs }

    /// A document id seen again, and where.
    public struct RepeatedID: Sendable, Hashable {
        /// The id.
        public var id: String
        /// Where the repeat was read.
        public var origin: DocumentOrigin

        /// Creates the record of a repeat.
        public init(id: String, origin: DocumentOrigin) {
            self.id = id
            self.origin = origin
        }
    }

    /// How often one stage skipped documents for one reason.
    public struct Skip: Sendable, Hashable {
        /// The stage id.
        public var stage: String
        /// The reason given (`unsupported language: ru`).
        public var reason: String
        /// How many documents.
        public var count: Int

        /// Creates a count.
        public init(stage: String, reason: String, count: Int) {
            self.stage = stage
            self.reason = reason
            self.count = count
        }
    }

    /// What was read from one input.
    public struct Input: Sendable, Hashable {
        /// The input's path as named (`-` for standard input; a folder for `format: text`).
        public var path: String
        /// Records read from it (non-blank lines, or files).
        public var records: Int
        /// Bytes read from it (compressed bytes for gzip).
        public var bytesRead: Int

        /// Creates an input's counts.
        public init(path: String, records: Int = 0, bytesRead: Int = 0) {
            self.path = path
            self.records = records
            self.bytesRead = bytesRead
        }
    }

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
