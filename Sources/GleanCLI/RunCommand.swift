import ArgumentParser
import Foundation
import GleanCore
import Logging

/// `glean run`: runs a pipeline over documents and writes one JSON line per document.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over documents, writing one JSON object per document.",
        discussion: """
            Exit status: 0 when every document was analysed cleanly; 3 when the run finished but \
            some documents or input lines had errors (listed in the error file); 1 when the run \
            could not proceed (invalid pipeline, unreadable input, --max-errors exceeded); 130 \
            when interrupted. Ctrl-C stops cleanly: finished documents are written whole, and \
            --resume continues where the run stopped.

            Inputs: -i (repeatable) and the files after the pipeline, read in that order; a \
            quoted pattern ('feeds/*.jsonl.gz') is expanded by glean, and a folder stands for its \
            .jsonl/.jsonl.gz files (format jsonl) or .txt/.txt.gz files (format lines), sorted.
            """
    )

    /// When the progress line is shown.
    enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    /// How the final summary is written.
    enum SummaryMode: String, ExpressibleByArgument, CaseIterable {
        case text, json, none
    }

    /// Whether repeated document ids are counted.
    enum DuplicateIDMode: String, ExpressibleByArgument, CaseIterable {
        case count, off
    }

    @Argument(help: "The pipeline file.")
    var pipeline: String

    @Argument(help: "More input files (after -i's), so that a shell's glob can name them.")
    var files: [String] = []

    @Option(
        name: [.short, .customLong("input")],
        help:
            "Input file, pattern, folder or - for standard input; repeatable, read in order; .gz is decompressed. Default: standard input."
    )
    var input: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output file, or - for standard output.")
    var output: String = "-"

    @Option(
        name: .customLong("errors"),
        help:
            "Error file for failed documents and unreadable lines (JSON Lines). Default: OUTPUT.errors.jsonl, or standard error when writing to standard output."
    )
    var errorFile: String?

    @Flag(
        help:
            "Continue an interrupted run: skip the input lines its resume file records as done (by file and line), and append."
    )
    var resume = false

    @Option(
        help:
            "The resume file, recording which input lines are done (default: OUTPUT.resume.jsonl; written whenever -o is a file)."
    )
    var resumeFile: String?

    @Option(help: "Batches in flight at once (default: twice the number of cores available).")
    var concurrency: Int?

    @Option(help: "Documents per batch.")
    var batchSize: Int = 512

    @Option(help: "Analyse only shard K of N (K from 0), by a stable hash of the document id.")
    var shard: String?

    @Option(help: "Stop once more than N documents or input lines have failed.")
    var maxErrors: Int?

    @Option(help: "Refuse input lines (or files) longer than this many bytes.")
    var maxLineBytes: Int = 64 << 20

    @Option(
        help:
            "Send a document whose output line would be longer than this many bytes to the error file instead (default 64 MiB, what glean reads back)."
    )
    var maxOutputLineBytes: Int = 64 << 20

    @Option(help: "Count documents whose id an earlier one had (count; 16 to 32 bytes of memory per document), or not (off).")
    var duplicateIds: DuplicateIDMode = .count

    @Option(help: "Show a progress line on standard error: auto (on a terminal), always, never.")
    var progress: ProgressMode = .auto

    @Option(help: "The summary at the end, on standard error: text, json, none.")
    var summary: SummaryMode = .text

    @Option(
        help:
            "How much of each result to write: full, compact (no evidence or offsets), minimal (labels). Default: the pipeline's output.detail, else full."
    )
    var outputDetail: OutputDetail?

    @Option(
        name: .customLong("table"),
        help: "Also write a flat table from the output: pairs=FILE, entities=FILE or documents=FILE (.csv, .parquet, .jsonl).")
    var tables: [TableRequest] = []

    func validate() throws {
        if resume && output == "-" {
            throw ValidationError("--resume needs an output file (-o FILE): it continues the output written there")
        }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if maxOutputLineBytes < 1 { throw ValidationError("--max-output-line-bytes must be at least 1") }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let maxErrors, maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.message) }
        }
        try validateTables()
    }

    func run() async throws {
        let logger = CommandContext.logger
        var pipeline = try PipelineLoading.build(path: self.pipeline, registry: CommandContext.registry, logger: logger)
        if let outputDetail { pipeline.output.detail = outputDetail }
        let errorPath = errorFile ?? (output == "-" ? nil : output + ".errors.jsonl")
        let result: RunSummary
        do {
            result = try await execute(pipeline, errorPath: errorPath)
            if result.ending == .completed { try await writeTables() }
        } catch {
            Terminal.standardError.write("glean: error: \(error)\n")
            throw ExitCode.failure
        }
        switch summary {
        case .text: Terminal.standardError.write(SummaryReport.text(result, errorFile: errorPath))
        case .json: Terminal.standardError.write(JSONWriter.string(SummaryReport.json(result)) + "\n")
        case .none: break
        }
        switch result.ending {
        case .interrupted: throw ExitCode(130)
        case .tooManyErrors: throw ExitCode.failure
        case .completed: if result.errors > 0 { throw ExitCode(3) }
        }
    }

    /// The inputs in reading order: `-i`'s, then the files after the pipeline; standard input
    /// when none is named.
    var inputArguments: [String] {
        let named = input + files
        return named.isEmpty ? ["-"] : named
    }

    /// Whether `path` names a regular file, or nothing yet (`-` is standard output: no).
    static func isFileOrAbsent(_ path: String) -> Bool {
        guard path != "-" else { return false }
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else {
            return true
        }
        return type == .typeRegular
    }

    /// Opens the input and outputs and runs the engine, with signals trapped and progress shown.
    private func execute(_ pipeline: Pipeline, errorPath: String?) async throws(GleanError) -> RunSummary {
        var options = EngineOptions(
            concurrency: concurrency ?? EngineOptions.defaultConcurrency, batchSize: batchSize, maxErrors: maxErrors)
        options.maxOutputLineBytes = maxOutputLineBytes
        options.countsDuplicateIDs = duplicateIds == .count
        if let shard { options.shard = try Shard(parsing: shard) }
        // A resume file only beside a file: not for standard output, /dev/null or a pipe.
        let resumePath = Self.isFileOrAbsent(output) ? resumeFile ?? output + ".resume.jsonl" : nil
        if resume && resumePath == nil {
            throw GleanError(.invalidArgument, "--resume needs the output to be a file; `\(output)` is not one")
        }
        var inputs = try InputList(inputArguments, format: pipeline.input.format)
        var warned = Set<String>()
        for path in inputs.repeated where warned.insert(path).inserted {
            CommandContext.logger.warning("input `\(path)` is named more than once; it is read once")
        }
        // A pattern such as `*.jsonl` can match this run's own output: never read what it writes.
        let written = Set([output, errorPath, resumePath].compactMap { $0 }.filter { $0 != "-" }.map(InputList.key))
        for path in inputs.paths where written.contains(InputList.key(path)) {
            CommandContext.logger.warning("input `\(path)` is a file this run writes; it is not read")
        }
        inputs.paths.removeAll { written.contains(InputList.key($0)) }
        guard !inputs.paths.isEmpty else { throw GleanError(.invalidArgument, "no input left to read") }
        if resume, let resumePath {
            let outputPath = output
            options.resume = try await BlockingIOQueue(label: "glean.resume").run { () throws(GleanError) -> ResumeState in
                try ResumeState.load(resumePath: resumePath, outputPath: outputPath, errorPath: errorPath)
            }
        }
        let source = try InputOpener.open(paths: inputs.paths, format: pipeline.input.format, maximumLineBytes: maxLineBytes)
        let mode: OutputSink.Mode = resume ? .append : .truncate
        let sink = try OutputSink(path: output, mode: mode)
        let errorSink: OutputSink
        if let errorPath {
            errorSink = try OutputSink(path: errorPath, mode: mode)
        } else {
            errorSink = OutputSink(descriptor: 2, name: "standard error")
        }
        let resumeLog = try resumePath.map { path throws(GleanError) in
            try ResumeLog(path: path, resuming: resume, pipeline: pipeline.name, inputs: inputs.paths)
        }
        let monitor = RunMonitor(stageCount: pipeline.stages.count)
        let trap = SignalTrap(monitor: monitor)
        defer { trap.remove() }
        let showProgress = progress == .always || (progress == .auto && Terminal.standardError.isTerminal)
        let display = showProgress ? ProgressDisplay(monitor: monitor, totalBytes: source.totalBytes) : nil
        defer { display?.stop() }
        let engine = PipelineEngine(pipeline: pipeline, options: options, logger: CommandContext.logger)
        return try await engine.run(source: source, output: sink, errors: errorSink, resumeLog: resumeLog, monitor: monitor)
    }
}

extension OutputDetail: ExpressibleByArgument {}
