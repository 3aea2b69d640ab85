import GleanCore
import GleanStages
import Testing

@Suite("alignment-stance: exit words and cities as places")
struct StanceExitsAndPlacesTests {
    private let recognizer: EntityRecognizer
    private let analyzer: StanceAnalyzer

    init() throws {
        recognizer = try EntityRecognizer.shipped
        analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer)
    }

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
            ("Talk of a Grexit returned in 2015.", "GR"),
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

    @Test("a negated exit word, or an ordinary word, gives no exit")
    func noExit() throws {
        #expect(
            try candidates("There will be no Brexit, the minister said of the EU.").allSatisfy {
                $0.features["evidence.exit"] == nil
            })
        #expect(try candidates("The EU met on Tuesday.").allSatisfy { $0.features["evidence.exit"] == nil })
    }

    @Test(
        "an exit word in another language's cues", arguments: [("Брексит изменил Европу.", "ru"), ("Der Brexit kam 2020.", "de")])
    func exitInOtherLanguages(text: String, language: String) throws {
        #expect(try candidates(text, language: language).contains { $0.actor == "GB" && $0.bloc == "EU" })
    }

    @Test(
        "a city naming a treaty, summit or meeting is no actor",
        arguments: [
            "Ireland ratified the Lisbon Treaty, a reform of the European Union.",
            "The Treaty of Lisbon reformed the European Union.",
            "Leaders prepared the Washington summit of NATO.",
        ])
    func cityNamingAnEvent(text: String) throws {
        let actors = Set(try candidates(text).map(\.actor))
        #expect(!actors.contains("PT") && !actors.contains("US"), "\(actors)")
    }

    @Test("a city written with its country is a place: the country stands for both, and a bloc's seat names no bloc")
    func cityWithItsCountry() throws {
        let found = try candidates("The President met NATO Allies in Brussels, Belgium.")
        #expect(!found.contains { $0.bloc == "EU" }, "\(found.map { "\($0.actor)/\($0.bloc)" })")
        // Named alone, the seat still stands for its bloc, and a capital for its country.
        #expect(try candidates("Brussels imposed new sanctions on Minsk.").contains { $0.actor == "BY" && $0.bloc == "EU" })
        #expect(try candidates("Moscow called NATO a threat.").contains { $0.actor == "RU" && $0.bloc == "NATO" })
    }
}
