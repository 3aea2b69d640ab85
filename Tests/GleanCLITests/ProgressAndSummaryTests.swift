import Foundation
import Testing

@testable import GleanCLI
@testable import GleanCore

@Suite("Progress line and summary")
struct ProgressAndSummaryTests {
    @Test("the progress line shows documents, rates, errors and, with a known size, percent and ETA")
    func progressLine() {
        let monitor = RunMonitor()
        monitor.recordWritten(
            documents: 12_345, errors: 7, bytes: 25_000_000, recordBytes: 25_000_000, processedBytes: 25_000_000,
            position: RunMonitor.Position(input: "b.jsonl.gz", line: 4_321, index: 1, count: 3))
        let line = ProgressDisplay.line(monitor: monitor, totalBytes: 100_000_000, elapsed: .seconds(5))
        #expect(line == "glean: 25%  12,345 docs  2,469 docs/s  5.0 MB/s  7 errors  ETA 0:15  b.jsonl.gz:4321 (2/3)")
        let unknownSize = ProgressDisplay.line(monitor: monitor, totalBytes: nil, elapsed: .seconds(5))
        #expect(unknownSize == "glean: 12,345 docs  2,469 docs/s  5.0 MB/s  7 errors  b.jsonl.gz:4321 (2/3)")
    }

    @Test("after --resume passed over most of the input, rates and time left count only what was analysed")
    func progressAfterResume() {
        // 90 MB passed over in a moment, then 5 MB analysed in 10 s: 5 MB left take 10 s more.
        let monitor = RunMonitor()
        monitor.recordWritten(
            documents: 500, errors: 0, bytes: 95_000_000, recordBytes: 95_000_000, processedBytes: 5_000_000,
            passedBytes: 90_000_000, position: RunMonitor.Position(input: "-", line: 9_500))
        let line = ProgressDisplay.line(monitor: monitor, totalBytes: 100_000_000, elapsed: .seconds(10))
        #expect(line == "glean: 95%  500 docs  50.0 docs/s  0.50 MB/s  0 errors  ETA 0:10  stdin:9500")
    }

    @Test("a refused long line does not count as throughput; slow runs show decimals")
    func slowRates() {
        var summary = RunSummary()
        summary.records = 7
        summary.documents = 6
        summary.failedRecords = 1
        summary.bytesRead = 5_006_000
        summary.bytesProcessed = 6_000
        summary.elapsed = .milliseconds(8_800)
        let text = SummaryReport.text(summary, errorFile: nil)
        #expect(text.hasPrefix("glean: done: 6 documents in 8.80 s (0.68 docs/s, 0.00 MB/s)\n"))
        #expect(
            Format.rate(0.6818) == "0.68" && Format.rate(12.34) == "12.3" && Format.rate(5) == "5.0"
                && Format.rate(2_469.2) == "2,469")
    }

    @Test("skips are listed by stage and reason; repeated ids and inputs are in both summaries")
    func skipsAndInputs() {
        var summary = RunSummary()
        summary.records = 20
        summary.documents = 20
        summary.skippedResults = 17
        summary.skips = [
            RunSummary.Skip(stage: "sentiment", reason: "unsupported language: ru", count: 14),
            RunSummary.Skip(stage: "stance", reason: "needs `entities`, which was skipped", count: 3),
        ]
        summary.duplicateIDs = 2
        summary.firstDuplicate = RunSummary.RepeatedID(id: "a1", origin: DocumentOrigin(input: "a.jsonl", line: 5))
        summary.inputs = [
            RunSummary.Input(path: "a.jsonl", records: 12, bytesRead: 1_200),
            RunSummary.Input(path: "b.jsonl.gz", records: 8, bytesRead: 300),
        ]
        summary.elapsed = .seconds(1)
        let text = SummaryReport.text(summary, errorFile: nil)
        #expect(text.contains("  20 input records, 17 skipped stage results, 2 duplicate ids (first `a1` at a.jsonl:5)\n"))
        #expect(text.contains("  skipped by sentiment: unsupported language: ru ×14\n"))
        #expect(text.contains("  skipped by stance: needs `entities`, which was skipped ×3\n"))
        #expect(text.contains("  2 inputs, records each: a.jsonl (12), b.jsonl.gz (8)\n"))
        let json = SummaryReport.json(summary)
        #expect(json["duplicate_ids"] == 2)
        #expect(json["skips"]?.arrayValue?.first == ["stage": "sentiment", "reason": "unsupported language: ru", "count": 14])
        #expect(
            json["inputs"] == [
                ["path": "a.jsonl", "records": 12, "bytes_read": 1_200], ["path": "b.jsonl.gz", "records": 8, "bytes_read": 300],
            ])
    }

    @Test("the summary accounts for every record")
    func summaryText() {
        var summary = RunSummary()
        summary.records = 1_010
        summary.documents = 1_000
        summary.failedRecords = 10
        summary.documentsWithErrors = 2
        summary.bytesRead = 4_000_000
        summary.bytesProcessed = 4_000_000
        summary.elapsed = .seconds(2)
        summary.stageTimes = [RunSummary.StageTime(id: "stats", duration: .milliseconds(1500))]
        let text = SummaryReport.text(summary, errorFile: "out.errors.jsonl")
        #expect(text.hasPrefix("glean: done: 1,000 documents in 2.00 s (500 docs/s, 2.0 MB/s)\n"))
        #expect(text.contains("  1,010 input records, 2 documents with errors, 10 unreadable records\n"))
        #expect(text.contains("failures are listed in `out.errors.jsonl`"))
        #expect(text.contains("  stage stats: 1.50 s\n"))
        let json = SummaryReport.json(summary)
        #expect(json["documents"] == 1_000 && json["failed_records"] == 10 && json["ending"] == "completed")
    }

    @Test("formatting", arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (-1_234_567, "-1,234,567")])
    func counts(value: Int, text: String) {
        #expect(Format.count(value) == text)
    }

    @Test("bench sizes")
    func sizes() throws {
        #expect(try BenchCommand.parseSize("500MB") == 500_000_000)
        #expect(try BenchCommand.parseSize("1.5GB") == 1_500_000_000)
        #expect(try BenchCommand.parseSize("2048") == 2048)
        #expect(throws: (any Error).self) { try BenchCommand.parseSize("lots") }
    }
}
