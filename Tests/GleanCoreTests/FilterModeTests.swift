import Foundation
import GleanCore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Glean as a filter on a pipe whose writer keeps it open, as cluster engines and streaming
/// callers do: results come without closing the pipe, and a stop does not wait for more input.
@Suite("Filter mode on a pipe")
struct FilterModeTests {
    /// A pipe; the writer end stays open until `closeWriter()`.
    final class OpenPipe: @unchecked Sendable {
        let reader: Int32
        private(set) var writer: Int32

        init() throws {
            var descriptors: [Int32] = [0, 0]
            guard pipe(&descriptors) == 0 else { throw GleanError(.unreadableInput, "pipe() failed") }
            reader = descriptors[0]
            writer = descriptors[1]
        }

        /// The reading end as a path the engine can open.
        var readerPath: String { "/dev/fd/\(reader)" }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
        }

        func closeWriter() {
            if writer >= 0 { close(writer) }
            writer = -1
        }

        deinit {
            closeWriter()
            close(reader)
        }
    }

    @Test("lines already read are handed on as a batch when the writer pauses, not held until the batch fills")
    func idleCut() throws {
        let pipe = try OpenPipe()
        pipe.send("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n{\"id\":\"c\",\"text\":")
        let source = LineRecordSource(source: try FileByteSource(path: pipe.readerPath), inputName: "-")
        // Should the cut not happen, closing the pipe ends the read and the count below fails.
        let safety = DispatchWorkItem { pipe.closeWriter() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: safety)
        let started = ContinuousClock.now
        let first = try source.nextBatch(sequence: 0, maxRecords: 512, maxBytes: 1 << 20)
        safety.cancel()
        #expect(first?.records.count == 2)
        #expect(ContinuousClock.now - started < .seconds(10))
        // The cut line is completed by the next write, not lost or split.
        pipe.send("\"three\"}\n")
        pipe.closeWriter()
        let second = try source.nextBatch(sequence: 1, maxRecords: 512, maxBytes: 1 << 20)
        #expect(second?.records.count == 1)
        let text = second.flatMap { batch in batch.records.first.map { String(decoding: batch.storage[$0.range], as: UTF8.self) }
        }
        #expect(text == "{\"id\":\"c\",\"text\":\"three\"}")
        let end = try source.nextBatch(sequence: 2, maxRecords: 512, maxBytes: 1 << 20)
        #expect(end?.records.count == nil)
    }

    @Test("results reach the output while the pipe stays open; a stop ends the run without waiting for input")
    func stopWhileWaiting() async throws {
        let pipe = try OpenPipe()
        let folder = try TemporaryFolder()
        let pipeline = try makePipeline([StageSpec(id: "upper", uses: "uppercase")])
        let monitor = RunMonitor(stageCount: 1)
        pipe.send((1...5).map { #"{"id":"d\#($0)","text":"x\#($0)"}"# }.joined(separator: "\n") + "\n")
        let source = try InputOpener.open(path: pipe.readerPath, format: .jsonl)
        let output = try OutputSink(path: folder.path + "/out.jsonl")
        let run = Task {
            try await PipelineEngine(pipeline: pipeline).run(source: source, output: output, errors: nil, monitor: monitor)
        }
        // Generous limits: the whole suite shares two cores, and starved tasks run late. Without
        // the cut the lines never come while the pipe is open, so the wait ends at the limit.
        let deadline = ContinuousClock.now + .seconds(300)
        while folder.read("out.jsonl").split(separator: "\n").count < 5, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(folder.read("out.jsonl").split(separator: "\n").count == 5, "the results waited for more input")
        monitor.requestStop()
        // Should the stop wait for input, only closing the pipe would end the run: it is closed
        // after 300 s, and the test fails if that is what ended it.
        let safety = Task { () -> Bool in
            try await Task.sleep(for: .seconds(300))
            pipe.closeWriter()
            return true
        }
        let summary = try await run.value
        safety.cancel()
        let closedByTest = (try? await safety.value) ?? false
        #expect(!closedByTest, "the stop waited for the input to end")
        #expect(summary.ending == .interrupted)
        #expect(summary.documents == 5)
        #expect(folder.read("out.jsonl").hasSuffix("\n"))
    }
}
