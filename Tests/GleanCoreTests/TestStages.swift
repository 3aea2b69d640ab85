import Foundation
import GleanCore
import OrderedCollections

/// Upper-cases the text; counts characters when asked.
struct UppercaseStage: Stage {
    struct Configuration: Decodable, Sendable {
        var withLength: Bool
    }

    static let descriptor = StageDescriptor(
        name: "uppercase", version: "1.2.0", summary: "Upper-cases the text.",
        configuration: [
            ConfigurationField("with_length", type: .boolean, default: false, summary: "Also give the length.")
        ])

    let withLength: Bool

    init(configuration: Configuration, context: StageContext) {
        withLength = configuration.withLength
    }

    func analyze(_ input: StageInput) async throws -> StageResult {
        if withLength {
            return .output(["upper": .string(input.text.uppercased()), "length": .int(input.text.unicodeScalars.count)])
        }
        return .output(.string(input.text.uppercased()))
    }
}

/// Fails on documents whose text contains "boom"; skips those containing "skip".
struct FragileStage: Stage {
    static let descriptor = StageDescriptor(name: "fragile", version: "0.9.1", summary: "Fails on `boom`.")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        if input.text.contains("boom") {
            throw GleanError(GleanError.Code("exploded"), "the text went boom")
        }
        if input.text.contains("skip") { return .skipped(reason: "asked to skip") }
        return .output(.int(input.text.count))
    }
}

/// Reports what it read from the stages it needs, by stage name.
struct NeedsEchoStage: Stage {
    static let descriptor = StageDescriptor(name: "needs-echo", version: "1.0.0", summary: "Echoes needed results.")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        .output(.object(.init(uniqueKeysWithValues: input.resultsByStage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
    }
}

/// Sleeps a pseudo-random time per document so batches finish out of order.
struct JitterStage: Stage {
    static let descriptor = StageDescriptor(name: "jitter", version: "1.0.0", summary: "Sleeps a little.")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        let microseconds = Int(Shard.hash(input.document.id) % 400)
        try await Task.sleep(for: .microseconds(microseconds))
        return .output(.string(input.document.id))
    }
}

/// A setting a stage rejects in its initializer.
struct PickyStage: Stage {
    struct Configuration: Decodable, Sendable {
        var level: Int
    }

    static let descriptor = StageDescriptor(
        name: "picky", version: "1.0.0", summary: "Takes an even level.",
        configuration: [ConfigurationField("level", type: .integer(min: 0, max: 10), required: true, summary: "An even level.")])

    init(configuration: Configuration, context: StageContext) throws {
        guard configuration.level % 2 == 0 else { throw ConfigurationError(field: "level", "must be even") }
    }

    func analyze(_ input: StageInput) async throws -> StageResult { .output(.null) }
}

/// Gives its output as JSON text: the text's length and its words, the words left out below
/// `full` detail.
struct WordListStage: Stage {
    static let descriptor = StageDescriptor(
        name: "word-list", version: "1.0.0", summary: "Lists the words.", outputTrim: OutputTrim(compact: ["words"]))
    static let length = JSONKey("length")
    static let words = JSONKey("words")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        .serialized(
            SerializedJSON.object { object in
                object.write(Self.length, .int(input.text.unicodeScalars.count))
                object.writeArray(Self.words) { array in
                    for word in input.text.split(separator: " ") { array.append(.string(String(word))) }
                }
            })
    }
}

/// What ``SharingStage`` hands on: the text's words.
struct SharedWords: Sendable {
    var words: [String]
}

/// Outputs the number of words, sharing the words themselves (``SharedWords``); skips texts
/// containing "skip".
struct SharingStage: Stage {
    static let descriptor = StageDescriptor(name: "sharing", version: "1.0.0", summary: "Counts words, shares them.")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        if input.text.contains("skip") { return .skipped(reason: "asked to skip") }
        let words = input.text.split(separator: " ").map(String.init)
        var artifacts = StageArtifacts()
        artifacts[SharedWords.self] = SharedWords(words: words)
        return .outputSharing(.int(words.count), artifacts)
    }
}

/// Outputs the words `sharing` shared, or `null` when it received none.
struct ArtifactReaderStage: Stage {
    static let descriptor = StageDescriptor(name: "artifact-reader", version: "1.0.0", summary: "Reads shared words.")

    init(configuration: NoConfiguration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult {
        guard let shared = input.artifacts(from: "sharing")?[SharedWords.self] else { return .output(.null) }
        return .output(.array(shared.words.map(JSONValue.string)))
    }
}

let testRegistry = StageRegistry([
    UppercaseStage.self, FragileStage.self, NeedsEchoStage.self, JitterStage.self, PickyStage.self, WordListStage.self,
    SharingStage.self, ArtifactReaderStage.self,
])

/// A temporary folder removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "glean-core-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String, contents: String) throws -> String {
        try file(name, bytes: Array(contents.utf8))
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: path + "/" + name, encoding: .utf8)) ?? ""
    }
}

/// Runs `pipeline` over `input` text and returns the output and error file contents.
func runPipeline(
    _ pipeline: Pipeline,
    input: String,
    options: EngineOptions = EngineOptions(),
    monitor: RunMonitor = RunMonitor()
) async throws -> (output: String, errors: String, summary: RunSummary) {
    let folder = try TemporaryFolder()
    let inputPath = try folder.file("input.jsonl", contents: input)
    let source = try InputOpener.open(path: inputPath, format: pipeline.input.format)
    let output = try OutputSink(path: folder.path + "/out.jsonl")
    let errors = try OutputSink(path: folder.path + "/errors.jsonl")
    let summary = try await PipelineEngine(pipeline: pipeline, options: options).run(
        source: source, output: output, errors: errors, monitor: monitor)
    return (folder.read("out.jsonl"), folder.read("errors.jsonl"), summary)
}

/// Builds a pipeline from stage entries against ``testRegistry``.
func makePipeline(
    _ stages: [StageSpec],
    input: InputSpec = InputSpec(),
    order: OutputOrder = .input
) throws -> Pipeline {
    try PipelineBuilder(registry: testRegistry).build(
        PipelineSpec(name: "test", input: input, output: OutputSpec(order: order), stages: stages))
}

/// Runs `pipeline` over the file at `inputPath` writing `NAME.jsonl`, `NAME.errors.jsonl` and
/// `NAME.resume.jsonl` in `folder`, appending when `options.resume` is set.
func runLogged(
    _ pipeline: Pipeline,
    _ inputPaths: [String],
    in folder: TemporaryFolder,
    name: String,
    options: EngineOptions = EngineOptions(),
    stopAfterBatches: Int? = nil
) async throws -> (summary: RunSummary, monitor: RunMonitor) {
    let mode: OutputSink.Mode = options.resume == nil ? .truncate : .append
    let monitor = RunMonitor(stageCount: pipeline.stages.count)
    var source = try InputOpener.open(paths: inputPaths, format: pipeline.input.format, maximumLineBytes: 400)
    if let stopAfterBatches { source = StoppingSource(source, after: stopAfterBatches, monitor: monitor) }
    let summary = try await PipelineEngine(pipeline: pipeline, options: options).run(
        source: source, output: try OutputSink(path: folder.path + "/\(name).jsonl", mode: mode),
        errors: try OutputSink(path: folder.path + "/\(name).errors.jsonl", mode: mode),
        resumeLog: try ResumeLog(
            path: folder.path + "/\(name).resume.jsonl", resuming: options.resume != nil, pipeline: pipeline.name,
            inputs: inputPaths),
        monitor: monitor)
    return (summary, monitor)
}

/// ``runLogged(_:_:in:name:options:stopAfterBatches:)`` over one input.
func runLogged(
    _ pipeline: Pipeline, _ inputPath: String, in folder: TemporaryFolder, name: String,
    options: EngineOptions = EngineOptions()
) async throws -> (summary: RunSummary, monitor: RunMonitor) {
    try await runLogged(pipeline, [inputPath], in: folder, name: name, options: options)
}

/// Writes `TO.jsonl`, `TO.errors.jsonl` and `TO.resume.jsonl` as a run killed after writing the
/// resume file's `entries` (header first) of the run `FROM` would have left them, with
/// `tornOutput` half-written after them.
func writeInterrupted(
    _ folder: TemporaryFolder, from: String, to: String, entries: [String], tornOutput: String = "",
    tornErrors: String = ""
) throws {
    var outputEnd = 0
    var errorsEnd = 0
    for entry in entries {
        let value = try JSONParser.parse(entry)
        if let end = value["output_end"]?.intValue { outputEnd = end }
        if let end = value["errors_end"]?.intValue { errorsEnd = end }
    }
    let output = Array(folder.read("\(from).jsonl").utf8)
    let errors = Array(folder.read("\(from).errors.jsonl").utf8)
    _ = try folder.file("\(to).jsonl", bytes: Array(output.prefix(outputEnd)) + Array(tornOutput.utf8))
    _ = try folder.file("\(to).errors.jsonl", bytes: Array(errors.prefix(errorsEnd)) + Array(tornErrors.utf8))
    _ = try folder.file("\(to).resume.jsonl", contents: entries.map { $0 + "\n" }.joined())
}

/// A source that asks the run to stop once it has handed out `after` batches, as Ctrl-C would.
final class StoppingSource: RecordSource {
    private let upstream: any RecordSource
    private let after: Int
    private let monitor: RunMonitor
    private var handed = 0

    init(_ upstream: any RecordSource, after: Int, monitor: RunMonitor) {
        self.upstream = upstream
        self.after = after
        self.monitor = monitor
        if after == 0 { monitor.requestStop() }
    }

    var bytesConsumed: Int { upstream.bytesConsumed }
    var totalBytes: Int? { upstream.totalBytes }
    var inputNames: [String] { upstream.inputNames }

    func nextBatch(sequence: Int, maxRecords: Int, maxBytes: Int) throws(GleanError) -> RecordBatch? {
        let batch = try upstream.nextBatch(sequence: sequence, maxRecords: maxRecords, maxBytes: maxBytes)
        handed += 1
        if handed >= after { monitor.requestStop() }
        return batch
    }
}
