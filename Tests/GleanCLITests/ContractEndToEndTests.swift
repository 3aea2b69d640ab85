import Foundation
import GleanCore
import Testing

/// The input and output contract under real feeds (issue 13): every input line accounted for,
/// nothing dropped silently.
@Suite("glean, nothing lost and nothing silent")
struct ContractEndToEndTests {
    /// A feed that reissues `a1` after the interruption point.
    static let feed =
        ["a1", "a2", "a3", "a4", "a1", "a5"].enumerated()
        .map { #"{"id":"\#($1)","text":"Officials met in Baku on day \#($0)."}"# }.joined(separator: "\n") + "\n"

    @Test("--resume after 3 lines of a feed with a reissued id gives all 6 lines, and the repeat is counted")
    func resumeWithRepeatedIDs() throws {
        let scratch = try Scratch()
        let input = try scratch.write("feed.jsonl", Self.feed)
        let output = scratch.path + "/out.jsonl"
        let arguments = ["run", "Pipelines/quickstart.yaml", "-i", input, "-o", output, "--batch-size", "1"]
        let plain = try GleanProcess.run(arguments + ["--summary", "json"])
        #expect(plain.status == 0)
        #expect(plain.errors.contains("document id `a1` at \(input):5 was seen before"))
        let summary = try JSONParser.parse(String(plain.errors.split(separator: "\n").last ?? ""))
        #expect(summary["duplicate_ids"] == 1)
        let full = scratch.read("out.jsonl")
        // Interrupted once 3 lines were written.
        let entries = scratch.read("out.jsonl.resume.jsonl").split(separator: "\n")
        try #require(entries.count == 7, "a resume file: a first line and one entry per batch of 1")
        let end = try #require(try JSONParser.parse(String(entries[3]))["output_end"]?.intValue)
        _ = try scratch.write("out.jsonl.resume.jsonl", entries.prefix(4).joined(separator: "\n") + "\n")
        _ = try scratch.write("out.jsonl", String(decoding: Array(full.utf8).prefix(end), as: UTF8.self))
        let resumed = try GleanProcess.run(arguments + ["--resume", "--summary", "json"])
        #expect(resumed.status == 0)
        #expect(scratch.read("out.jsonl").split(separator: "\n").count == 6)
        #expect(scratch.read("out.jsonl") == full)
        let after = try JSONParser.parse(String(resumed.errors.split(separator: "\n").last ?? ""))
        #expect(after["already_done"] == 3 && after["documents"] == 3 && after["duplicate_ids"] == 1)
    }

    @Test("several inputs: repeated -i, files after the pipeline, patterns and gzip, each named where it matters")
    func severalInputs() throws {
        let scratch = try Scratch()
        _ = try scratch.write("a.jsonl", #"{"id":"a1","text":"First file."}"# + "\n")
        let plainB = try scratch.write("b.jsonl", #"{"id":"b1","text":"Second file."}"# + "\nnot json\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [plainB]
        try gzip.run()
        gzip.waitUntilExit()
        _ = try scratch.write("c.jsonl", #"{"id":"c1","text":"Third file."}"# + "\n")
        let result = try GleanProcess.run(
            [
                "run", GleanProcess.packageRoot + "/Pipelines/quickstart.yaml", "c.jsonl", "-i", "a.jsonl", "-i", "b.jsonl.gz",
                "-i", "*.jsonl", "-o", "out.jsonl", "--summary", "json",
            ], in: scratch.path)
        #expect(result.status == 3)
        let ids = scratch.read("out.jsonl").split(separator: "\n").compactMap {
            (try? JSONParser.parse(String($0)))?["id"]?.stringValue
        }
        #expect(ids == ["a1", "b1", "c1"])
        let error = try JSONParser.parse(scratch.read("out.jsonl.errors.jsonl").trimmingCharacters(in: .newlines))
        #expect(error["input"] == "b.jsonl.gz" && error["line"] == 2)
        let summary = try JSONParser.parse(String(result.errors.split(separator: "\n").last ?? ""))
        #expect(summary["inputs"]?.arrayValue?.map { $0["path"]?.stringValue ?? "" } == ["a.jsonl", "b.jsonl.gz", "c.jsonl"])
        #expect(summary["inputs"]?.arrayValue?.map { $0["records"]?.intValue ?? 0 } == [1, 2, 1])
        #expect(result.errors.contains("input `c.jsonl` is named more than once"))
        let state = scratch.read("out.jsonl.resume.jsonl")
        #expect(state.contains(#"["b.jsonl.gz",1,2]"#))
        // Run again: the pattern now matches the output too, which is never read.
        let again = try GleanProcess.run(
            ["run", GleanProcess.packageRoot + "/Pipelines/quickstart.yaml", "-i", "*.jsonl", "-o", "out.jsonl"], in: scratch.path
        )
        #expect(again.status == 0 && again.errors.contains("input `out.jsonl` is a file this run writes"))
        #expect(scratch.read("out.jsonl").split(separator: "\n").count == 2)
    }

    @Test("unknown or misspelt bloc ids are validation errors at their position; other capitalisations are accepted")
    func blocIDs() throws {
        let scratch = try Scratch()
        let pipeline = """
            pipeline: blocs
            stages:
              - id: entities
                uses: entities
              - id: stance
                uses: alignment-stance
                needs: [entities]
                with:
                  blocs: [NAT0, eu, Csto]
            """
        let path = try scratch.write("p.yaml", pipeline)
        let result = try GleanProcess.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("p.yaml:9:15: `blocs[0]`: unknown value `NAT0`"))
        #expect(result.errors.contains("did you mean `NATO`?"))
        #expect(!result.errors.contains("`eu`") && !result.errors.contains("`Csto`"))
        let fixed = try scratch.write("ok.yaml", pipeline.replacingOccurrences(of: "NAT0", with: "nato"))
        #expect(try GleanProcess.run(["validate", fixed]).status == 0)
        let input = Data(#"{"id":"x","text":"Finland joined NATO in 2023."}"#.utf8)
        let run = try GleanProcess.run(["run", fixed, "--summary", "none"], input: input)
        #expect(run.status == 0 && run.output.contains(#""bloc":"NATO""#))
    }

    @Test("a document whose output would be too long to read back goes to the error file, counted, exit 3")
    func oversizeOutput() throws {
        let scratch = try Scratch()
        let text = String(repeating: "Georgia wants to join NATO, its president said. ", count: 40)
        let input = try scratch.write(
            "in.jsonl", #"{"id":"long","text":"\#(text)"}"# + "\n" + #"{"id":"short","text":"Hi."}"# + "\n")
        let result = try GleanProcess.run([
            "run", "Pipelines/alignment-monitor.yaml", "-i", input, "-o", scratch.path + "/out.jsonl",
            "--max-output-line-bytes", "4000",
        ])
        #expect(result.status == 3)
        #expect(result.errors.contains("1 documents whose output was too large"))
        #expect(scratch.read("out.jsonl").split(separator: "\n").count == 1)
        let entry = try JSONParser.parse(scratch.read("out.jsonl.errors.jsonl").trimmingCharacters(in: .newlines))
        #expect(entry["id"] == "long" && entry["code"] == "output_too_large")
        // With the default limits the same document is written, its evidence bounded.
        let bounded = try GleanProcess.run(["run", "Pipelines/alignment-monitor.yaml", "-i", input, "--summary", "none"])
        let line = try JSONParser.parse(String(bounded.output.split(separator: "\n")[0]))
        let pair = try #require(line["stance"]?.arrayValue?.first)
        #expect(pair["evidence"]?.arrayValue?.count == 20 && pair["evidence_omitted"] == 20)
    }

    @Test("skipped results are explained by stage and reason in both summaries")
    func skipReasons() throws {
        let input = Data(
            (#"{"id":"en","text":"Finland joined NATO in 2023, officials said."}"# + "\n"
                + #"{"id":"it","text":"La Finlandia è entrata nella NATO nel 2023, hanno detto i funzionari del governo."}"#
                + "\n").utf8)
        let text = try GleanProcess.run(["run", "Pipelines/alignment-monitor.yaml"], input: input)
        #expect(text.errors.contains("skipped by tone: unsupported language: it"))
        let json = try GleanProcess.run(["run", "Pipelines/alignment-monitor.yaml", "--summary", "json"], input: input)
        let summary = try JSONParser.parse(String(json.errors.split(separator: "\n").last ?? ""))
        let skips = summary["skips"]?.arrayValue ?? []
        #expect(
            skips.contains {
                $0["stage"] == "tone" && $0["count"] == 1
                    && ($0["reason"]?.stringValue ?? "").hasPrefix("unsupported language: it")
            })
        #expect(skips.map { $0["count"]?.intValue ?? 0 }.reduce(0, +) == summary["skipped_results"]?.intValue)
    }
}
