import Foundation
import Testing

/// The newcomer's case: a mixed-language feed gets stance and tone for every document in a
/// supported language, and a skip with its reason for the rest.
@Suite("glean, a mixed-language feed through alignment-stance")
struct MultilingualStanceEndToEndTests {
    @Test("stance and tone in en, ru, uk, tr, az, de, fr, es; Italian and Polish skipped with the reason")
    func mixedFeed() throws {
        let folder = "Tests/GleanCLITests/Fixtures/multistance/"
        let result = try GleanProcess.run([
            "run", folder + "pipeline.yaml", "-i", folder + "feed.jsonl", "--progress", "never", "--summary", "none",
        ])
        #expect(result.status == 0)
        var stances: [String: [String]] = [:]
        var skipped: [String: String] = [:]
        var toned: Set<String> = []
        for line in result.output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            if let pairs = object["stance"] as? [[String: Any]] {
                stances[id] = pairs.map {
                    "\(($0["actor"] as? [String: Any])?["id"] ?? "?")/\($0["bloc"] ?? "?")/\($0["stance"] ?? "?")"
                }
            }
            if object["tone"] is [String: Any] { toned.insert(id) }
            if let reason = (object["skipped"] as? [String: Any])?["stance"] as? String { skipped[id] = reason }
        }
        #expect(
            stances == [
                "en-1": ["FI/NATO/member"], "ru-1": ["KZ/CSTO/member"], "uk-1": ["MD/EU/seeking"],
                "tr-1": ["RU/NATO/opposed"], "az-1": ["AZ/OTS/member"], "de-1": ["AT/NATO/neutral"],
                "fr-1": ["JP/NATO/partner"], "es-1": ["GE/EU/seeking"],
            ])
        #expect(toned == Set(stances.keys))
        #expect(skipped.keys.sorted() == ["it-1", "pl-1"])
        #expect(skipped["it-1"]?.hasPrefix("unsupported language: it (alignment-stance reads az, de, en, es, fr") == true)
        #expect(skipped["pl-1"]?.hasPrefix("unsupported language: pl") == true)
    }
}
