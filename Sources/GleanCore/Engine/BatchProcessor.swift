/// Analyses one batch on a worker: decodes its records, applies `--shard` and `--resume`, runs
/// the stages and serialises the output lines and error-file entries.
struct BatchProcessor: Sendable {
    /// A finished batch, ready to be written.
    struct Processed: Sendable {
        var sequence: Int
        var output: [UInt8] = []
        var deadLetters: [UInt8] = []
        var records = 0
        var documents = 0
        var documentsWithErrors = 0
        var failedRecords = 0
        var skippedResults = 0
        var otherShards = 0
        var alreadyDone = 0
        var oversizeOutputs = 0
        var inputBytes = 0
        /// Bytes of all records (uncompressed), of those analysed, and of those passed over
        /// quickly (done by an earlier run, or unreadable), which say nothing of the speed.
        var recordBytes = 0
        var processedBytes = 0
        var passedBytes = 0
        /// Skipped results by stage index and reason.
        var skips: [SkipKey: Int] = [:]
        /// The ids of this shard's documents (analysed or already done), for the duplicate count.
        var ids: [IDSighting] = []
        /// The input lines the batch covers.
        var spans: [InputSpan] = []
    }

    /// A stage and the reason it gave for skipping.
    struct SkipKey: Sendable, Hashable {
        var stage: Int
        var reason: String
    }

    /// A document id as read, hashed on the worker.
    struct IDSighting: Sendable {
        var hash: Int
        var id: String
        var origin: DocumentOrigin
    }

    let pipeline: Pipeline
    let decoder: RecordDecoder
    let scheduler: BatchScheduler
    let options: EngineOptions

    /// A processor; `qualifiesGeneratedIDs` when the run reads several inputs, so that ids made
    /// from line numbers name their input too.
    init(pipeline: Pipeline, options: EngineOptions, monitor: RunMonitor, qualifiesGeneratedIDs: Bool = false) {
        self.pipeline = pipeline
        self.options = options
        decoder = RecordDecoder(
            input: pipeline.input, decodesText: !pipeline.stages.isEmpty, qualifiesGeneratedIDs: qualifiesGeneratedIDs)
        scheduler = BatchScheduler(stages: pipeline.stages, monitor: monitor)
    }

    func process(_ batch: RecordBatch) async -> Processed {
        var result = Processed(
            sequence: batch.sequence, records: batch.records.count, inputBytes: batch.inputBytes, spans: batch.spans)
        var decoded: [RecordDecoder.Decoded] = []
        decoded.reserveCapacity(batch.records.count)
        var deadLetters = JSONWriter(capacity: 0)
        batch.storage.withUnsafeBytes { storage in
            for record in batch.records {
                result.recordBytes += record.byteCount
                let done = options.resume?.contains(record.origin) == true
                switch decoder.decode(record, storage: storage) {
                case .success(let document):
                    if let shard = options.shard, !shard.contains(id: document.document.id) {
                        result.otherShards += 1
                        continue
                    }
                    if options.countsDuplicateIDs {
                        result.ids.append(
                            IDSighting(hash: document.document.id.hashValue, id: document.document.id, origin: record.origin))
                    }
                    if done {
                        result.alreadyDone += 1
                        result.passedBytes += record.byteCount
                    } else {
                        result.processedBytes += record.byteCount
                        decoded.append(document)
                    }
                case .failure(let error):
                    let raw = UnsafeRawBufferPointer(rebasing: storage[record.range])
                    if let shard = options.shard, !shard.contains(unreadable: raw, line: record.origin.line) {
                        result.otherShards += 1
                        continue
                    }
                    // Counted again on resume (the exit status covers the whole input), written once.
                    result.failedRecords += 1
                    result.passedBytes += record.byteCount
                    if done { continue }
                    DeadLetter.writeRecordFailure(
                        error, origin: record.origin, raw: raw, into: &deadLetters)
                }
            }
        }
        let cells = await scheduler.run(decoded.map(\.document))
        var output = JSONWriter(capacity: batch.storage.count + decoded.count * 64)
        batch.storage.withUnsafeBytes { storage in
            for (index, record) in decoded.enumerated() {
                let start = output.bytes.count
                let written = OutputLine.write(
                    record, index: index, cells: cells, stages: pipeline.stages, keep: pipeline.input.keep,
                    detail: pipeline.output.detail, storage: storage, into: &output)
                let length = output.bytes.count - start - 1
                if length > options.maxOutputLineBytes {
                    output.truncate(to: start)
                    result.oversizeOutputs += 1
                    DeadLetter.writeDocumentFailure(
                        document: record.document, code: .outputTooLarge,
                        message: oversizeMessage(length: length, largest: written.largest), into: &deadLetters)
                    continue
                }
                result.documents += 1
                result.skippedResults += written.skipped.count
                for skip in written.skipped { result.skips[SkipKey(stage: skip.stage, reason: skip.reason), default: 0] += 1 }
                if written.failed > 0 {
                    result.documentsWithErrors += 1
                    for (stageIndex, stage) in pipeline.stages.enumerated() {
                        if case .failed(let code, let message) = cells[stageIndex][index] {
                            DeadLetter.writeDocumentFailure(
                                document: record.document, stage: stage, code: code, message: message, into: &deadLetters)
                        }
                    }
                }
            }
        }
        result.output = output.bytes
        result.deadLetters = deadLetters.bytes
        return result
    }

    private func oversizeMessage(length: Int, largest: (stage: Int, bytes: Int)?) -> String {
        var message =
            "the output line would be \(length) bytes, over the limit of \(options.maxOutputLineBytes) that glean writes and reads back (--max-output-line-bytes)"
        if let largest {
            let stage = pipeline.stages[largest.stage]
            message +=
                "; stage `\(stage.id)` (`\(stage.descriptor.name)`) gave \(largest.bytes) bytes of it: lower its output limits (`glean stages \(stage.descriptor.name)`)"
        }
        return message
    }
}
