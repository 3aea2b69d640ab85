import Foundation
import GleanCore
import Testing

@Suite("glean, end to end")
struct EndToEndTests {
    @Test("the quickstart pipeline on the sample corpus gives the golden output")
    func quickstart() throws {
        let result = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", "Pipelines/samples/news.jsonl", "--progress", "never", "--summary", "none",
        ])
        #expect(result.status == 0)
        #expect(result.output == fixture("quickstart.expected.jsonl"))
        #expect(result.errors.isEmpty)
    }

    @Test("the alignment-monitor pipeline on the sample corpus gives the golden output")
    func alignmentMonitor() throws {
        let result = try GleanProcess.run([
            "run", "Pipelines/alignment-monitor.yaml", "-i", "Pipelines/samples/news.jsonl", "--progress", "never", "--summary",
            "none",
        ])
        #expect(result.status == 0)
        #expect(result.output == fixture("alignment-monitor.expected.jsonl"))
    }

    @Test("bad input lines and empty text: golden output and error file, exit status 3")
    func failures() throws {
        let scratch = try Scratch()
        let result = try GleanProcess.run(
            [
                "run", "pipeline.yaml", "-i", "input.jsonl", "-o", scratch.path + "/out.jsonl", "--errors",
                scratch.path + "/out.errors.jsonl", "--progress", "never",
            ], in: GleanProcess.fixtures + "/failures")
        #expect(result.status == 3)
        #expect(scratch.read("out.jsonl") == fixture("failures/expected.jsonl"))
        #expect(scratch.read("out.errors.jsonl") == fixture("failures/expected.errors.jsonl"))
        #expect(result.errors.contains("9 input records, 5 unreadable records"))
    }

    @Test("an invalid pipeline: every mistake with file:line:column, exit status 1, nothing read")
    func invalidPipeline() throws {
        let validate = try GleanProcess.run(["validate", "Tests/GleanCLITests/Fixtures/invalid.yaml"])
        #expect(validate.status == 1)
        #expect(validate.errors == fixture("invalid.expected.txt"))
        let run = try GleanProcess.run(
            ["run", "Tests/GleanCLITests/Fixtures/invalid.yaml", "-i", "/nonexistent"], input: Data())
        #expect(run.status == 1)
        #expect(run.errors == fixture("invalid.expected.txt"))
        let ok = try GleanProcess.run(["validate", "Pipelines/quickstart.yaml"])
        #expect(ok.status == 0 && ok.output.contains("ok"))
    }

    @Test("an unreadable input stops the run with status 1 and a message")
    func unreadableInput() throws {
        let result = try GleanProcess.run(["run", "Pipelines/quickstart.yaml", "-i", "/nonexistent/input.jsonl"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot open input `/nonexistent/input.jsonl`"))
    }

    @Test("byte-identical output at concurrency 1 and 8")
    func concurrency() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", syntheticCorpus(3000))
        let one = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", input, "--concurrency", "1", "--batch-size", "3", "--summary", "none",
        ])
        let eight = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", input, "--concurrency", "8", "--batch-size", "17", "--summary", "none",
        ])
        #expect(one.status == 0 && eight.status == 0)
        #expect(one.output.split(separator: "\n").count == 3000)
        #expect(one.output == eight.output)
    }

    @Test("standard input to standard output, as a filter")
    func filter() throws {
        let input = Data(syntheticCorpus(50).utf8)
        let result = try GleanProcess.run(
            ["run", "Pipelines/quickstart.yaml", "--summary", "none"], input: input)
        #expect(result.status == 0)
        #expect(result.output.split(separator: "\n").count == 50)
    }

    @Test("--shard K/N: the shards partition the input exactly")
    func shards() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", syntheticCorpus(1000))
        var ids: [String] = []
        for shard in 0..<4 {
            let result = try GleanProcess.run([
                "run", "Pipelines/quickstart.yaml", "-i", input, "--shard", "\(shard)/4", "--summary", "none",
            ])
            #expect(result.status == 0)
            let part = result.output.split(separator: "\n").compactMap { (try? JSONParser.parse(String($0)))?["id"]?.stringValue }
            #expect(part.count > 150)
            ids += part
        }
        #expect(ids.count == 1000)
        #expect(Set(ids) == Set((0..<1000).map { "doc-\($0)" }))
        let bad = try GleanProcess.run(["run", "Pipelines/quickstart.yaml", "--shard", "4/4"], input: Data())
        #expect(bad.status != 0 && bad.errors.contains("shard 4 of 4 does not exist"))
    }

    @Test("SIGINT stops cleanly with whole lines; --resume then gives the uninterrupted output")
    func interruptAndResume() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", syntheticCorpus(12_000))
        let reference = try GleanProcess.run(["run", "Pipelines/quickstart.yaml", "-i", input, "--summary", "none"])
        #expect(reference.status == 0)
        let output = scratch.path + "/out.jsonl"
        let running = try GleanProcess.start([
            "run", "Pipelines/quickstart.yaml", "-i", input, "-o", output, "--concurrency", "1", "--batch-size", "4",
            "--progress", "never",
        ])
        let deadline = Date().addingTimeInterval(60)
        while running.process.isRunning, Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            if size > 0 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(running.process.isRunning, "the run finished before it could be interrupted; make the input larger")
        kill(running.process.processIdentifier, SIGINT)
        let interrupted = try GleanProcess.finish(running)
        #expect(interrupted.status == 130)
        #expect(interrupted.errors.contains("interrupted"))
        let partial = scratch.read("out.jsonl")
        #expect(partial.hasSuffix("\n"))
        #expect(reference.output.hasPrefix(partial))
        #expect(partial.count < reference.output.count)
        let resumed = try GleanProcess.run(["run", "Pipelines/quickstart.yaml", "-i", input, "-o", output, "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.errors.contains("already in the output"))
        #expect(scratch.read("out.jsonl") == reference.output)
    }

    @Test("--resume mends an output whose last line was cut by a hard kill")
    func resumeAfterKill() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", syntheticCorpus(200))
        let output = scratch.path + "/out.jsonl"
        let reference = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", input, "-o", output, "--batch-size", "7", "--summary", "none",
        ])
        #expect(reference.status == 0)
        let full = scratch.read("out.jsonl")
        // Killed after 11 batches were recorded, with the next line half written.
        let entries = scratch.read("out.jsonl.resume.jsonl").split(separator: "\n")
        let kept = entries.prefix(12).joined(separator: "\n") + "\n"
        let end = try #require(try JSONParser.parse(String(entries[11]))["output_end"]?.intValue)
        _ = try scratch.write("out.jsonl.resume.jsonl", kept)
        _ = try scratch.write(
            "out.jsonl", String(decoding: Array(full.utf8).prefix(end), as: UTF8.self) + #"{"id":"doc-77","lan"#)
        let resumed = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", input, "-o", output, "--resume", "--summary", "json",
        ])
        #expect(resumed.status == 0)
        #expect(scratch.read("out.jsonl") == full)
        let summary = try JSONParser.parse(resumed.errors.trimmingCharacters(in: .newlines))
        #expect(summary["already_done"] == 77 && summary["documents"] == 123)
    }

    @Test("--resume without the resume file beside a written output refuses, saying why")
    func resumeWithoutState() throws {
        let scratch = try Scratch()
        let input = try scratch.write("in.jsonl", syntheticCorpus(3))
        _ = try scratch.write("out.jsonl", #"{"id":"doc-0"}"# + "\n")
        let result = try GleanProcess.run([
            "run", "Pipelines/quickstart.yaml", "-i", input, "-o", scratch.path + "/out.jsonl", "--resume",
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains("out.jsonl.resume.jsonl` is missing"))
    }

    @Test("no resume file beside a device: -o /dev/null runs without one, --resume says it needs a file")
    func resumeNeedsFile() throws {
        let input = Data(syntheticCorpus(3).utf8)
        let plain = try GleanProcess.run(
            ["run", "Pipelines/quickstart.yaml", "-o", "/dev/null", "--errors", "/dev/null", "--summary", "none"], input: input)
        #expect(plain.status == 0 && plain.errors.isEmpty)
        let resumed = try GleanProcess.run(
            ["run", "Pipelines/quickstart.yaml", "-o", "/dev/null", "--errors", "/dev/null", "--resume"], input: input)
        #expect(resumed.status == 1 && resumed.errors.contains("--resume needs the output to be a file"))
    }

    @Test("--max-errors stops a run early with status 1")
    func maxErrors() throws {
        let input = Data((0..<500).map { _ in "not json" }.joined(separator: "\n").utf8)
        let result = try GleanProcess.run(
            [
                "run", "Pipelines/quickstart.yaml", "--max-errors", "10", "--batch-size", "5", "--concurrency", "1", "--errors",
                "/dev/null",
            ],
            input: input)
        #expect(result.status == 1)
        #expect(result.errors.contains("stopped (too many errors)"))
    }

    @Test("schema, stages, init")
    func otherCommands() throws {
        let schema = try GleanProcess.run(["schema"])
        #expect(schema.status == 0)
        let parsed = try JSONParser.parse(schema.output.trimmingCharacters(in: .newlines))
        #expect(parsed["title"] == "Glean pipeline")
        let outputSchema = try GleanProcess.run(["schema", "--output", "Pipelines/quickstart.yaml"])
        let outputParsed = try JSONParser.parse(outputSchema.output.trimmingCharacters(in: .newlines))
        #expect(outputParsed["required"] == ["id", "title", "published", "language", "stats"])
        let stages = try GleanProcess.run(["stages"])
        #expect(stages.output.hasPrefix("text-stats        1.0.0  Counts characters"))
        let described = try GleanProcess.run(["stages", "text-stats"])
        #expect(described.output.contains("min_script_share: a number from 0 to 1, default 0.01"))
        let misspelt = try GleanProcess.run(["stages", "text-stat"])
        #expect(misspelt.status == 1 && misspelt.errors.contains("did you mean `text-stats`?"))
        let scratch = try Scratch()
        let initialised = try GleanProcess.run(["init", "starter.yaml"], in: scratch.path)
        #expect(initialised.status == 0)
        let validated = try GleanProcess.run(["validate", "starter.yaml"], in: scratch.path)
        #expect(validated.status == 0)
        let again = try GleanProcess.run(["init", "starter.yaml"], in: scratch.path)
        #expect(again.status == 1 && again.errors.contains("use --force"))
    }
}
