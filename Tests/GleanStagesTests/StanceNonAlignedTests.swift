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
        "a state the movement has listed, called non-aligned, has membership evidence for it",
        arguments: [
            ("We support the non-aligned status of Cyprus.", "CY"),
            ("Cyprus is a small, non-aligned nation.", "CY"),
            ("Malta's non-aligned status was recognised by its neighbours.", "MT"),
        ])
    func membership(text: String, actor: String) throws {
        let pair = try #require(candidates(text).first { $0.actor == actor && $0.bloc == "NAM" })
        #expect(pair.evidence.contains { $0.stance == .member && $0.cueText.contains("non-aligned") }, "\(pair.evidence)")
    }

    @Test(
        "a European state's non-aligned status is neutrality toward NATO, not the Non-Aligned Movement",
        arguments: [
            ("Ukraine will keep its non-aligned status and will not join NATO.", "UA", "non-aligned"),
            ("Ukraine's non-aligned status rules out joining NATO, the minister said.", "UA", "non-aligned"),
            ("Moldova, a neutral and non-aligned state, has no plans to join NATO.", "MD", "neutral"),
            ("Moldova is a non-aligned nation and will not join NATO.", "MD", "non-aligned"),
            ("Moldova remains non-aligned with any bloc, NATO included.", "MD", "non-aligned"),
        ])
    func neutralityTowardNATO(text: String, actor: String, cue: String) throws {
        let found = candidates(text)
        #expect(!found.contains { $0.bloc == "NAM" }, "\(found.map { "\($0.actor)/\($0.bloc)" })")
        let pair = try #require(found.first { $0.actor == actor && $0.bloc == "NATO" })
        #expect(pair.evidence.contains { $0.stance == .neutral && $0.cueText == cue }, "\(pair.evidence)")
    }

    @Test("the status of another country is not the subject's: the speaker gets no membership cue")
    func statusOfAnother() throws {
        let text =
            "Jordan calls for a settlement in Cyprus that would preserve the independence and non-aligned status of that country."
        let found = candidates(text, speaker: "JO")
        let jordan = try #require(found.first { $0.actor == "JO" && $0.bloc == "NAM" })
        #expect(!jordan.evidence.contains { $0.stance == .member }, "\(jordan.evidence)")
        #expect(found.contains { $0.actor == "CY" && $0.bloc == "NAM" })
    }

    @Test("\"a non-NATO nation\" is no membership of NATO")
    func nonBlocNation() throws {
        let text = "Sweden, a non-NATO nation, took part in the exercise."
        let sweden = try #require(candidates(text).first { $0.actor == "SE" && $0.bloc == "NATO" })
        #expect(!sweden.evidence.contains { $0.cue.contains("nation") }, "\(sweden.evidence)")
    }

    @Test("an adjective is no bloc for \"the alliance\" or for the next sentence's cue")
    func adjectiveIsNoBlocToCarry() throws {
        let joined = candidates("Finland abandoned its non-aligned status and joined the alliance in 2023. NATO welcomed it.")
        #expect(!joined.contains { $0.bloc == "NAM" }, "\(joined.map { "\($0.actor)/\($0.bloc)" })")
        #expect(joined.contains { $0.actor == "FI" && $0.bloc == "NATO" })
        let carried = candidates("NATO expanded again. Moldova insists on its non-aligned status. It will not join.")
        #expect(!carried.contains { $0.bloc == "NAM" })
        let moldova = try #require(carried.first { $0.actor == "MD" && $0.bloc == "NATO" })
        #expect(moldova.evidence.contains { $0.stance == .neutral && $0.cueText == "will not join" }, "\(moldova.evidence)")
    }

    @Test("the hand-written rules give no Non-Aligned Movement pair to a state the table never listed")
    func rulesAlone() {
        let rules = StanceAnalyzer(
            cues: analyzer.cues, gazetteer: recognizer.gazetteer, memberships: analyzer.memberships)
        let text = "Ukraine's non-aligned status rules out joining NATO."
        let pairs = rules.pairs(in: text, entities: recognizer.entities(in: text))
        #expect(!pairs.contains { $0.bloc == "NAM" }, "\(pairs)")
    }

    @Test("\"the Non-Aligned\" is the movement's name, whoever it is said of")
    func theNonAligned() throws {
        let pair = try #require(candidates("India was a founding member of the Non-Aligned.").first { $0.bloc == "NAM" })
        #expect(pair.actor == "IN")
    }

    @Test(
        "ending one's participation or membership of a bloc is withdrawal",
        arguments: [
            ("Burma decided to end its participation in the Non-Aligned Movement.", "MM", "NAM"),
            ("In 1979 Burma ceased its membership of the Non-Aligned Movement.", "MM", "NAM"),
            ("Hungary put an end to its membership in the Warsaw Pact in 1991.", "HU", "WARSAW_PACT"),
        ])
    func endingParticipation(text: String, actor: String, bloc: String) throws {
        let pair = try #require(candidates(text).first { $0.actor == actor && $0.bloc == bloc })
        #expect(pair.evidence.contains { $0.stance == .opposed && $0.isWithdrawal }, "\(pair.evidence)")
        #expect(pair.features["evidence.withdrawal"] == 1)
    }

    @Test("the end of membership talks is no withdrawal")
    func notEnding() throws {
        let found = candidates("Serbia reached the end of its membership talks with the EU.")
        let serbia = try #require(found.first { $0.actor == "RS" && $0.bloc == "EU" })
        #expect(serbia.features["evidence.withdrawal"] == nil, "\(serbia.evidence)")
    }
}
