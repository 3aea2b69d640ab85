import Logging

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
        // The next batch is read while the workers run, so a free slot is refilled at once.
        func startRead(_ sequence: Int) -> Task<Result<RecordBatch?, GleanError>, Never> {
            Task {
                do throws(GleanError) {
                    return .success(
                        try await reader.run { () throws(GleanError) -> RecordBatch? in
                            try input.value.nextBatch(sequence: sequence, maxRecords: batchSize, maxBytes: batchBytes)
                        })
                } catch {
                    return .failure(error)
                }
            }
        }
        var prefetch: Task<Result<RecordBatch?, GleanError>, Never>? = startRead(0)
        await withTaskGroup(of: BatchProcessor.Processed.self) { group in
            var inFlight = 0
            var nextSequence = 0
            var nextToWrite = 0
            var waiting: [Int: BatchProcessor.Processed] = [:]
            var reading = true

            /// Starts batches until `maxInFlight` are running or the input ends.
            func fill() async {
                while reading, inFlight < maxInFlight, let pending = prefetch {
                    if failure != nil || summary.ending != .completed {
                        reading = false
                        return
                    }
                    if monitor.isStopRequested {
                        summary.ending = .interrupted
                        reading = false
                        return
                    }
                    switch await pending.value {
                    case .failure(let error):
                        failure = error
                        prefetch = nil
                    case .success(nil):
                        prefetch = nil
                    case .success(let batch?):
                        nextSequence += 1
                        prefetch = startRead(nextSequence)
                        inFlight += 1
                        group.addTask { await processor.process(batch) }
                    }
                }
            }

            await fill()
            while let done = await group.next() {
                inFlight -= 1
                await fill()
                guard failure == nil else { continue }
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
        }
        if let pending = prefetch {
            // A read still under way when the run stopped early: let it finish before returning.
            _ = await pending.value
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

/// Hands a non-`Sendable` object to the one thread that uses it.
///
/// The engine gives its source only to the reader queue and its sinks only to the writer
/// queue; each queue is serial, so the object is never used from two threads at once.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
