import GleanCore
import GleanStages
import Testing

@Suite("alignment-stance: exit words and cities as places")
struct StanceExitsAndPlacesTests {
    private let reader: ShippedStanceReader
    private var recognizer: EntityRecognizer { reader.recognizer }
    private var analyzer: StanceAnalyzer { reader.analyzer }

    init() throws { reader = try ShippedStanceReader() }

    private func candidates(_ text: String, language: String = "en") throws -> [StanceCandidate] {
        let cues = try StanceCues.shipped(language: language) ?? StanceCues.shipped
        let analyzer = language == "en" ? analyzer : StanceAnalyzer(cues: cues, gazetteer: recognizer.gazetteer)
        return analyzer.candidates(in: text, entities: recognizer.entities(in: text))
    }

    @Test(
        "an exit word is its country's withdrawal from its bloc, even when neither is named",
        arguments: [
            ("Brexit negotiations dragged on through 2019.", "GB"),
            ("After Brexit, the government signed new trade deals with Japan.", "GB"),
            ("Post-Brexit trade talks resumed.", "GB"),
            ("Parliament feared a no-deal Brexit.", "GB"),
        ])
    func exitWord(text: String, actor: String) throws {
        let pair = try #require(try candidates(text).first { $0.actor == actor && $0.bloc == "EU" })
        #expect(pair.features["evidence.exit"] == 1)
        #expect(pair.features["evidence.withdrawal"] == 1)
        #expect(pair.evidence.contains { $0.stance == .opposed && $0.isWithdrawal && $0.cue.hasPrefix("exit ") })
    }

    @Test("the hand-written rules read an exit word as opposed")
    func exitWordByRules() throws {
        let rules = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer, model: nil)
        let text = "The Brexit vote shook markets."
        let pairs = rules.pairs(in: text, entities: recognizer.entities(in: text))
        #expect(pairs.map { "\($0.actor)/\($0.bloc)/\($0.stance)" } == ["GB/EU/opposed"])
    }

    @Test("an exit word with a negator right before it gives no exit; a pair named without one has no exit")
    func noExit() throws {
        let negated = try candidates("There will be no Brexit, Britain told the EU.")
        #expect(negated.contains { $0.actor == "GB" && $0.bloc == "EU" })
        #expect(negated.allSatisfy { $0.features["evidence.exit"] == nil })
        let named = try candidates("Britain met the EU on Tuesday.")
        #expect(named.contains { $0.actor == "GB" && $0.bloc == "EU" })
        #expect(named.allSatisfy { $0.features["evidence.exit"] == nil })
    }

    @Test("a user's exit overrides a shipped one; a malformed exit is refused")
    func userExits() throws {
        var cues = try StanceCues.shipped
        cues.merge(try StanceCues.parse(yaml: "exits: {brexit: GB/EFTA}\n", source: "mine.yaml").cues)
        let analyzer = StanceAnalyzer(cues: cues, gazetteer: recognizer.gazetteer)
        let found = analyzer.candidates(in: "Brexit happened.", entities: [])
        #expect(found.map { "\($0.actor)/\($0.bloc)" } == ["GB/EFTA"])
        for bad in ["exits: {brexit: gb/eu}", "exits: {brexit vote: GB/EU}", "exits: {brexit: GB}", "exits: [brexit]"] {
            #expect(throws: GleanError.self, "\(bad)") { try StanceCues.parse(yaml: bad + "\n", source: "bad.yaml") }
        }
    }

    @Test(
        "an exit word in another language's cues, inflected",
        arguments: [
            ("Брексит изменил Европу.", "ru"), ("После Брексита Лондон подписал соглашения.", "ru"),
            ("Die Folgen des Brexits sind groß.", "de"), ("BREXIT sonrası ticaret değişti.", "tr"),
        ])
    func exitInOtherLanguages(text: String, language: String) throws {
        #expect(try candidates(text, language: language).contains { $0.actor == "GB" && $0.bloc == "EU" })
    }

    @Test(
        "a city naming a treaty, summit or meeting is no actor",
        arguments: [
            ("Ireland ratified the Lisbon Treaty, a reform of the European Union.", "PT"),
            ("The Treaty of Lisbon reformed the European Union.", "PT"),
            ("Leaders prepared the Washington summit of NATO.", "US"),
            ("Ukraine signed the Minsk agreements, and the OSCE watched.", "BY"),
        ])
    func cityNamingAnEvent(text: String, absent: String) throws {
        let actors = Set(try candidates(text).map(\.actor))
        #expect(!actors.contains(absent), "\(actors)")
    }

    @Test("an organisation whose id has a colon is no city: before an event word it still acts")
    func organisationWithColon() throws {
        var gazetteer = try Gazetteer.shipped
        try gazetteer.addYAML(
            "- id: \"RU:Duma\"\n  type: ORG\n  forms: [State Duma]\n  parent: RU\n", source: "ours.yaml")
        let recognizer = try EntityRecognizer.shipped(gazetteer: gazetteer)
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: gazetteer)
        let text = "The State Duma summit called NATO a threat."
        let entities = recognizer.entities(in: text)
        #expect(entities.contains { $0.canonical == "RU:Duma" && $0.kind == .organisation })
        #expect(analyzer.candidates(in: text, entities: entities).contains { $0.actor == "RU" && $0.bloc == "NATO" })
    }

    @Test("a city after a lower-case noun and `of`, or before a verb, still acts for its country")
    func cityStillActs() throws {
        #expect(
            try candidates("Kyiv could not join NATO without the agreement of Moscow.").contains {
                $0.actor == "RU" && $0.bloc == "NATO"
            })
        #expect(try candidates("Moscow talks tough about NATO.").contains { $0.actor == "RU" && $0.bloc == "NATO" })
    }

    @Test("a city written with its country is a place: the country stands for both, and a bloc's seat names no bloc")
    func cityWithItsCountry() throws {
        let found = try candidates("The President met NATO Allies in Brussels, Belgium.")
        #expect(!found.contains { $0.bloc == "EU" }, "\(found.map { "\($0.actor)/\($0.bloc)" })")
        // The country takes over the city's place: after "in", so no subject.
        let belgium = try #require(found.first { $0.actor == "BE" && $0.bloc == "NATO" })
        #expect(belgium.features["together.actor_after_preposition"] == 1)
        // Named alone, the seat still stands for its bloc, and a capital for its country.
        #expect(try candidates("Brussels imposed new sanctions on Minsk.").contains { $0.actor == "BY" && $0.bloc == "EU" })
        #expect(try candidates("Moscow called NATO a threat.").contains { $0.actor == "RU" && $0.bloc == "NATO" })
    }
}
