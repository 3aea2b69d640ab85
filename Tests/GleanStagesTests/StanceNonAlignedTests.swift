import GleanCore
import GleanStages
import Testing

@Suite("alignment-stance: states called non-aligned, and ending a participation")
struct StanceNonAlignedTests {
    private let reader: ShippedStanceReader
    private var recognizer: EntityRecognizer { reader.recognizer }
    private var analyzer: StanceAnalyzer { reader.analyzer }

    init() throws { reader = try ShippedStanceReader() }

    private func candidates(_ text: String, speaker: String? = nil) -> [StanceCandidate] {
        analyzer.candidates(in: text, entities: recognizer.entities(in: text), speaker: speaker)
    }

    @Test(
        "the adjective \"non-aligned\" names the Non-Aligned Movement, except after \"militarily\"",
        arguments: [
            ("We support the non-aligned status of Cyprus.", true),
            ("Malta, a neutral and non-aligned island, hosted the talks.", true),
            ("Finland, a militarily non-aligned country, stayed out.", false),
        ])
    func adjective(text: String, namesMovement: Bool) {
        let blocs = recognizer.entities(in: text).filter { $0.canonical == "NAM" }
        #expect(blocs.isEmpty == !namesMovement, "\(blocs)")
    }

    @Test(
        "a state called non-aligned has membership evidence for the movement",
        arguments: [
            ("We support the non-aligned status of Cyprus.", "CY"),
            ("Cyprus is a small, non-aligned nation.", "CY"),
            ("Malta's non-aligned status was recognised by its neighbours.", "MT"),
        ])
    func membership(text: String, actor: String) throws {
        let pair = try #require(candidates(text).first { $0.actor == actor && $0.bloc == "NAM" })
        #expect(pair.evidence.contains { $0.stance == .member && $0.cueText.contains("non-aligned") }, "\(pair.evidence)")
    }

    @Test("the status of another country is not the subject's: no membership cue for the speaker")
    func statusOfAnother() {
        let text =
            "Jordan calls for a settlement in Cyprus that would preserve the independence and non-aligned status of that country."
        let jordan = candidates(text, speaker: "JO").first { $0.actor == "JO" && $0.bloc == "NAM" }
        #expect(jordan?.evidence.allSatisfy { !$0.cueText.contains("non-aligned") } ?? true)
    }

    @Test(
        "ending one's participation or membership is withdrawal",
        arguments: [
            "Burma decided to end its participation in the Non-Aligned Movement.",
            "In 1979 Burma ceased its membership of the Non-Aligned Movement.",
        ])
    func endingParticipation(text: String) throws {
        let pair = try #require(candidates(text).first { $0.actor == "MM" && $0.bloc == "NAM" })
        #expect(pair.evidence.contains { $0.stance == .opposed && $0.isWithdrawal }, "\(pair.evidence)")
        #expect(pair.features["evidence.withdrawal"] == 1)
    }
}
