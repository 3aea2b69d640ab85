import Foundation
import GleanCore
import Testing

@Suite("glean on a mixed-language feed, end to end")
struct MultilingualEndToEndTests {
    /// The languages whose documents get tone and blocs.
    static let supported: Set<String> = ["en", "ru", "uk", "tr", "az", "de", "fr", "es"]

    @Test("every document in a supported language gets tone and its blocs; the others a skip with the reason")
    func feed() throws {
        let result = try GleanProcess.run(
            ["run", "pipeline.yaml", "-i", "feed.jsonl", "--progress", "never", "--summary", "none"],
            in: GleanProcess.fixtures + "/multilingual")
        #expect(result.status == 0)
        let documents = try result.output.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(documents.count == 15)
        var languages: Set<String> = []
        for document in documents {
            let id = document["id"]?.stringValue ?? ""
            let language = try #require(document["language"]?["code"]?.stringValue)
            #expect(id.hasPrefix(language + "-"), "\(id) was read as \(language)")
            languages.insert(language)
            let entities = document["entities"]?["entities"]?.arrayValue ?? []
            if Self.supported.contains(language) {
                #expect(document["tone"]?["label"]?.stringValue != nil, "\(id) has no tone")
                #expect(document["tone"]?["method"]?.stringValue == (language == "en" ? nil : "lexicon"))
                #expect(entities.contains { $0["type"] == "ORG" && $0["canonical"] != .null }, "\(id) has no linked bloc")
            } else {
                #expect(document["tone"] == .null)
                #expect(document["skipped"]?["tone"]?.stringValue?.hasPrefix("unsupported language: \(language) (") == true)
            }
        }
        #expect(languages.isSuperset(of: Self.supported))
        let tones = documents.compactMap { document in
            document["tone"]?["label"]?.stringValue.map { (document["id"]?.stringValue ?? "", $0) }
        }
        #expect(tones.filter { $0.1 == "negative" }.map(\.0).sorted() == ["de-2", "es-1", "ru-2", "tr-2"])
    }

    @Test("glean stages lists the languages each stage reads")
    func stages() throws {
        let list = try GleanProcess.run(["stages"])
        #expect(list.output.contains("languages: en az de es fr ru tr uk"))
        let one = try GleanProcess.run(["stages", "sentiment"])
        #expect(one.output.contains("Languages: en az de es fr ru tr uk"))
        let json = try JSONParser.parse(try GleanProcess.run(["stages", "text-stats", "--json"]).output)
        #expect(json["languages"] == .null)
    }
}
