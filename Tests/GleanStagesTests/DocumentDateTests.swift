import GleanCore
import OrderedCollections
import Testing

@testable import GleanStages

/// When a document was written: its date field read as a year, and the membership table read at it.
@Suite("document dates")
struct DocumentDateTests {
    @Test(
        "a document's date is a year or an ISO 8601 date beginning with one",
        arguments: [
            ("1963", 1963), ("1963-09", 1963), ("2026-11-23", 2026), ("2026-11-23T08:00:00Z", 2026), (" 2024", 2024),
            ("2024 ", 2024), ("20240307", 2024), ("1963T12", 1963),
            ("", nil), ("63", nil), ("19630", nil), ("23/11/2026", nil), ("May 2024", nil), ("0999", nil),
            ("3000", nil), ("2024-13-05", nil), ("2024-12-45", nil), ("20241345", nil), ("2024-1-5", nil),
        ] as [(String, Int?)])
    func documentDate(value: String, expected: Int?) {
        #expect(DocumentDate.year(of: value) == expected)
    }

    @Test(
        "a text that names no year is read as of its document's date; a year it names comes first",
        arguments: [
            ("Sweden and NATO held talks.", 2023, "prior.then.candidate"),
            ("Sweden and NATO held talks.", nil, "prior.now.member"),
            ("Sweden and NATO held talks in 2018.", 2023, "prior.not_then.member"),
            // A year after the text was written is a plan: read as of when it was written.
            ("Sweden hopes to join NATO by 2024.", 2022, "prior.then.candidate"),
            // Written as of the membership table's year or later: today, as an undated text.
            ("Sweden and NATO held talks.", 2026, "prior.now.member"),
            ("Sweden and NATO held talks.", 2025, "prior.now.member"),
        ] as [(String, Int?, String)])
    func documentYear(text: String, written: Int?, expected: String) throws {
        let languages = try StanceLanguages(model: nil)
        let analyzer = try #require(languages.analyzer(for: "en"))
        let candidates = analyzer.candidates(
            in: text, entities: languages.entities(in: text, language: "en"), year: written)
        let pair = try #require(candidates.first { $0.actor == "SE" && $0.bloc == "NATO" })
        #expect(pair.features[expected] == 1, "\(pair.features.keys.filter { $0.hasPrefix("prior.") }.sorted())")
    }

    @Test("with `date_field`, a document's year is read from a date, a year or a number; anything else is no date")
    func dateField() throws {
        let made = try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: ["date_field": "published"], context: StageContext(stageID: "stance", keptFields: ["published"]))
        let stage = try #require(made as? AlignmentStanceStage)
        func year(_ value: JSONValue) -> Int? {
            stage.year(of: Document(id: "1", text: "", fields: ["published": value]))
        }
        #expect(year("2023-05-04") == 2023)
        #expect(year("1962") == 1962)
        #expect(year(1962) == 1962)
        #expect(year(2023.0) == 2023)
        #expect(year(2023.5) == nil)
        #expect(year(999) == nil)
        #expect(year("last May") == nil)
        #expect(year(true) == nil)
        #expect(year(.null) == nil)
        #expect(stage.year(of: Document(id: "1", text: "")) == nil)
    }

    @Test("a document written as of the membership table's year or later reads as an undated one")
    func currentDocumentsReadAsToday() throws {
        let languages = try StanceLanguages(model: try StanceModel.shipped)
        let analyzer = try #require(languages.analyzer(for: "fr"))
        let text =
            "Les dirigeants européens se sont réunis à Bruxelles. La Moldavie a salué les progrès de l'élargissement de l'Union."
        let entities = languages.entities(in: text, language: "fr")
        let undated = analyzer.pairs(in: text, entities: entities)
        for year in [BlocMemberships.writtenAsOf, BlocMemberships.writtenAsOf + 1] {
            let dated = analyzer.pairs(in: text, entities: entities, year: year)
            #expect(dated.map(\.stance) == undated.map(\.stance))
            #expect(dated.map(\.confidence) == undated.map(\.confidence))
        }
    }
}
