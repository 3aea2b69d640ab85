import Foundation
import GleanCore
import Testing

@Suite("glean export, report and --output-detail, end to end")
struct ExportReportTests {
    /// The alignment-monitor pipeline's golden output, the sample run's results.
    static let results = GleanProcess.fixtures + "/alignment-monitor.expected.jsonl"

    @Test("pairs to CSV: a header and one row per stance pair of the sample run")
    func pairsCSV() throws {
        let result = try GleanProcess.run(["export", Self.results, "--table", "pairs", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("document_id,published,actor_id,actor_name,bloc_id,bloc_name,stance,also,") == true)
        let pairs = fixture("alignment-monitor.expected.jsonl").components(separatedBy: "\"actor\":{").count - 1
        #expect(lines.count == pairs + 1)
        #expect(
            lines.contains {
                $0.hasPrefix("n001,2026-02-02,AZ,Azerbaijan,NATO,North Atlantic Treaty Organization,partner,neutral,0.")
            })
    }

    @Test("documents to JSON Lines: one object per document with the documented keys")
    func documentsJSONLines() throws {
        let result = try GleanProcess.run(["export", Self.results, "--table", "documents", "--format", "jsonl"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 46)
        let first = try JSONParser.parse(String(lines[0]))
        #expect(first["document_id"] == "n001")
        #expect(first["tone_label"] == "positive")
        #expect(first["stance_pairs"] == .int(1))
    }

    @Test("glean run --table writes the table from its output once the run is complete")
    func runTables() throws {
        let scratch = try Scratch()
        let result = try GleanProcess.run([
            "run", "Pipelines/alignment-monitor.yaml", "-i", "Pipelines/samples/news.jsonl", "-o", scratch.path + "/out.jsonl",
            "--progress", "never", "--summary", "none", "--table", "pairs=" + scratch.path + "/pairs.csv",
        ])
        #expect(result.status == 0)
        let exported = try GleanProcess.run(["export", Self.results, "--table", "pairs"])
        #expect(scratch.read("pairs.csv") == exported.output)
        let refused = try GleanProcess.run(["run", "Pipelines/quickstart.yaml", "--table", "pairs=x.csv"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("-o FILE"))
    }

    @Test("Parquet to standard output is refused with what to do")
    func parquetNeedsFile() throws {
        let result = try GleanProcess.run(["export", Self.results, "--format", "parquet"])
        #expect(result.status != 0)
        #expect(result.errors.contains("-o FILE.parquet"))
    }

    @Test("the report of the sample run: matrix cells, evidence sentences from --texts, a timeline, nothing fetched")
    func report() throws {
        let scratch = try Scratch()
        let result = try GleanProcess.run([
            "report", Self.results, "-o", scratch.path + "/report.html", "--texts", "Pipelines/samples/news.jsonl",
        ])
        #expect(result.status == 0)
        let html = scratch.read("report.html")
        #expect(html.contains("<td class=\"cell\" data-actor=\"AZ\" data-bloc=\"NATO\">"))
        #expect(html.contains("<td class=\"cell\" data-actor=\"AM\" data-bloc=\"CSTO\"><a class=\"st-opposed\""))
        #expect(html.contains("Armenia has <mark>frozen its participation</mark>"))
        #expect(html.contains("id=\"timeline\""))
        #expect(html.contains("class=\"pt c-member\""))
        #expect(!html.contains("https://") && !html.contains("http://"))
    }

    @Test("output detail: compact drops evidence and mentions, minimal keeps labels, each smaller than the last")
    func outputDetail() throws {
        var sizes: [String: Int] = [:]
        for detail in ["full", "compact", "minimal"] {
            let result = try GleanProcess.run([
                "run", "Pipelines/alignment-monitor.yaml", "-i", "Pipelines/samples/news.jsonl", "--progress", "never",
                "--summary", "none", "--output-detail", detail,
            ])
            #expect(result.status == 0)
            sizes[detail] = result.output.utf8.count
            let first = try JSONParser.parse(String(result.output.split(separator: "\n")[0]))
            let pair = first["stance"]?.arrayValue?.first
            #expect(pair?["stance"] == "partner")
            #expect((pair?["evidence"] != nil) == (detail == "full"))
            #expect((first["entities"]?["entities"] != nil) == (detail == "full"))
            #expect((pair?["confidence"] != nil) == (detail != "minimal"))
        }
        #expect(sizes["full"] == fixture("alignment-monitor.expected.jsonl").utf8.count)
        #expect((sizes["compact"] ?? 0) < (sizes["full"] ?? 0))
        #expect((sizes["minimal"] ?? 0) < (sizes["compact"] ?? 0))
    }
}
