import Foundation
import GleanCore
import Testing

@testable import GleanReport

@Suite("Report aggregate")
struct ReportAggregateTests {
    func line(id: Int, stance: String, date: String) -> String {
        sampleLine.replacingOccurrences(of: "\"n001\"", with: "\"d\(id)\"")
            .replacingOccurrences(of: "\"stance\":\"partner\"", with: "\"stance\":\"\(stance)\"")
            .replacingOccurrences(of: "2026-02-02", with: date)
    }

    @Test("evidence is capped per cell, the rest counted, the same however the file is split")
    func evidenceCap() throws {
        var limits = ReportAggregate.Limits()
        limits.evidencePerCell = 3
        let documents = try (0..<10).map {
            try document(line(id: $0, stance: $0 < 7 ? "partner" : "opposed", date: "2026-0\($0 % 9 + 1)-01"))
        }
        var whole = ReportAggregate(limits: limits)
        for item in documents { whole.add(item) }
        var merged = ReportAggregate(limits: limits)
        for chunk in stride(from: 0, to: 10, by: 4) {
            var part = ReportAggregate(limits: limits)
            for item in documents[chunk..<min(chunk + 4, 10)] { part.add(item) }
            merged.merge(part)
        }
        for aggregate in [whole, merged] {
            let cell = try #require(aggregate.cells[ReportAggregate.PairKey(actor: "AZ", bloc: "NATO")])
            #expect(cell.counts[.partner] == 7)
            #expect(cell.counts[.opposed] == 3)
            #expect(cell.counts.dominant == .partner)
            #expect(cell.evidence.map(\.document) == ["d0", "d1", "d2"])
            #expect(cell.moreEvidence == 7)
            #expect(cell.timeline.count == 9)
            #expect(aggregate.countries.entries["AZ"]?.documents == 10)
            #expect(aggregate.toneByCountry["AZ"]?.count == 10)
        }
    }

    @Test("past its cell budget the timeline counts by month")
    func coarsens() throws {
        var limits = ReportAggregate.Limits()
        limits.timelineCells = 5
        var aggregate = ReportAggregate(limits: limits)
        for day in 1...20 {
            aggregate.add(try document(line(id: day, stance: "member", date: "2026-01-\(day < 10 ? "0" : "")\(day)")))
        }
        aggregate.add(try document(line(id: 99, stance: "member", date: "2026-03-01")))
        #expect(aggregate.timelineInMonths)
        let cell = try #require(aggregate.cells[ReportAggregate.PairKey(actor: "AZ", bloc: "NATO")])
        #expect(cell.timeline.count == 2)
        #expect(cell.timeline.values.map(\.counts.total).sorted() == [1, 20])
    }

    @Test("the name counter keeps the most mentioned names when it must drop some")
    func nameCounter() {
        var counter = NameCounter(capacity: 2)
        for round in 0..<3 { counter.add("a", name: "A", mentions: 1, document: "d\(round)") }
        counter.add("b", name: "B", mentions: 1, document: "x")
        counter.add("b", name: "B", mentions: 1, document: "y")
        for name in ["c", "d", "e"] { counter.add(name, name: name, mentions: 1, document: "z") }
        #expect(counter.top(2).map(\.key) == ["a", "b"])
        #expect(counter.droppedBelow == 1)
    }

    @Test(
        "dates read from ISO text",
        arguments: [("2026-02-02", 20_486), ("2026-02", 20_485), ("2026", 20_454), ("2026-02-02T10:00:00Z", 20_486)])
    func dates(text: String, day: Int) {
        #expect(CivilDate.day(text) == day)
        let civil = CivilDate.civil(day)
        #expect(CivilDate.days(year: civil.year, month: civil.month, day: civil.day) == day)
    }

    @Test("no date from text that is not one", arguments: ["", "yesterday", "26-02-02", "2026-13-01"])
    func notDates(text: String) {
        #expect(CivilDate.day(text) == nil)
    }

    @Test("the page has a matrix cell linked to its evidence, a timeline with points, and no external resource")
    func page() throws {
        var aggregate = ReportAggregate()
        aggregate.add(try document(sampleLine))
        aggregate.add(try document(line(id: 2, stance: "partner", date: "2026-05-01")))
        let html = ReportPage.render(aggregate, options: ReportOptions())
        #expect(html.contains("href=\"#c-AZ-NATO\""))
        #expect(html.contains("<section id=\"c-AZ-NATO\">"))
        #expect(html.contains("<mark>seek membership</mark>"))
        #expect(html.contains("class=\"pt c-partner\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    }

    @Test("text is escaped in the page")
    func escaping() {
        #expect(HTMLText.escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        #expect(HTMLText.count(1_234_567) == "1,234,567")
        #expect(HTMLText.slug("AZ:Baku é") == "AZ_Baku__")
    }
}
