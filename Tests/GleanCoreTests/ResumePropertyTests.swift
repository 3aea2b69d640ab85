import Foundation
import GleanCore
import PropertyBased
import Testing

/// Random feeds over several files — good lines, bad ones, repeated ids, lines over the input
/// limit, documents whose output is over the output limit, blank lines — run, interrupted at a
/// random batch (cleanly, or as a hard kill that tears the last lines), resumed, and checked:
/// every non-blank input line is accounted for exactly once in the output or the error file,
/// and the result is byte for byte that of an uninterrupted run.
@Suite("Nothing lost, nothing twice: interrupted and resumed runs")
struct ResumePropertyTests {
    /// What one input line is.
    enum Kind: Int, CaseIterable {
        case good, bad, repeatedID, tooLong, outputTooLarge, noID, blank
    }

    /// The maximum output line the runs allow (inputs over 400 bytes are refused by `runLogged`).
    static let maxOutputLine = 300

    /// The lines of file `file`: each document's text carries a marker naming its file and line.
    static func lines(_ kinds: [Int], file: Int) -> [String] {
        kinds.enumerated().map { index, raw in
            let line = index + 1
            let marker = "f\(file)l\(line)"
            switch Kind(rawValue: raw) ?? .good {
            case .good: return #"{"id":"\#(marker)","text":"text of \#(marker)"}"#
            case .bad: return #"{"id":"\#(marker)","text":"#
            case .repeatedID: return #"{"id":"same","text":"again \#(marker)"}"#
            case .tooLong: return #"{"id":"\#(marker)","text":"\#(String(repeating: "x", count: 420))"}"#
            case .outputTooLarge: return #"{"id":"\#(marker)","text":"\#(marker) \#(String(repeating: "y", count: 280))"}"#
            case .noID: return #"{"text":"no id \#(marker)"}"#
            case .blank: return "   "
            }
        }
    }

    @Test("output plus error file hold every input line exactly once, however the run is cut")
    func accountsForEveryLine() async throws {
        let files = Gen.int(in: 0...6).array(of: 0...14).array(of: 1...4)
        let batching = Gen.int(in: 1...4).array(of: 2)
        let stop = Gen.int(in: 0...8)
        let kill = Gen.int(in: -1...12)
        await propertyCheck(count: 60, input: files, batching, stop, kill) { files, batching, stopAfter, killAt in
            // propertyCheck drops what its body throws: record it, so that it fails the test.
            do {
                try await check(
                    files: files, batchSize: batching[0], concurrency: batching[1], stopAfter: stopAfter, killAt: killAt)
            } catch {
                Issue.record(error)
            }
        }
    }

    func check(files: [[Int]], batchSize: Int, concurrency: Int, stopAfter: Int, killAt: Int) async throws {
        let folder = try TemporaryFolder()
        var paths: [String] = []
        var expected = Set<String>()
        for (index, kinds) in files.enumerated() {
            let lines = Self.lines(kinds, file: index)
            paths.append(try folder.file("in\(index).jsonl", contents: lines.map { $0 + "\n" }.joined()))
            for (number, kind) in kinds.enumerated() where kind != Kind.blank.rawValue {
                expected.insert("\(paths[index]):\(number + 1)")
            }
        }
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        var options = EngineOptions(concurrency: concurrency, batchSize: batchSize)
        options.maxOutputLineBytes = Self.maxOutputLine
        let reference = try await runLogged(pipeline, paths, in: folder, name: "reference", options: options)
        _ = try await runLogged(pipeline, paths, in: folder, name: "cut", options: options, stopAfterBatches: stopAfter)
        if killAt >= 0 {
            // A hard kill: only some of the resume file's entries made it, and a line is torn.
            let entries = folder.read("cut.resume.jsonl").split(separator: "\n").map(String.init)
            try writeInterrupted(
                folder, from: "cut", to: "cut", entries: Array(entries.prefix(1 + killAt)), tornOutput: #"{"id":"tor"#,
                tornErrors: #"{"inp"#)
        }
        let state = try ResumeState.load(
            resumePath: folder.path + "/cut.resume.jsonl", outputPath: folder.path + "/cut.jsonl",
            errorPath: folder.path + "/cut.errors.jsonl")
        options.resume = state
        let resumed = try await runLogged(pipeline, paths, in: folder, name: "cut", options: options)

        var seen: [String] = []
        for line in folder.read("cut.jsonl").split(separator: "\n") {
            let value = try JSONParser.parse(String(line))
            let text = value["upper"]?.stringValue ?? ""
            guard let marker = text.split(separator: " ").first(where: { $0.hasPrefix("F") && $0.contains("L") }),
                let lineMark = marker.dropFirst().split(separator: "L").last,
                let file = Int(marker.dropFirst().split(separator: "L")[0])
            else {
                Issue.record("output line without a marker: \(line)")
                continue
            }
            seen.append("\(paths[file]):\(lineMark)")
        }
        for line in folder.read("cut.errors.jsonl").split(separator: "\n") {
            let value = try JSONParser.parse(String(line))
            seen.append("\(value["input"]?.stringValue ?? "?"):\(value["line"]?.intValue ?? 0)")
        }
        #expect(seen.count == expected.count, "every line once: \(seen.count) accounted for, \(expected.count) lines")
        #expect(Set(seen) == expected)
        #expect(folder.read("cut.jsonl") == folder.read("reference.jsonl"))
        #expect(folder.read("cut.errors.jsonl") == folder.read("reference.errors.jsonl"))
        let repeats = files.joined().filter { $0 == Kind.repeatedID.rawValue }.count
        #expect(reference.summary.duplicateIDs == max(0, repeats - 1))
        #expect(resumed.summary.duplicateIDs == reference.summary.duplicateIDs)
        #expect(resumed.summary.records == reference.summary.records)
    }
}
