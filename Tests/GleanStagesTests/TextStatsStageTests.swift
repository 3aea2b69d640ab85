import GleanCore
import GleanStages
import Testing

@Suite("text-stats")
struct TextStatsStageTests {
    private func stats(_ text: String, with configuration: JSONValue = [:]) async throws -> JSONValue {
        let stage = try StageFactory(TextStatsStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "stats"))
        let result = try await stage.analyze(StageInput(document: Document(id: "1", text: text)))
        guard case .output(let value) = result else {
            Issue.record("expected an output, got \(result)")
            return .null
        }
        return value
    }

    @Test("counts an English paragraph")
    func english() async throws {
        let value = try await stats("Mr. Aliyev met NATO officials in Baku. They discussed the partnership programme!")
        #expect(
            value == [
                "characters": 80, "letters": 66, "words": 12, "sentences": 2, "mean_sentence_length": 6.0,
                "scripts": [["script": "Latin", "share": 1.0]],
            ])
    }

    @Test("shares of mixed writing systems, largest first, rounded")
    func mixed() async throws {
        let value = try await stats("Москва и Baku. 北京")
        #expect(value["letters"] == 13)
        #expect(
            value["scripts"] == [
                ["script": "Cyrillic", "share": 0.5385], ["script": "Latin", "share": 0.3077],
                ["script": "Han", "share": 0.1538],
            ])
        #expect(value["characters"] == 17)
        #expect(value["words"] == 5)
    }

    @Test("min_script_share leaves out small scripts")
    func threshold() async throws {
        let value = try await stats("Москва и Baku. 北京", with: ["min_script_share": 0.2])
        #expect(value["scripts"]?.arrayValue?.count == 2)
    }

    @Test("text without letters")
    func noLetters() async throws {
        let value = try await stats("2024 — 100%")
        #expect(value["letters"] == 0 && value["words"] == 0 && value["scripts"] == [])
        #expect(value["sentences"] == 1 && value["mean_sentence_length"] == 0.0)
    }

    @Test("the descriptor's defaults and bounds are what validation enforces")
    func configuration() {
        let descriptor = TextStatsStage.descriptor
        #expect(descriptor.field(named: "min_script_share")?.defaultValue == 0.01)
        let problems = ConfigurationValidator.diagnostics(
            for: ["min_script_share": 2], of: descriptor, at: JSONPath([.key("with")]), in: SourceMap(file: "p.yaml"))
        #expect(problems.map(\.message) == ["`min_script_share`: expected a number from 0 to 1, got 2.0"])
    }

    @Test("every built-in stage is registered under its name")
    func builtins() {
        #expect(BuiltinStages.registry.names == ["text-stats", "language", "entities", "alignment-stance", "sentiment", "noop"])
    }
}
