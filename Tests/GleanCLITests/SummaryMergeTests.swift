import Foundation
import GleanCore
import Testing

@testable import GleanCLI

@Suite("glean summary merge")
struct SummaryMergeTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test("counters are summed, elapsed time and memory take the largest, stages are merged by id")
    func todaysKeys() throws {
        let first = try parse(
            #"{"ending":"completed","records":10,"documents":9,"documents_with_errors":1,"failed_records":1,"#
                + #""skipped_results":0,"other_shards":20,"already_done":0,"bytes_read":1000,"bytes_written":900,"#
                + #""elapsed_seconds":2.5,"peak_rss_bytes":300,"stages":[{"id":"language","seconds":1.5},{"id":"stats","seconds":0.5}]}"#
        )
        let second = try parse(
            #"{"ending":"completed","records":20,"documents":20,"documents_with_errors":0,"failed_records":0,"#
                + #""skipped_results":2,"other_shards":10,"already_done":0,"bytes_read":2000,"bytes_written":1800,"#
                + #""elapsed_seconds":1.5,"peak_rss_bytes":500,"stages":[{"id":"stats","seconds":1.0},{"id":"language","seconds":2.0}]}"#
        )
        let merge = SummaryMerge([first, second])
        #expect(merge.conflicts.isEmpty)
        let merged = merge.merged
        #expect(merged["records"] == .int(30))
        #expect(merged["documents"] == .int(29))
        #expect(merged["documents_with_errors"] == .int(1))
        #expect(merged["failed_records"] == .int(1))
        #expect(merged["skipped_results"] == .int(2))
        #expect(merged["other_shards"] == .int(30))
        #expect(merged["bytes_written"] == .int(2700))
        #expect(merged["elapsed_seconds"] == .double(2.5))
        #expect(merged["elapsed_seconds_total"] == .double(4.0))
        #expect(merged["peak_rss_bytes"] == .int(500))
        #expect(merged["ending"] == .string("completed"))
        #expect(merged["summaries"] == .int(2))
        #expect(
            merged["stages"]
                == .array([["id": "language", "seconds": .double(3.5)], ["id": "stats", "seconds": .double(1.5)]]))
        #expect(JSONWriter.string(merged).contains(#""elapsed_seconds":2.5,"elapsed_seconds_total":4"#))
    }

    @Test("keys added later merge too: skips by stage and reason, inputs concatenated, new counters summed")
    func laterKeys() throws {
        let first = try parse(
            #"{"ending":"completed","documents":3,"duplicate_ids":1,"#
                + #""skips":[{"stage":"tone","reason":"not English","count":2},{"stage":"tone","reason":"empty text","count":1}],"#
                + #""inputs":[{"path":"a.jsonl","records":3,"bytes_read":30}]}"#)
        let second = try parse(
            #"{"ending":"completed","documents":4,"duplicate_ids":0,"#
                + #""skips":[{"stage":"tone","reason":"not English","count":5}],"#
                + #""inputs":[{"path":"b.jsonl","records":4,"bytes_read":40}]}"#)
        let merged = SummaryMerge([first, second]).merged
        #expect(merged["duplicate_ids"] == .int(1))
        #expect(
            merged["skips"]
                == .array([
                    ["stage": "tone", "reason": "not English", "count": 7],
                    ["stage": "tone", "reason": "empty text", "count": 1],
                ]))
        #expect(merged["inputs"]?.arrayValue?.compactMap { $0["path"]?.stringValue } == ["a.jsonl", "b.jsonl"])
        #expect(merged["elapsed_seconds_total"] == nil)
    }

    @Test(
        "the ending is the worst one",
        arguments: [
            (["completed", "completed"], "completed"),
            (["completed", "interrupted"], "interrupted"),
            (["too_many_errors", "interrupted", "completed"], "too_many_errors"),
        ])
    func worstEnding(endings: [String], expected: String) {
        let merged = SummaryMerge(endings.map { ["ending": .string($0)] }).merged
        #expect(merged["ending"] == .string(expected))
    }

    @Test("values the parts disagree on are left out and reported; equal ones are kept")
    func conflicts() {
        let merge = SummaryMerge([
            ["ending": "completed", "pipeline": "news", "order": "input", "options": ["batch": 512, "mode": "a"]],
            ["ending": "completed", "pipeline": "other", "order": "input", "options": ["batch": 512, "mode": "b"]],
        ])
        #expect(merge.merged["order"] == .string("input"))
        #expect(merge.merged["pipeline"] == nil)
        #expect(merge.merged["options"] == ["batch": 1024])
        #expect(
            merge.conflicts == [
                SummaryMerge.Conflict(path: "pipeline", values: ["news", "other"]),
                SummaryMerge.Conflict(path: "options.mode", values: ["a", "b"]),
            ])
    }

    @Test("merging merged summaries gives the same as merging all parts at once")
    func associative() throws {
        let parts: [JSONValue] = (1...4).map { index in
            [
                "ending": "completed", "documents": .int(index), "elapsed_seconds": .double(Double(index)),
                "stages": .array([["id": "s", "seconds": .double(Double(index))]]),
            ]
        }
        let once = SummaryMerge(parts).merged
        let twice = SummaryMerge([SummaryMerge(Array(parts[0..<2])).merged, SummaryMerge(Array(parts[2...])).merged]).merged
        #expect(once == twice)
        #expect(once["summaries"] == .int(4))
        #expect(once["elapsed_seconds_total"] == .double(10))
    }

    @Test("summary files: only summary lines are read; log lines and error entries are passed over")
    func readsSummaryLines() {
        let text = """
            glean: stopping: finishing the documents in flight
            {"input":"-","line":3,"code":"malformed_json","message":"x"}
            {"ending":"interrupted","documents":2}

            """
        #expect(SummaryMergeCommand.summaries(inText: text) == [["ending": "interrupted", "documents": 2]])
    }
}
