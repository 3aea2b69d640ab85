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

    /// Creates a batch.
    public init(sequence: Int, storage: [UInt8] = [], records: [RawRecord] = [], inputBytes: Int = 0) {
        self.sequence = sequence
        self.storage = storage
        self.records = records
        self.inputBytes = inputBytes
    }

    /// Appends a record whose bytes are `bytes`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer, origin: DocumentOrigin) {
        let start = storage.count
        storage.append(contentsOf: bytes)
        records.append(RawRecord(range: start..<storage.count, origin: origin))
    }

    /// Appends a record that could not be read whole, with its problem.
    public mutating func append(problem: GleanError, origin: DocumentOrigin) {
        records.append(RawRecord(range: storage.count..<storage.count, origin: origin, problem: problem))
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

    /// Creates a record.
    public init(range: Range<Int>, origin: DocumentOrigin, problem: GleanError? = nil) {
        self.range = range
        self.origin = origin
        self.problem = problem
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
}
