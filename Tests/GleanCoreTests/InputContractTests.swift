import Foundation
import GleanCore
import Testing

@Suite("Several inputs, skips by reason, duplicate ids, output bounds")
struct InputContractTests {
    @Test("several inputs are read in the order named, each named in the error file and the summary")
    func severalInputs() async throws {
        let folder = try TemporaryFolder()
        let first = try folder.file("a.jsonl", contents: #"{"id":"a1","text":"one"}"# + "\nnot json\n")
        let second = try folder.file("b.jsonl", contents: #"{"text":"no id"}"# + "\n\n" + #"{"id":"b3","text":"three"}"#)
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        let run = try await runLogged(pipeline, [first, second], in: folder, name: "out", options: EngineOptions(batchSize: 2))
        #expect(
            folder.read("out.jsonl").split(separator: "\n") == [
                #"{"id":"a1","upper":"ONE"}"#, #"{"id":"\#(second):1","upper":"NO ID"}"#, #"{"id":"b3","upper":"THREE"}"#,
            ])
        let error = try JSONParser.parse(folder.read("out.errors.jsonl").trimmingCharacters(in: .newlines))
        #expect(error["input"]?.stringValue == first && error["line"] == 2)
        #expect(
            run.summary.inputs == [
                RunSummary.Input(path: first, records: 2, bytesRead: 34),
                RunSummary.Input(path: second, records: 2, bytesRead: 44),
            ])
        #expect(run.monitor.position == RunMonitor.Position(input: second, line: 3, index: 1, count: 2))
    }

    @Test("patterns and folders expand in byte order; a file named twice is read once")
    func inputList() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/feeds/old", withIntermediateDirectories: true)
        for name in ["feeds/b.jsonl", "feeds/a.jsonl.gz", "feeds/notes.txt", "feeds/old/z.ndjson", "feeds/.hidden.jsonl"] {
            _ = try folder.file(name, contents: "")
        }
        let base = folder.path + "/feeds"
        let fromFolder = try InputList([base], format: .jsonl)
        #expect(fromFolder.paths == [base + "/a.jsonl.gz", base + "/b.jsonl", base + "/old/z.ndjson"])
        let mixed = try InputList([base + "/b.jsonl", base + "/*.jsonl*", "-"], format: .jsonl)
        #expect(mixed.paths == [base + "/b.jsonl", base + "/a.jsonl.gz", "-"])
        #expect(mixed.repeated == [base + "/b.jsonl"])
        #expect(try InputList([base], format: .text).paths == [base])
        #expect(try InputList([base], format: .lines).paths == [base + "/notes.txt"])
        #expect(throws: GleanError.self) { try InputList([base + "/*.csv"], format: .jsonl) }
        #expect(throws: GleanError.self) { try InputList([folder.path + "/missing.jsonl"], format: .jsonl) }
        #expect(throws: GleanError.self) { try InputList([base + "/old/"], format: .lines) }
    }

    @Test("a text input of several folders names each file with its folder")
    func severalFolders() async throws {
        let folder = try TemporaryFolder()
        for name in ["x", "y"] {
            try FileManager.default.createDirectory(atPath: folder.path + "/" + name, withIntermediateDirectories: true)
            _ = try folder.file("\(name)/doc.txt", contents: "from \(name)")
        }
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")], input: InputSpec(format: .text))
        _ = try await runLogged(pipeline, [folder.path + "/x", folder.path + "/y"], in: folder, name: "out")
        #expect(
            folder.read("out.jsonl").split(separator: "\n") == [
                #"{"id":"\#(folder.path)/x/doc.txt","upper":"FROM X"}"#, #"{"id":"\#(folder.path)/y/doc.txt","upper":"FROM Y"}"#,
            ])
    }

    @Test("skipped results are counted per stage and reason, in pipeline order then by count")
    func skipsByReason() async throws {
        let pipeline = try makePipeline([
            StageSpec(id: "fragile", uses: "fragile"), StageSpec(id: "echo", uses: "needs-echo", needs: ["fragile"]),
            StageSpec(id: "upper", uses: "uppercase"),
        ])
        let input = ["skip", "skip", "boom", "  ", "fine"].enumerated().map { #"{"id":"\#($0)","text":"\#($1)"}"# }
            .joined(separator: "\n")
        let result = try await runPipeline(pipeline, input: input, options: EngineOptions(batchSize: 2))
        #expect(
            result.summary.skips == [
                RunSummary.Skip(stage: "fragile", reason: "asked to skip", count: 2),
                RunSummary.Skip(stage: "fragile", reason: "empty text", count: 1),
                RunSummary.Skip(stage: "echo", reason: "needs `fragile`, which was skipped", count: 3),
                RunSummary.Skip(stage: "echo", reason: "needs `fragile`, which failed", count: 1),
                RunSummary.Skip(stage: "upper", reason: "empty text", count: 1),
            ])
        #expect(result.summary.skippedResults == result.summary.skips.map(\.count).reduce(0, +))
    }

    @Test("repeated ids are counted, in this shard only, and not when turned off")
    func duplicateIDs() async throws {
        let pipeline = try makePipeline([])
        let input = ["a1", "a2", "a1", "a3", "a1", "a2"].map { #"{"id":"\#($0)","text":"t"}"# }.joined(separator: "\n")
        let counted = try await runPipeline(pipeline, input: input, options: EngineOptions(batchSize: 2))
        #expect(counted.summary.duplicateIDs == 3)
        #expect(counted.summary.firstDuplicate?.id == "a1" && counted.summary.firstDuplicate?.origin.line == 3)
        var off = EngineOptions()
        off.countsDuplicateIDs = false
        #expect(try await runPipeline(pipeline, input: input, options: off).summary.duplicateIDs == 0)
        var total = 0
        for index in 0..<3 {
            total += try await runPipeline(
                pipeline, input: input, options: EngineOptions(shard: try Shard(index: index, count: 3))
            )
            .summary.duplicateIDs
        }
        #expect(total == 3)
    }

    @Test("a document whose output line would pass the limit goes to the error file, counted")
    func oversizeOutput() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        let long = String(repeating: "word ", count: 60)
        let input = [#"{"id":"short","text":"hi"}"#, #"{"id":"long","text":"\#(long)"}"#].joined(separator: "\n")
        var options = EngineOptions()
        options.maxOutputLineBytes = 200
        let result = try await runPipeline(pipeline, input: input, options: options)
        #expect(result.output == #"{"id":"short","upper":"HI"}"# + "\n")
        let entry = try JSONParser.parse(result.errors.trimmingCharacters(in: .newlines))
        #expect(entry["id"] == "long" && entry["line"] == 2 && entry["code"] == "output_too_large")
        #expect(entry["message"]?.stringValue?.contains("stage `upper`") == true)
        #expect(result.summary.oversizeOutputs == 1 && result.summary.documents == 1 && result.summary.errors == 1)
    }

    @Test("rates count the bytes analysed, not those of refused lines or lines done before")
    func processedBytes() async throws {
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        let folder = try TemporaryFolder()
        let good = #"{"id":"a","text":"fine"}"#
        let path = try folder.file("in.jsonl", contents: good + "\n" + String(repeating: "x", count: 500) + "\n" + good + "\n")
        let first = try await runLogged(pipeline, path, in: folder, name: "out")
        #expect(first.summary.bytesProcessed == 2 * good.utf8.count)
        #expect(first.monitor.recordBytes == 2 * good.utf8.count + 500 && first.monitor.passedBytes == 500)
        let state = ResumeState(done: [path: [1...2]])
        let second = try await runLogged(pipeline, path, in: folder, name: "again", options: EngineOptions(resume: state))
        #expect(second.summary.bytesProcessed == good.utf8.count && second.summary.alreadyDone == 1)
    }

    @Test("resume state: ranges merge, lookups find exactly the lines done")
    func resumeRanges() {
        let state = ResumeState(done: ["a": [5...9, 1...2, 3...4, 20...20], "b": [1...1]])
        #expect(state.done["a"] == [1...9, 20...20])
        #expect(state.doneLineCount == 11)
        for line in 0...22 {
            #expect(state.contains(DocumentOrigin(input: "a", line: line)) == ((1...9).contains(line) || line == 20))
        }
        #expect(!state.contains(DocumentOrigin(input: "c", line: 1)))
    }

    @Test("--resume refuses an output without its resume file, and one changed since")
    func resumeRefusals() throws {
        let folder = try TemporaryFolder()
        let output = try folder.file("out.jsonl", contents: #"{"id":"a"}"# + "\n")
        #expect(throws: GleanError.self) {
            try ResumeState.load(resumePath: folder.path + "/out.resume.jsonl", outputPath: output, errorPath: nil)
        }
        _ = try folder.file(
            "out.resume.jsonl", contents: #"{"glean_resume":1}"# + "\n" + #"{"done":[["in",1,1]],"output_end":99}"# + "\n")
        #expect(throws: GleanError.self) {
            try ResumeState.load(resumePath: folder.path + "/out.resume.jsonl", outputPath: output, errorPath: nil)
        }
        let fresh = try ResumeState.load(
            resumePath: folder.path + "/none.resume.jsonl", outputPath: folder.path + "/none.jsonl", errorPath: nil)
        #expect(fresh.done.isEmpty)
    }
}
