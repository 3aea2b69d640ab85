import ArgumentParser
import Foundation
import GleanCore

/// `glean bench`: generates a corpus and measures pipelines on it, beside peer tools run in
/// the same session on the same file.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput on a generated corpus, beside jq and a Python loop on the same file.",
        discussion: """
            Each measurement runs `glean run` as a child process (a release build of this \
            executable) with output to /dev/null, pinned with `taskset` to the number of cores \
            asked (its default concurrency follows), and reads its JSON summary: wall time, MB/s, documents/s and peak memory. \
            Built-in pipelines: `passthrough` (no stages, keeps the text: read, copy id and \
            text, write), `text-stats`, `sentiment`, `noop` (the built-in no-op stage) and \
            `noop-plugin` (the no-op plugin in Plugins/noop, built with the package). With --peers it also times `jq -c '{id, text}'` and a \
            Python json.loads/json.dumps loop doing the same work as `passthrough`.
            """
    )

    @Option(help: "Size of the generated corpus: 500MB, 1GB, 200KB.")
    var size: String = "100MB"

    @Option(help: "Corpus file; generated (once) when missing. Default: bench-data/corpus-SIZE.jsonl.")
    var corpus: String?

    @Option(name: .customLong("pipeline"), help: "A pipeline to measure: passthrough, text-stats, or a file. Repeatable.")
    var pipelines: [String] = ["passthrough", "text-stats"]

    @Flag(help: "Generate one-sentence documents (about 150 bytes) instead of news-length ones.")
    var short = false

    @Option(help: "Core counts to run each pipeline with, comma-separated (runs are pinned with taskset).")
    var cores: String = "\(ProcessorCount.active)"

    @Flag(help: "Also time jq and a Python loop on the same corpus.")
    var peers = false

    @Option(name: .customLong("repeat"), help: "Runs of each measurement; the median is reported.")
    var repetitions: Int = 1

    @Flag(help: "Print the results as a Markdown table.")
    var markdown = false

    @Flag(
        help: "Also measure JSON decoding and encoding on one core: Foundation's coders against Glean's, on 50 MB of the corpus.")
    var codecs = false

    func run() async throws {
        let workDirectory = "bench-data"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let targetBytes = try Self.parseSize(size)
        let corpusPath = corpus ?? "\(workDirectory)/corpus-\(size)\(short ? "-short" : "").jsonl"
        if !FileManager.default.fileExists(atPath: corpusPath) {
            Terminal.standardError.write("glean bench: writing a \(size) corpus to \(corpusPath)…\n")
            let written = try BenchCorpus(targetBytes: targetBytes, short: short).write(to: corpusPath)
            Terminal.standardError.write(
                "glean bench: \(Format.count(written.documents)) documents, \(Format.megabytes(written.bytes))\n")
        }
        let corpusBytes = (try FileManager.default.attributesOfItem(atPath: corpusPath)[.size] as? Int) ?? 0
        let coreCounts = cores.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter {
            $0 >= 1
        }
        guard !coreCounts.isEmpty else { throw ValidationError("--cores takes core counts such as 1,2") }
        let executable = Self.executablePath()
        var rows: [BenchRow] = []
        for pipeline in pipelines {
            let path = try Self.pipelineFile(pipeline, in: workDirectory)
            for count in coreCounts {
                var samples: [BenchRow] = []
                for _ in 0..<max(1, repetitions) {
                    samples.append(
                        try measureGlean(
                            executable: executable, pipeline: path, label: pipeline, cores: count, corpus: corpusPath,
                            corpusBytes: corpusBytes))
                }
                rows.append(Self.median(samples))
                Terminal.standardError.write("glean bench: \(rows.last?.name ?? "") done\n")
            }
        }
        if peers {
            let python = try Self.writePythonPeer(in: workDirectory)
            let peerCommands = [
                ("jq -c '{id, text}'", "jq -c '{id, text}' \(Self.quote(corpusPath)) > /dev/null"),
                ("python json loop", "python3 \(Self.quote(python)) \(Self.quote(corpusPath)) > /dev/null"),
            ]
            for (name, command) in peerCommands {
                var samples: [BenchRow] = []
                for _ in 0..<max(1, repetitions) {
                    samples.append(try measurePeer(name: name, command: command, corpusBytes: corpusBytes))
                }
                rows.append(Self.median(samples))
                Terminal.standardError.write("glean bench: \(name) done\n")
            }
        }
        Terminal.standardOutput.write(Self.table(rows, corpusBytes: corpusBytes, markdown: markdown))
        if codecs {
            let results = try CodecBenchmark(path: corpusPath, bytes: 50_000_000).run()
            var text =
                markdown ? "\n| codec, one core | MB/s |\n|---|---|\n" : "\ncodec, one core                            MB/s\n"
            for result in results {
                let rate = Format.decimal(result.megabytesPerSecond, places: 1)
                text +=
                    markdown
                    ? "| \(result.name) | \(rate) |\n"
                    : result.name.padding(toLength: 43, withPad: " ", startingAt: 0) + rate + "\n"
            }
            Terminal.standardOutput.write(text)
        }
    }

    // MARK: - Measuring

    private func measureGlean(executable: String, pipeline: String, label: String, cores: Int, corpus: String, corpusBytes: Int)
        throws -> BenchRow
    {
        var arguments = [
            executable, "run", pipeline, "-i", corpus, "-o", "/dev/null", "--errors", "/dev/null", "--progress", "never",
            "--summary", "json",
        ]
        var launcher = executable
        if Self.hasTaskset {
            launcher = "/usr/bin/taskset"
            arguments = ["-c", cores == 1 ? "0" : "0-\(cores - 1)"] + arguments
        } else {
            arguments.removeFirst()
        }
        let result = try Self.launch(launcher, arguments)
        guard result.status == 0,
            let line = result.standardError.split(separator: "\n").last,
            let summary = try? JSONParser.parse(String(line))
        else {
            throw GleanError(.stageFailed, "glean run failed (status \(result.status)): \(result.standardError.suffix(500))")
        }
        return BenchRow(
            name: "glean \(label), \(cores) core\(cores == 1 ? "" : "s")", seconds: result.seconds, bytes: corpusBytes,
            documents: summary["documents"]?.intValue, peakBytes: summary["peak_rss_bytes"]?.intValue)
    }

    private func measurePeer(name: String, command: String, corpusBytes: Int) throws -> BenchRow {
        let result = try Self.launch("/bin/sh", ["-c", command])
        guard result.status == 0 else {
            throw GleanError(
                .stageFailed,
                "peer `\(name)` failed (status \(result.status)); is it installed? \(result.standardError.suffix(300))")
        }
        return BenchRow(name: name, seconds: result.seconds, bytes: corpusBytes, documents: nil, peakBytes: nil)
    }

    private static func launch(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, seconds: Double, standardError: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = (clock.now - start).seconds
        return (process.terminationStatus, seconds, String(decoding: data, as: UTF8.self))
    }

    // MARK: - Helpers

    private static var hasTaskset: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") }

    private static func executablePath() -> String {
        #if os(Linux)
            if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return CommandLine.arguments[0]
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Parses `500MB`, `1GB`, `200KB`, `1048576`.
    static func parseSize(_ text: String) throws -> Int {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
        for (suffix, scale) in units where upper.hasSuffix(suffix) {
            if let value = Double(upper.dropLast(suffix.count)) { return Int(value * scale) }
        }
        if let value = Int(upper) { return value }
        throw ValidationError("--size takes a size such as 500MB or 1GB, not `\(text)`")
    }

    private static func pipelineFile(_ name: String, in directory: String) throws -> String {
        let text: String
        switch name {
        case "passthrough":
            text = "pipeline: passthrough\ninput: { format: jsonl, keep: [text] }\nstages: []\n"
        case "text-stats":
            text = "pipeline: text-stats\ninput: { format: jsonl }\nstages:\n  - id: stats\n    uses: text-stats\n"
        case "sentiment":
            text = "pipeline: sentiment\ninput: { format: jsonl }\nstages:\n  - id: tone\n    uses: sentiment\n"
        case "noop":
            text = "pipeline: noop\ninput: { format: jsonl }\nstages:\n  - id: noop\n    uses: noop\n"
        case "noop-plugin":
            let plugins = FileManager.default.currentDirectoryPath + "/Plugins"
            text =
                "pipeline: noop-plugin\ninput: { format: jsonl }\nplugins: [\(plugins)]\nstages:\n  - id: noop\n    uses: plugin:noop\n"
        default:
            return name
        }
        let path = "\(directory)/\(name).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func writePythonPeer(in directory: String) throws -> String {
        let script = """
            import json, sys
            out = sys.stdout
            with open(sys.argv[1], encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    out.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))
                    out.write("\\n")

            """
        let path = "\(directory)/peer_json_loop.py"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static func median(_ samples: [BenchRow]) -> BenchRow {
        let sorted = samples.sorted { $0.seconds < $1.seconds }
        return sorted[sorted.count / 2]
    }

    private static func table(_ rows: [BenchRow], corpusBytes: Int, markdown: Bool) -> String {
        let jq = rows.first { $0.name.hasPrefix("jq") }
        let python = rows.first { $0.name.hasPrefix("python") }
        var header = ["run", "seconds", "MB/s", "docs/s", "peak RSS"]
        if jq != nil { header.append("× jq") }
        if python != nil { header.append("× python") }
        var lines: [[String]] = []
        for row in rows {
            var cells = [
                row.name, Format.decimal(row.seconds, places: 2), Format.decimal(row.megabytesPerSecond, places: 1),
                row.documents.map { Format.count(Int(Double($0) / max(row.seconds, 0.001))) } ?? "",
                row.peakBytes.map(Format.megabytes) ?? "",
            ]
            if let jq { cells.append(Format.decimal(row.megabytesPerSecond / jq.megabytesPerSecond, places: 2)) }
            if let python { cells.append(Format.decimal(row.megabytesPerSecond / python.megabytesPerSecond, places: 2)) }
            lines.append(cells)
        }
        var text = "corpus: \(Format.megabytes(corpusBytes))\n"
        if markdown {
            text += "| " + header.joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: "---|", count: header.count) + "\n"
            for cells in lines { text += "| " + cells.joined(separator: " | ") + " |\n" }
            return text
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        for cells in [header] + lines {
            text += zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ") + "\n"
        }
        return text
    }
}

/// One measurement of `glean bench`.
struct BenchRow {
    var name: String
    var seconds: Double
    var bytes: Int
    var documents: Int?
    var peakBytes: Int?

    var megabytesPerSecond: Double { Double(bytes) / max(seconds, 0.000_001) / 1_000_000 }
}
