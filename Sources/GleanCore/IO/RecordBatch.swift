/// A batch of raw input records — lines or files — read but not yet decoded.
///
/// Records share one byte buffer, so a batch costs one allocation however many lines it holds.
public struct RecordBatch: Sendable {
    /// The batch's position in the input, from 0; output is written in this order.
    public var sequence: Int
    /// The bytes of every record, back to back.
    public var storage: [UInt8]
    /// The records, in input order.
    public var records: [RawRecord]
    /// Input bytes consumed by this batch (compressed bytes for gzip), for progress.
    public var inputBytes: Int
    /// The stretches of input lines this batch covers, per input file, in reading order: what
    /// `--resume` records as done once the batch is written.
    public var spans: [InputSpan]

    /// Creates a batch.
    public init(
        sequence: Int, storage: [UInt8] = [], records: [RawRecord] = [], inputBytes: Int = 0, spans: [InputSpan] = []
    ) {
        self.sequence = sequence
        self.storage = storage
        self.records = records
        self.inputBytes = inputBytes
        self.spans = spans
    }

    /// Appends a record whose bytes are `bytes`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer, origin: DocumentOrigin) {
        let start = storage.count
        storage.append(contentsOf: bytes)
        records.append(RawRecord(range: start..<storage.count, origin: origin))
    }

    /// Appends a record that could not be read whole, with its problem and its size in the input.
    public mutating func append(problem: GleanError, origin: DocumentOrigin, byteCount: Int = 0) {
        records.append(
            RawRecord(range: storage.count..<storage.count, origin: origin, problem: problem, byteCount: byteCount))
    }

    /// Appends the records, storage and spans of `other` (read after this batch's).
    public mutating func append(contentsOf other: RecordBatch) {
        let offset = storage.count
        storage.append(contentsOf: other.storage)
        records.reserveCapacity(records.count + other.records.count)
        for var record in other.records {
            record.range = (record.range.lowerBound + offset)..<(record.range.upperBound + offset)
            records.append(record)
        }
        inputBytes += other.inputBytes
        spans += other.spans
    }
}

/// One raw record: where its bytes are in the batch's storage and where it came from.
public struct RawRecord: Sendable {
    /// The record's bytes in ``RecordBatch/storage``, without the line end.
    public var range: Range<Int>
    /// Where it was read.
    public var origin: DocumentOrigin
    /// Why the record could not be read (a line over the length limit), if so.
    public var problem: GleanError?
    /// The record's size in the input (uncompressed, without the line end): its range's length,
    /// or the length of a line refused for being too long.
    public var byteCount: Int

    /// Creates a record; `byteCount` defaults to the range's length.
    public init(range: Range<Int>, origin: DocumentOrigin, problem: GleanError? = nil, byteCount: Int? = nil) {
        self.range = range
        self.origin = origin
        self.problem = problem
        self.byteCount = byteCount ?? range.count
    }
}

/// A stretch of one input's lines read into a batch: `firstLine...lastLine` of `input`, blank
/// lines included, and the input bytes consumed for them.
public struct InputSpan: Sendable, Hashable {
    /// The input's name as records' origins give it (a file path, or a file inside a folder).
    public var input: String
    /// Which of the run's inputs (as listed by ``RecordSource/inputNames``) it belongs to.
    public var inputIndex: Int
    /// The first line covered (1-based).
    public var firstLine: Int
    /// The last line covered.
    public var lastLine: Int
    /// Records read from these lines (blank lines are not records).
    public var records: Int
    /// Input bytes consumed for these lines (compressed bytes for gzip).
    public var bytes: Int

    /// Creates a span.
    public init(input: String, inputIndex: Int = 0, firstLine: Int, lastLine: Int, records: Int, bytes: Int) {
        self.input = input
        self.inputIndex = inputIndex
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.records = records
        self.bytes = bytes
    }
}

/// A blocking source of record batches; called from one dedicated thread.
public protocol RecordSource: AnyObject {
    /// The next batch, or `nil` at the end of the input.
    func nextBatch(sequence: Int, maxRecords: Int, maxBytes: Int) throws(GleanError) -> RecordBatch?
    /// Input bytes consumed so far.
    var bytesConsumed: Int { get }
    /// The input's total size, when known.
    var totalBytes: Int? { get }
    /// The inputs this source reads, in reading order (files, or the folder of a text input);
    /// spans' ``InputSpan/inputIndex`` point into it.
    var inputNames: [String] { get }
}

extension RecordSource {
    /// No names known.
    public var inputNames: [String] { [] }
}
