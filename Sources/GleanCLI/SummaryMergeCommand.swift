import ArgumentParser
import Foundation
import GleanCore
import OrderedCollections

/// `glean summary merge`: one summary of runs over parts of one input (shards, partitions).
struct SummaryMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON summaries of shard or partition runs into one, printed on standard output.",
        discussion: """
            Each file (- for standard input) is what `glean run --summary json 2> FILE` wrote: \
            every line that is a JSON object with an `ending` key is a summary; other lines (log \
            messages, error entries) are passed over. Counts are summed; elapsed_seconds and \
            peak_rss_bytes are the largest (the parts ran side by side) and elapsed_seconds_total \
            their sum; stages are merged by id; the ending is the worst. Values the parts \
            disagree on are left out, listed under `conflicts` and on standard error.
            """
    )

    @Argument(help: "Summary files, or - for standard input.")
    var files: [String]

    func run() async throws {
        var summaries: [JSONValue] = []
        for file in files {
            let found: [JSONValue]
            do {
                found = try Self.summaries(in: file)
            } catch {
                Terminal.standardError.write("glean: error: \(error)\n")
                throw ExitCode.failure
            }
            summaries.append(contentsOf: found)
        }
        let merge = SummaryMerge(summaries)
        var output = merge.merged
        if !merge.conflicts.isEmpty {
            var listed: OrderedDictionary<String, JSONValue> = [:]
            for conflict in merge.conflicts {
                listed[conflict.path] = .array(conflict.values)
                Terminal.standardError.write(
                    "glean: warning: `\(conflict.path)` differs between the summaries ("
                        + conflict.values.map { JSONWriter.string($0) }.joined(separator: ", ") + "); left out\n")
            }
            output["conflicts"] = .object(listed)
        }
        Terminal.standardOutput.write(JSONWriter.string(output) + "\n")
    }

    /// The run summaries in the file at `path` (`-` is standard input).
    static func summaries(in path: String) throws(GleanError) -> [JSONValue] {
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd() ?? Data()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw GleanError(.unreadableInput, "cannot read the summary file `\(path)`") }
        let found = summaries(inText: String(decoding: data, as: UTF8.self))
        guard !found.isEmpty else {
            throw GleanError(
                .unreadableInput,
                "`\(path)` holds no run summary (a JSON object with an `ending` key, as `glean run --summary json` writes)")
        }
        return found
    }

    /// Every line of `text` that is a JSON object with an `ending` key.
    static func summaries(inText text: String) -> [JSONValue] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            guard line.first == "{", let value = try? JSONParser.parse(String(line)), value["ending"] != nil else {
                return nil
            }
            return value
        }
    }
}
