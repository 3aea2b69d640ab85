import Testing

@testable import GleanStages

@Suite("entities: known leaders linked to their country")
struct KnownPeopleTests {
    /// Each person found in `text`: its text, id (or `-`) and country (or `-`).
    private func people(_ text: String) throws -> [String] {
        try EntityRecognizer.shipped.entities(in: text).filter { $0.kind == .person }.map {
            "\($0.text)|\($0.canonical ?? "-")|\($0.parent ?? "-")"
        }
    }

    @Test(
        "a leader is linked by full name, other spellings, the surname alone where it is safe, or a middle initial",
        arguments: [
            (
                "President Vladimir Putin met Erdogan in Ankara.",
                ["Vladimir Putin|VLADIMIR_PUTIN|RU", "Erdogan|RECEP_TAYYIP_ERDOGAN|TR"]
            ),
            ("Vladimir V. Putin spoke first.", ["Vladimir V. Putin|VLADIMIR_PUTIN|RU"]),
            ("Joseph R. Biden Jr. signed it.", ["Joseph R. Biden Jr.|JOE_BIDEN|US"]),
            // Another person of the same surname is no one the gazetteer knows.
            ("Jill Biden and Joe Biden spoke.", ["Jill Biden|-|-", "Joe Biden|JOE_BIDEN|US"]),
            // A surname that is not safe alone is linked only after the full name in the document.
            (
                "Prime Minister Mark Carney spoke. Later Carney left.",
                ["Mark Carney|MARK_CARNEY|CA", "Carney|MARK_CARNEY|CA"]
            ),
            ("Later Carney left.", ["Carney|-|-"]),
            // A surname alone is whoever the document named with it.
            ("Jill Biden spoke. Biden smiled. Jill Biden left.", ["Jill Biden|-|-", "Biden|-|-", "Jill Biden|-|-"]),
            (
                "Donald Trump spoke. Trump left. Melania Trump stayed.",
                ["Donald Trump|DONALD_TRUMP|US", "Trump|DONALD_TRUMP|US", "Melania Trump|-|-"]
            ),
            (
                "Ilham Aliyev met Heydar Aliyev's widow; Aliyev spoke of his father.",
                ["Ilham Aliyev|ILHAM_ALIYEV|AZ", "Heydar Aliyev|HEYDAR_ALIYEV|AZ", "Aliyev|HEYDAR_ALIYEV|AZ"]
            ),
        ])
    func linked(text: String, expected: [String]) throws {
        #expect(try people(text) == expected)
    }

    @Test("a person of the user's own gazetteer with a country as parent is linked and acts for it")
    func userPerson() throws {
        var gazetteer = try Gazetteer.shipped
        try gazetteer.addYAML(
            "- id: Q-HASANOV\n  type: PERSON\n  forms: [Zakir Hasanov, Hasanov]\n  parent: AZ\n", source: "our-people.yaml")
        let recognizer = try EntityRecognizer.shipped(gazetteer: gazetteer)
        let text = "Defence Minister Zakir Hasanov thanked NATO for the training."
        let entities = recognizer.entities(in: text)
        #expect(entities.contains { $0.text == "Zakir Hasanov" && $0.canonical == "Q-HASANOV" && $0.parent == "AZ" })
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: gazetteer)
        let pair = try #require(analyzer.candidates(in: text, entities: entities).first { $0.actor == "AZ" })
        #expect(pair.bloc == "NATO" && pair.features["together.actor_person"] == 1)
    }

    @Test("officials of a bloc are not linked to a country: a Secretary General speaks for NATO")
    func blocOfficials() throws {
        #expect(try people("Secretary General Jens Stoltenberg welcomed Finland.") == ["Jens Stoltenberg|-|-"])
    }

    @Test("a leader's name at the start of a longer name is not the leader: an airport, a trail")
    func longerNames() throws {
        for text in ["Flights left Charles de Gaulle Airport late.", "Supplies moved down the Ho Chi Minh Trail."] {
            #expect(try people(text).isEmpty, "\(text)")
        }
    }

    @Test("the tagger's gazetteer features leave known people out, as it was trained")
    func taggerFeatures() throws {
        let codes = EntityFeatures.gazetteerCodes(["Putin", "met", "Erdogan", "in", "Ankara"], gazetteer: try Gazetteer.shipped)
        #expect(codes[0] == "-" && codes[2] == "-" && codes[4] != "-")
    }

    @Test("a leader acts for their country in the stance stage: Putin's words are Russia's")
    func stanceActor() throws {
        let recognizer = try EntityRecognizer.shipped
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer)
        let text = "He wants less NATO; President Putin is getting more NATO."
        let candidates = analyzer.candidates(in: text, entities: recognizer.entities(in: text))
        let pair = try #require(candidates.first { $0.actor == "RU" && $0.bloc == "NATO" })
        #expect(pair.features["together.actor_person"] == 1)
        // A country named as itself is no person.
        let named = "Russia wants less NATO."
        let country = try #require(
            analyzer.candidates(in: named, entities: recognizer.entities(in: named)).first { $0.actor == "RU" })
        #expect(country.features["together.actor_person"] == nil)
    }
}
