/// Runs a pipeline's stages over one batch of documents: each stage as soon as the stages it
/// needs have finished the batch, stages with no path between them concurrently.
struct BatchScheduler: Sendable {
    let stages: [ConfiguredStage]
    let monitor: RunMonitor

    /// The cells of every stage for every document: `cells[stage][document]`.
    func run(_ documents: [Document]) async -> [[StageCell]] {
        var cells = [[StageCell]](repeating: [], count: stages.count)
        guard !stages.isEmpty, !documents.isEmpty else { return cells }
        // What each stage shared for each document (empty for a stage that shared nothing),
        // for the stages that need it; dropped with the batch.
        var artifacts = [[StageArtifacts]](repeating: [], count: stages.count)
        var finished = Set<Int>()
        var started = Set<Int>()
        await withTaskGroup(of: (Int, [StageCell], [StageArtifacts]).self) { group in
            while finished.count < stages.count {
                for index in stages.indices where !started.contains(index) {
                    guard stages[index].needs.allSatisfy(finished.contains) else { continue }
                    started.insert(index)
                    let job = prepare(index, documents: documents, cells: cells, artifacts: artifacts)
                    let stage = stages[index]
                    let monitor = monitor
                    group.addTask {
                        var result = job.cells
                        var shared: [StageArtifacts] = []
                        guard !job.inputs.isEmpty else { return (index, result, shared) }
                        let clock = ContinuousClock()
                        let begin = clock.now
                        let outcomes = await stage.stage.analyze(batch: job.inputs)
                        monitor.recordStageTime(index, clock.now - begin)
                        for (position, documentIndex) in job.positions.enumerated() {
                            guard position < outcomes.count else {
                                result[documentIndex] = .failed(
                                    code: .stageFailed,
                                    message: "stage returned \(outcomes.count) results for \(job.inputs.count) documents")
                                continue
                            }
                            result[documentIndex] = Self.cell(for: outcomes[position])
                            if case .success(.outputSharing(_, let artifacts)) = outcomes[position], !artifacts.isEmpty {
                                if shared.isEmpty { shared = Array(repeating: StageArtifacts(), count: documents.count) }
                                shared[documentIndex] = artifacts
                            }
                        }
                        return (index, result, shared)
                    }
                }
                guard let (index, result, shared) = await group.next() else { break }
                cells[index] = result
                artifacts[index] = shared
                finished.insert(index)
            }
        }
        return cells
    }

    private struct Job: Sendable {
        var inputs: [StageInput] = []
        var positions: [Int] = []
        var cells: [StageCell]
    }

    /// The inputs for stage `index`, and the cells of documents it will not see (their needs
    /// failed or were skipped, or their text is empty).
    private func prepare(_ index: Int, documents: [Document], cells: [[StageCell]], artifacts: [[StageArtifacts]]) -> Job {
        let stage = stages[index]
        var job = Job(cells: [StageCell](repeating: .skipped(""), count: documents.count))
        job.inputs.reserveCapacity(documents.count)
        job.positions.reserveCapacity(documents.count)
        documentLoop: for (documentIndex, document) in documents.enumerated() {
            var results: [String: JSONValue] = [:]
            var resultsByStage: [String: JSONValue] = [:]
            var artifactsByStage: [String: StageArtifacts] = [:]
            for need in stage.needs {
                let needed = stages[need]
                let value: JSONValue
                switch cells[need][documentIndex] {
                case .output(let output):
                    value = output
                case .serialized(let json):
                    do {
                        value = try json.value
                    } catch {
                        job.cells[documentIndex] = .skipped("needs `\(needed.id)`, whose output could not be read back: \(error)")
                        continue documentLoop
                    }
                case .skipped:
                    job.cells[documentIndex] = .skipped("needs `\(needed.id)`, which was skipped")
                    continue documentLoop
                case .failed:
                    job.cells[documentIndex] = .skipped("needs `\(needed.id)`, which failed")
                    continue documentLoop
                }
                results[needed.id] = value
                resultsByStage[needed.descriptor.name] = value
                if documentIndex < artifacts[need].count, !artifacts[need][documentIndex].isEmpty {
                    artifactsByStage[needed.descriptor.name] = artifacts[need][documentIndex]
                }
            }
            if !stage.descriptor.acceptsEmptyText && Self.isBlank(document.text) {
                job.cells[documentIndex] = .skipped("empty text")
                continue
            }
            job.inputs.append(
                StageInput(
                    document: document, results: results, resultsByStage: resultsByStage, artifactsByStage: artifactsByStage))
            job.positions.append(documentIndex)
        }
        return job
    }

    /// Whether `text` holds nothing but white space.
    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func cell(for outcome: StageOutcome) -> StageCell {
        switch outcome {
        case .success(.output(let value)), .success(.outputSharing(let value, _)): return .output(value)
        case .success(.serialized(let json)): return .serialized(json)
        case .success(.skipped(let reason)): return .skipped(reason)
        case .failure(let error as GleanError): return .failed(code: error.code, message: error.message)
        case .failure(let error as ConfigurationError): return .failed(code: .invalidConfiguration, message: error.description)
        case .failure(let error): return .failed(code: .stageFailed, message: "\(error)")
        }
    }
}
