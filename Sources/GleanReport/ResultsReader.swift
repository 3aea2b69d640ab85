import GleanCore

/// Reads a results file (`glean run` output: JSON Lines, plain or gzip) in batches, maps each
/// batch on worker tasks, and hands the results to a consumer in file order.
///
/// Memory stays flat: at most `concurrency` batches are read ahead or in work at once.
public struct ResultsReader: Sendable {
    /// The results file; `-` for standard input.
    public var path: String
    /// Batches mapped at once.
    public var concurrency: Int
    /// Lines per batch.
    public var batchLines: Int
    /// Lines longer than this are refused.
    public var maximumLineBytes: Int

    /// Creates a reader of `path`.
    public init(
        path: String, concurrency: Int = EngineOptions.defaultConcurrency, batchLines: Int = 2048,
        maximumLineBytes: Int = 64 << 20
    ) {
        self.path = path
        self.concurrency = max(1, concurrency)
        self.batchLines = max(1, batchLines)
        self.maximumLineBytes = maximumLineBytes
    }

    /// Maps every batch with `transform` (concurrently) and passes the outputs to `consume` in
    /// the order of the file.
    public func run<Output: Sendable>(
        transform: @escaping @Sendable (RecordBatch) throws(GleanError) -> Output,
        consume: (Output) throws(GleanError) -> Void
    ) async throws(GleanError) {
        let source = ReaderBox(try InputOpener.open(path: path, format: .jsonl, maximumLineBytes: maximumLineBytes))
        let queue = BlockingIOQueue(label: "glean.results-reader")
        let lines = batchLines
        func read(_ sequence: Int) async throws(GleanError) -> RecordBatch? {
            try await queue.run { () throws(GleanError) -> RecordBatch? in
                try source.value.nextBatch(sequence: sequence, maxRecords: lines, maxBytes: 8 << 20)
            }
        }
        let limit = concurrency
        let outcome: Result<Void, GleanError> = await withTaskGroup(of: (Int, Result<Output, GleanError>).self) {
            group in
            var nextSequence = 0
            var nextToConsume = 0
            var inFlight = 0
            var waiting: [Int: Output] = [:]
            var reading = true
            do throws(GleanError) {
                while true {
                    while reading, inFlight < limit {
                        guard let batch = try await read(nextSequence) else {
                            reading = false
                            break
                        }
                        let sequence = nextSequence
                        nextSequence += 1
                        inFlight += 1
                        group.addTask {
                            do throws(GleanError) {
                                return (sequence, .success(try transform(batch)))
                            } catch {
                                return (sequence, .failure(error))
                            }
                        }
                    }
                    guard let (sequence, result) = await group.next() else { break }
                    inFlight -= 1
                    waiting[sequence] = try result.get()
                    while let next = waiting.removeValue(forKey: nextToConsume) {
                        try consume(next)
                        nextToConsume += 1
                    }
                }
                return .success(())
            } catch {
                group.cancelAll()
                return .failure(error)
            }
        }
        try outcome.get()
    }
}

extension RecordBatch {
    /// Calls `body` with each line's bytes and where it was read; a line the reader refused
    /// (too long) is thrown as its error, located at its line.
    public func forEachLine(
        _ body: (UnsafeRawBufferPointer, DocumentOrigin) throws(GleanError) -> Void
    ) throws(GleanError) {
        let result: Result<Void, GleanError> = storage.withUnsafeBytes { buffer in
            do throws(GleanError) {
                for record in records {
                    if var problem = record.problem {
                        problem.message = "\(record.origin): \(problem.message)"
                        throw problem
                    }
                    try body(UnsafeRawBufferPointer(rebasing: buffer[record.range]), record.origin)
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}

/// Hands the record source to the one serial queue that reads it.
private final class ReaderBox: @unchecked Sendable {
    let value: any RecordSource
    init(_ value: any RecordSource) { self.value = value }
}
