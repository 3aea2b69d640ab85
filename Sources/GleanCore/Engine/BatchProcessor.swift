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
        var inputBytes = 0
    }

    let pipeline: Pipeline
    let decoder: RecordDecoder
    let scheduler: BatchScheduler
    let options: EngineOptions

    init(pipeline: Pipeline, options: EngineOptions, monitor: RunMonitor) {
        self.pipeline = pipeline
        self.options = options
        decoder = RecordDecoder(input: pipeline.input, decodesText: !pipeline.stages.isEmpty)
        scheduler = BatchScheduler(stages: pipeline.stages, monitor: monitor)
    }

    func process(_ batch: RecordBatch) async -> Processed {
        var result = Processed(sequence: batch.sequence, records: batch.records.count, inputBytes: batch.inputBytes)
        var decoded: [RecordDecoder.Decoded] = []
        decoded.reserveCapacity(batch.records.count)
        var deadLetters = JSONWriter(capacity: 0)
        batch.storage.withUnsafeBytes { storage in
            for record in batch.records {
                switch decoder.decode(record, storage: storage) {
                case .success(let document):
                    if let shard = options.shard, !shard.contains(id: document.document.id) {
                        result.otherShards += 1
                    } else if let resume = options.resume, resume.completedIDs.contains(document.document.id) {
                        result.alreadyDone += 1
                    } else {
                        decoded.append(document)
                    }
                case .failure(let error):
                    let raw = UnsafeRawBufferPointer(rebasing: storage[record.range])
                    if let shard = options.shard, !shard.contains(unreadable: raw, line: record.origin.line) {
                        result.otherShards += 1
                        continue
                    }
                    result.failedRecords += 1
                    if options.resume?.reportedRecords.contains(record.origin) == true { continue }
                    DeadLetter.writeRecordFailure(
                        error, origin: record.origin, raw: raw, into: &deadLetters)
                }
            }
        }
        let cells = await scheduler.run(decoded.map(\.document))
        var output = JSONWriter(capacity: batch.storage.count + decoded.count * 64)
        batch.storage.withUnsafeBytes { storage in
            for (index, record) in decoded.enumerated() {
                let counts = OutputLine.write(
                    record, index: index, cells: cells, stages: pipeline.stages, keep: pipeline.input.keep,
                    storage: storage, into: &output)
                result.skippedResults += counts.skipped
                if counts.failed > 0 {
                    result.documentsWithErrors += 1
                    for (stageIndex, stage) in pipeline.stages.enumerated() {
                        if case .failed(let code, let message) = cells[stageIndex][index] {
                            DeadLetter.writeStageFailure(
                                document: record.document, stage: stage, code: code, message: message, into: &deadLetters)
                        }
                    }
                }
            }
        }
        result.documents = decoded.count
        result.output = output.bytes
        result.deadLetters = deadLetters.bytes
        return result
    }
}
