import Foundation
import GleanCore
import Testing

@Suite("Pipeline engine")
struct EngineTests {
    static let input =
        (1...300).map { #"{"id":"d\#($0)","text":"document number \#($0)","n":\#($0)}"# }.joined(separator: "\n") + "\n"

    @Test("writes one line per document with id, kept fields and stage outputs")
    func writesLines() async throws {
        let pipeline = try makePipeline(
            [StageSpec(id: "upper", uses: "uppercase")], input: InputSpec(keep: ["n", "missing"]))
        let result = try await runPipeline(pipeline, input: #"{"id":"a","text":"héllo","n":1.50}"# + "\n")
        #expect(result.output == #"{"id":"a","n":1.50,"missing":null,"upper":"HÉLLO"}"# + "\n")
        #expect(result.errors.isEmpty)
        #expect(result.summary.documents == 1 && result.summary.errors == 0)
    }

    @Test("output bytes are the same at every concurrency and batch size")
    func deterministic() async throws {
        let pipeline = try makePipeline([
            StageSpec(id: "jitter", uses: "jitter"), StageSpec(id: "upper", uses: "uppercase"),
            StageSpec(id: "echo", uses: "needs-echo", needs: ["jitter", "upper"]),
        ])
        let one = try await runPipeline(pipeline, input: Self.input, options: EngineOptions(concurrency: 1, batchSize: 7))
        let eight = try await runPipeline(pipeline, input: Self.input, options: EngineOptions(concurrency: 8, batchSize: 3))
        #expect(one.output == eight.output)
        #expect(one.output.split(separator: "\n").count == 300)
        #expect(
            one.output.hasPrefix(
                #"{"id":"d1","jitter":"d1","upper":"DOCUMENT NUMBER 1","echo":{"jitter":"d1","uppercase":"DOCUMENT NUMBER 1"}}"#))
    }

    @Test("completion order writes every document exactly once")
    func completionOrder() async throws {
        let pipeline = try makePipeline([StageSpec(id: "jitter", uses: "jitter")], order: .completion)
        let result = try await runPipeline(pipeline, input: Self.input, options: EngineOptions(concurrency: 4, batchSize: 5))
        let ids = result.output.split(separator: "\n").map { line -> String in
            (try? JSONParser.parse(String(line)))?["id"]?.stringValue ?? ""
        }
        #expect(Set(ids) == Set((1...300).map { "d\($0)" }))
        #expect(ids.count == 300)
    }

    @Test("bad input lines go to the error file with their line numbers; good ones go on")
    func badLines() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")], input: InputSpec(textField: "body"))
        var bytes = Array(#"{"id":"ok1","body":"fine"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"bad-json","body":"unterminated}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"bad-utf8","body":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"no-text","bdy":"typo"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"not-string","body":42}"#.utf8) + [0x0A]
        bytes += [0x0A]
        bytes += Array(#"{"id":"empty","body":""}"#.utf8) + [0x0A]
        bytes += Array(#"{"body":"no id here"}"#.utf8) + [0x0A]
        let folder = try TemporaryFolder()
        let path = try folder.file("in.jsonl", bytes: bytes)
        let summary = try await PipelineEngine(pipeline: pipeline).run(
            source: try InputOpener.open(path: path, format: .jsonl),
            output: try OutputSink(path: folder.path + "/out.jsonl"),
            errors: try OutputSink(path: folder.path + "/err.jsonl"))
        let output = folder.read("out.jsonl").split(separator: "\n").map(String.init)
        #expect(
            output == [
                #"{"id":"ok1","upper":"FINE"}"#,
                #"{"id":"empty","upper":null,"skipped":{"upper":"empty text"}}"#,
                #"{"id":"8","upper":"NO ID HERE"}"#,
            ])
        let errors = try folder.read("err.jsonl").split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(errors.map { $0["line"]?.intValue } == [2, 3, 4, 5])
        #expect(errors.map { $0["code"]?.stringValue } == ["malformed_json", "invalid_utf8", "missing_text", "missing_text"])
        #expect(errors[2]["message"]?.stringValue?.contains("did you mean `bdy`?") == true)
        #expect(errors.allSatisfy { $0["input"]?.stringValue == path })
        #expect(summary.records == 7 && summary.documents == 3 && summary.failedRecords == 4)
    }

    @Test("a stage that throws gives an error for that document; stages that need it are skipped")
    func stageFailure() async throws {
        let pipeline = try makePipeline([
            StageSpec(id: "fragile", uses: "fragile"),
            StageSpec(id: "echo", uses: "needs-echo", needs: ["fragile"]),
            StageSpec(id: "upper", uses: "uppercase"),
        ])
        let input = [#"{"id":"a","text":"calm"}"#, #"{"id":"b","text":"boom"}"#, #"{"id":"c","text":"skip me"}"#]
            .joined(separator: "\n")
        let result = try await runPipeline(pipeline, input: input)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == #"{"id":"a","fragile":4,"echo":{"fragile":4},"upper":"CALM"}"#)
        #expect(
            lines[1]
                == #"{"id":"b","fragile":null,"echo":null,"upper":"BOOM","skipped":{"echo":"needs `fragile`, which failed"},"errors":[{"stage":"fragile","code":"exploded","message":"the text went boom"}]}"#
        )
        #expect(
            lines[2]
                == #"{"id":"c","fragile":null,"echo":null,"upper":"SKIP ME","skipped":{"fragile":"asked to skip","echo":"needs `fragile`, which was skipped"}}"#
        )
        let dead = try JSONParser.parse(result.errors.trimmingCharacters(in: .newlines))
        #expect(dead["id"] == "b" && dead["stage"] == "fragile" && dead["stage_version"] == "0.9.1" && dead["line"] == 2)
        #expect(result.summary.documentsWithErrors == 1 && result.summary.skippedResults == 3)
    }

    @Test("max errors stops the run early")
    func maxErrors() async throws {
        let pipeline = try makePipeline([StageSpec(id: "fragile", uses: "fragile")])
        let input = (1...2000).map { #"{"id":"\#($0)","text":"boom"}"# }.joined(separator: "\n")
        let result = try await runPipeline(
            pipeline, input: input, options: EngineOptions(concurrency: 2, batchSize: 10, maxErrors: 5))
        #expect(result.summary.ending == .tooManyErrors)
        #expect(result.summary.documents < 2000)
        #expect(result.summary.documentsWithErrors > 5)
    }

    @Test("a stop request finishes what is in flight and writes a prefix of whole lines")
    func stopRequest() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        let monitor = RunMonitor(stageCount: 1)
        monitor.requestStop()
        let result = try await runPipeline(pipeline, input: Self.input, options: EngineOptions(batchSize: 10), monitor: monitor)
        #expect(result.summary.ending == .interrupted)
        #expect(result.summary.documents < 300)
        #expect(result.output.isEmpty || result.output.hasSuffix("\n"))
    }

    @Test("resume continues after the input lines the resume file records, not after ids already written")
    func resume() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        // A feed that reissues `d2` under the same id after the interruption point.
        let input = Self.input + "not json\n" + #"{"id":"d2","text":"updated"}"# + "\n"
        let folder = try TemporaryFolder()
        let inputPath = try folder.file("in.jsonl", contents: input)
        let full = try await runLogged(pipeline, inputPath, in: folder, name: "full", options: EngineOptions(batchSize: 10))
        #expect(full.summary.documents == 301 && full.summary.duplicateIDs == 1)
        // Interrupted after 12 batches: keep the resume file's first 12 entries and a torn line.
        let entries = folder.read("full.resume.jsonl").split(separator: "\n").map(String.init)
        try writeInterrupted(
            folder, from: "full", to: "out", entries: Array(entries.prefix(13)), tornOutput: #"{"id":"d121","upp"#)
        let state = try ResumeState.load(
            resumePath: folder.path + "/out.resume.jsonl", outputPath: folder.path + "/out.jsonl",
            errorPath: folder.path + "/out.errors.jsonl")
        #expect(state.doneLineCount == 120)
        #expect(state.contains(DocumentOrigin(input: inputPath, line: 120)))
        #expect(!state.contains(DocumentOrigin(input: inputPath, line: 121)))
        let resumed = try await runLogged(
            pipeline, inputPath, in: folder, name: "out", options: EngineOptions(batchSize: 7, resume: state))
        #expect(folder.read("out.jsonl") == folder.read("full.jsonl"))
        #expect(folder.read("out.errors.jsonl") == folder.read("full.errors.jsonl"))
        #expect(resumed.summary.alreadyDone == 120 && resumed.summary.documents == 181)
        #expect(resumed.summary.duplicateIDs == 1)
        #expect(folder.read("out.jsonl").hasSuffix(#"{"id":"d2","upper":"UPDATED"}"# + "\n"))
    }

    @Test("shards partition the input exactly")
    func shards() async throws {
        let pipeline = try makePipeline([])
        var seen: [String] = []
        for index in 0..<3 {
            let shard = try Shard(index: index, count: 3)
            let result = try await runPipeline(pipeline, input: Self.input, options: EngineOptions(shard: shard))
            let ids = result.output.split(separator: "\n").compactMap { (try? JSONParser.parse(String($0)))?["id"]?.stringValue }
            #expect(!ids.isEmpty)
            #expect(result.summary.documents + result.summary.otherShards == 300)
            seen += ids
        }
        #expect(seen.count == 300 && Set(seen).count == 300)
    }

    @Test("shards report each unreadable line exactly once, in one shard")
    func shardsWithBadLines() async throws {
        let pipeline = try makePipeline([])
        let bad = (1...40).map { "{\"id\":\"broken-\($0)\",\"text\":" }
        let input = zip(Self.input.split(separator: "\n"), bad).flatMap { [String($0), $1] }.joined(separator: "\n") + "\n"
        var reported: [Int] = []
        var failed = 0
        for index in 0..<3 {
            let result = try await runPipeline(
                pipeline, input: input, options: EngineOptions(shard: try Shard(index: index, count: 3)))
            #expect(result.summary.documents + result.summary.failedRecords + result.summary.otherShards == 80)
            failed += result.summary.failedRecords
            reported += result.errors.split(separator: "\n").compactMap { (try? JSONParser.parse(String($0)))?["line"]?.intValue }
        }
        #expect(failed == 40)
        #expect(reported.sorted() == (1...40).map { 2 * $0 })
    }

    @Test("reads gzip input, also several members concatenated")
    func gzipInput() async throws {
        let folder = try TemporaryFolder()
        let first = try folder.file("a.jsonl", contents: #"{"id":"1","text":"one"}"# + "\n")
        let second = try folder.file("b.jsonl", contents: #"{"id":"2","text":"two"}"# + "\n")
        for path in [first, second] {
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-k", path]
            try gzip.run()
            gzip.waitUntilExit()
        }
        let joined =
            try Data(contentsOf: URL(fileURLWithPath: first + ".gz")) + Data(contentsOf: URL(fileURLWithPath: second + ".gz"))
        let path = try folder.file("both.data", bytes: Array(joined))
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        _ = try await PipelineEngine(pipeline: pipeline).run(
            source: try InputOpener.open(path: path, format: .jsonl),
            output: try OutputSink(path: folder.path + "/out.jsonl"), errors: nil)
        #expect(folder.read("out.jsonl") == #"{"id":"1","upper":"ONE"}"# + "\n" + #"{"id":"2","upper":"TWO"}"# + "\n")
    }

    @Test("truncated gzip input is an error, not a silent end")
    func truncatedGzip() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.file(
            "a.jsonl", contents: String(repeating: #"{"id":"1","text":"one two three"}"# + "\n", count: 500))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [path]
        try gzip.run()
        gzip.waitUntilExit()
        let data = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        let cut = try folder.file("cut.jsonl.gz", bytes: Array(data.prefix(data.count / 2)))
        let pipeline = try makePipeline([])
        await #expect(throws: GleanError.self) {
            _ = try await PipelineEngine(pipeline: pipeline).run(
                source: try InputOpener.open(path: cut, format: .jsonl),
                output: try OutputSink(path: folder.path + "/out.jsonl"), errors: nil)
        }
    }

    @Test("lines input: one document per line, ids are line numbers")
    func linesInput() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")], input: InputSpec(format: .lines))
        let result = try await runPipeline(pipeline, input: "first\r\n\nthird\nlast without newline")
        #expect(
            result.output == [
                #"{"id":"1","upper":"FIRST"}"#, #"{"id":"3","upper":"THIRD"}"#, #"{"id":"4","upper":"LAST WITHOUT NEWLINE"}"#,
            ].joined(separator: "\n") + "\n")
    }

    @Test("text input: one document per file, ids are relative paths in sorted order")
    func folderInput() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/docs/sub", withIntermediateDirectories: true)
        _ = try folder.file("docs/b.txt", contents: "bee")
        _ = try folder.file("docs/a.txt", contents: "ay")
        _ = try folder.file("docs/sub/c.txt", contents: "sea")
        _ = try folder.file("docs/.hidden", contents: "no")
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")], input: InputSpec(format: .text))
        _ = try await PipelineEngine(pipeline: pipeline).run(
            source: try InputOpener.open(path: folder.path + "/docs", format: .text),
            output: try OutputSink(path: folder.path + "/out.jsonl"), errors: nil)
        #expect(
            folder.read("out.jsonl") == [
                #"{"id":"a.txt","upper":"AY"}"#, #"{"id":"b.txt","upper":"BEE"}"#, #"{"id":"sub/c.txt","upper":"SEA"}"#,
            ].joined(separator: "\n") + "\n")
    }
}
