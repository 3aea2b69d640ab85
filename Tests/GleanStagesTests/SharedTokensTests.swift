import Foundation
import GleanCore
import GleanStages
import GleanText
import Testing

@Suite("entities shares its tokens and sentences with alignment-stance")
struct SharedTokensTests {
    private let texts = [
        "Georgia has applied for EU membership. Its president said on Monday that NATO-led drills would go on.",
        "Finnland und Schweden traten der NATO bei; Deutschland begrüßte das.",
    ]

    /// The entities stage's result, and the stance stage's output with and without the
    /// entities stage's artifacts, for `text` in `language`.
    private func outputs(_ text: String, language: String) async throws -> (StageResult, JSONValue?, JSONValue?) {
        let entities = try StageFactory(EntitiesStage.self).makeStage(
            configuration: [:], context: StageContext(stageID: "entities"))
        let stance = try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: [:], context: StageContext(stageID: "stance"))
        let document = Document(id: "1", text: text)
        let languageResult: JSONValue = ["code": .string(language)]
        let found = try await entities.analyze(StageInput(document: document, resultsByStage: ["language": languageResult]))
        let value = try #require(try found.outputValue)
        var artifacts: [String: StageArtifacts] = [:]
        if case .outputSharing(_, let shared) = found { artifacts["entities"] = shared }
        let results: [String: JSONValue] = ["language": languageResult, "entities": value]
        let with = try await stance.analyze(
            StageInput(document: document, resultsByStage: results, artifactsByStage: artifacts))
        let without = try await stance.analyze(StageInput(document: document, resultsByStage: results))
        return (found, try with.outputValue, try without.outputValue)
    }

    @Test("the entities stage shares the reading of the text it analysed")
    func shared() async throws {
        for (text, language) in zip(texts, ["en", "de"]) {
            let (found, _, _) = try await outputs(text, language: language)
            guard case .outputSharing(_, let artifacts) = found, let tokens = artifacts[TokenizedText.self] else {
                Issue.record("expected the text's tokens beside the output, got \(found)")
                continue
            }
            #expect(tokens.isReading(of: text))
            #expect(tokens.tokens == Tokenizer().tokens(in: text))
            #expect(tokens.sentences == SentenceSplitter().sentences(in: text))
        }
    }

    @Test("the stance stage's output is the same with the shared tokens as without them")
    func sameOutput() async throws {
        for (text, language) in zip(texts, ["en", "de"]) {
            let (_, with, without) = try await outputs(text, language: language)
            #expect(with != nil)
            #expect(with == without)
        }
    }

    @Test("tokens of another text are not used")
    func otherText() {
        let tokens = TokenizedText("NATO is an alliance.")
        #expect(tokens.isReading(of: "NATO is an alliance."))
        #expect(!tokens.isReading(of: "NATO is a bloc."))
    }
}
