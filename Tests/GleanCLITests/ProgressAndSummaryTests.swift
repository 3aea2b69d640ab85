import Foundation
import Testing

@testable import GleanCLI
@testable import GleanCore

@Suite("Progress line and summary")
struct ProgressAndSummaryTests {
    @Test("the progress line shows documents, rates, errors and, with a known size, percent and ETA")
    func progressLine() {
        let monitor = RunMonitor()
        monitor.recordWritten(documents: 12_345, errors: 7, bytes: 25_000_000)
        let line = ProgressDisplay.line(monitor: monitor, totalBytes: 100_000_000, elapsed: .seconds(5))
        #expect(line == "glean: 25%  12,345 docs  2,469 docs/s  5.0 MB/s  7 errors  ETA 0:15")
        let unknownSize = ProgressDisplay.line(monitor: monitor, totalBytes: nil, elapsed: .seconds(5))
        #expect(unknownSize == "glean: 12,345 docs  2,469 docs/s  5.0 MB/s  7 errors")
    }

    @Test("the summary accounts for every record")
    func summaryText() {
        var summary = RunSummary()
        summary.records = 1_010
        summary.documents = 1_000
        summary.failedRecords = 10
        summary.documentsWithErrors = 2
        summary.bytesRead = 4_000_000
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
