import Logging
import Synchronization

/// Runs a pipeline over a stream of records: reads batches on its own thread, analyses up to
/// `concurrency` batches at once on the cooperative pool, and writes results on another thread
/// in input order (or as they finish), so memory stays flat whatever the input's size.
public struct PipelineEngine: Sendable {
    /// The pipeline to run.
    public var pipeline: Pipeline
    /// How to run it.
    public var options: EngineOptions
    /// Where the engine logs.
    public var logger: Logger

    /// Creates an engine.
    public init(pipeline: Pipeline, options: EngineOptions = EngineOptions(), logger: Logger = Logger(label: "glean")) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
    }

    /// Runs the pipeline from `source` to `output`, with failures to `errors` (the error file).
    ///
    /// - Parameter resumeLog: When given, each written batch's input lines are recorded there,
    ///   so that `--resume` can continue after an interruption.
    /// - Returns: The summary; it ends early when `monitor` is asked to stop or too many
    ///   documents fail.
    /// - Throws: ``GleanError`` when the input cannot be read or the output written.
    public func run(
        source: any RecordSource,
        output: OutputSink,
        errors: OutputSink?,
        resumeLog: ResumeLog? = nil,
        monitor: RunMonitor = RunMonitor()
    ) async throws(GleanError) -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let reader = BlockingIOQueue(label: "glean.reader")
        let writer = BlockingIOQueue(label: "glean.writer")
        let input = UncheckedBox(source)
        let sinks = UncheckedBox((output, errors, resumeLog))
        let inputNames = source.inputNames
        let processor = BatchProcessor(
            pipeline: pipeline, options: options, monitor: monitor, qualifiesGeneratedIDs: inputNames.count > 1)
        let ordered = pipeline.output.order == .input
        let maxInFlight = options.concurrency
        let batchSize = options.batchSize
        let batchBytes = options.batchBytes
        var summary = RunSummary()
        summary.countsDuplicateIDs = options.countsDuplicateIDs
        summary.inputs = inputNames.map { RunSummary.Input(path: $0) }
        var tally = RunTally(stageCount: pipeline.stages.count)

        func write(_ batch: BatchProcessor.Processed) async throws(GleanError) {
            let lines = batch.output
            let deadLetters = batch.deadLetters
            let spans = batch.spans
            try await writer.run { () throws(GleanError) -> Void in
                let (output, errors, log) = sinks.value
                if !lines.isEmpty { try output.write(lines) }
                if !deadLetters.isEmpty, let errors { try errors.write(deadLetters) }
                try log?.commit(spans, outputEnd: output.position, errorsEnd: errors?.position)
            }
            summary.records += batch.records
            summary.documents += batch.documents
            summary.documentsWithErrors += batch.documentsWithErrors
            summary.failedRecords += batch.failedRecords
            summary.skippedResults += batch.skippedResults
            summary.otherShards += batch.otherShards
            summary.alreadyDone += batch.alreadyDone
            summary.oversizeOutputs += batch.oversizeOutputs
            summary.bytesRead += batch.inputBytes
            summary.bytesProcessed += batch.processedBytes
            for span in spans where span.inputIndex < summary.inputs.count {
                summary.inputs[span.inputIndex].records += span.records
                summary.inputs[span.inputIndex].bytesRead += span.bytes
            }
            tally.add(batch.skips)
            if let repeated = tally.add(batch.ids), summary.firstDuplicate == nil {
                summary.firstDuplicate = repeated
                logger.warning(
                    "document id `\(repeated.id)` at \(repeated.origin) was seen before; repeated ids are counted in the summary"
                )
            }
            let position = spans.last.map {
                RunMonitor.Position(input: $0.input, line: $0.lastLine, index: $0.inputIndex, count: max(1, inputNames.count))
            }
            monitor.recordWritten(
                documents: batch.documents, errors: batch.documentsWithErrors + batch.failedRecords + batch.oversizeOutputs,
                bytes: batch.inputBytes, recordBytes: batch.recordBytes, processedBytes: batch.processedBytes,
                passedBytes: batch.passedBytes, position: position)
            if let maxErrors = options.maxErrors, summary.errors > maxErrors, summary.ending == .completed {
                summary.ending = .tooManyErrors
                logger.error("stopping: \(summary.errors) documents had errors, more than --max-errors \(maxErrors)")
            }
        }

        var failure: GleanError?
        /// What the task group's children report: a batch read (`nil` when a stop came first),
        /// or a batch analysed.
        enum Event: Sendable {
            case read(Result<RecordBatch?, GleanError>?)
            case processed(BatchProcessor.Processed)
        }
        await withTaskGroup(of: Event.self) { group in
            var inFlight = 0
            var nextSequence = 0
            var nextToWrite = 0
            var waiting: [Int: BatchProcessor.Processed] = [:]
            var reading = true
            var readPending = false
            // One batch is read ahead while the workers run, so a freed slot is refilled at once.
            var ready: RecordBatch?

            /// Starts reading batch `nextSequence` on the reader thread. The read is a child of
            /// the group, so finished batches are written while it waits on a silent pipe, and it
            /// gives up when a stop is requested (SIGTERM must not wait for the next line).
            func startRead() {
                readPending = true
                let sequence = nextSequence
                let read = Task { () -> Result<RecordBatch?, GleanError> in
                    do throws(GleanError) {
                        return .success(
                            try await reader.run { () throws(GleanError) -> RecordBatch? in
                                try input.value.nextBatch(sequence: sequence, maxRecords: batchSize, maxBytes: batchBytes)
                            })
                    } catch {
                        return .failure(error)
                    }
                }
                group.addTask { .read(await Self.awaitRead(read, monitor: monitor)) }
            }

            /// Starts the batch read ahead when a slot is free, and the next read when none is
            /// under way, unless the run is stopping.
            func advance() {
                if reading, failure != nil || summary.ending != .completed {
                    reading = false
                } else if reading, monitor.isStopRequested {
                    summary.ending = .interrupted
                    reading = false
                }
                guard reading else { return }
                if let batch = ready, inFlight < maxInFlight {
                    ready = nil
                    inFlight += 1
                    group.addTask { .processed(await processor.process(batch)) }
                }
                if ready == nil, !readPending { startRead() }
            }

            startRead()
            while let event = await group.next() {
                switch event {
                case .read(nil):
                    readPending = false
                    if summary.ending == .completed { summary.ending = .interrupted }
                    reading = false
                case .read(.failure(let error)?):
                    readPending = false
                    failure = error
                case .read(.success(nil)?):
                    readPending = false
                    reading = false
                case .read(.success(let batch?)?):
                    readPending = false
                    nextSequence += 1
                    ready = batch
                case .processed(let done):
                    inFlight -= 1
                    guard failure == nil else { break }
                    do throws(GleanError) {
                        if ordered {
                            waiting[done.sequence] = done
                            while let next = waiting.removeValue(forKey: nextToWrite) {
                                try await write(next)
                                nextToWrite += 1
                            }
                        } else {
                            try await write(done)
                        }
                    } catch {
                        failure = error
                    }
                }
                advance()
            }
        }
        for stage in pipeline.stages { await stage.stage.shutdown() }
        if let failure { throw failure }
        summary.bytesWritten = output.bytesWritten
        summary.duplicateIDs = tally.duplicateIDs
        summary.skips = tally.skips(stageIDs: pipeline.stages.map(\.id))
        summary.elapsed = clock.now - started
        summary.stageTimes = zip(pipeline.stages, monitor.stageDurations).map {
            RunSummary.StageTime(id: $0.id, duration: $1)
        }
        return summary
    }
}

extension PipelineEngine {
    /// The result of `read`, or `nil` if a stop is requested before it comes.
    static func awaitRead(
        _ read: Task<Result<RecordBatch?, GleanError>, Never>, monitor: RunMonitor
    ) async -> Result<RecordBatch?, GleanError>? {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            let token = monitor.onStop { once.resume(returning: nil) }
            Task {
                let outcome = await read.value
                monitor.removeStopHandler(token)
                once.resume(returning: outcome)
            }
        }
    }
}

/// Hands a non-`Sendable` object to the one thread that uses it.
///
/// The engine gives its source only to the reader queue and its sinks only to the writer
/// queue; each queue is serial, so the object is never used from two threads at once.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
