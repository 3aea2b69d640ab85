import Testing

@testable import GleanStages

@Suite("entities: rules around mentions, gazetteer facts")
struct EntityNeighbourRulesTests {
    /// Each entity as `text/TYPE`, with `=canonical` when linked.
    private func found(_ text: String) throws -> [String] {
        try EntityRecognizer.shipped.entities(in: text).map {
            "\($0.text)/\($0.kind.rawValue)" + ($0.canonical.map { "=\($0)" } ?? "")
        }
    }

    @Test(
        "names around which the neighbours decide",
        arguments: [
            // Particles inside a person's name.
            ("The talks were chaired by Ursula von der Leyen in the morning.", "Ursula von der Leyen/PERSON"),
            ("Crown Prince Mohammed bin Salman received the envoy.", "Mohammed bin Salman/PERSON=MOHAMMED_BIN_SALMAN"),
            // An organisation's head, "of" and a place.
            ("The Central Bank of Iran cut its forecast.", "Central Bank of Iran/ORG"),
            ("Students at the University of Ghana protested.", "University of Ghana/ORG"),
            ("Pirates were active in the Gulf of Aden again.", "Gulf of Aden/LOC"),
            // A word that says an organisation follows.
            ("Steel exports fell, said mining giant Vale on Tuesday.", "Vale/ORG"),
            ("Shares of chipmaker Nexperia fell after the order.", "Nexperia/ORG"),
            // A kind of place, "of" and a name.
            ("Shelling hit the village of Krynky overnight.", "Krynky/GPE"),
            // Holidays are dates; natural places by their first or last word.
            ("The ceasefire was broken on Christmas Day.", "Christmas Day/DATE"),
            ("Fishermen left Lake Victoria after the storm.", "Lake Victoria/LOC"),
            ("Ferries crossed the English Channel despite the strike.", "English Channel/LOC"),
            // A title inside a span ends what comes before it and begins a person.
            ("Polish Prime Minister Donald Tusk spoke first.", "Donald Tusk/PERSON=DONALD_TUSK"),
        ])
    func neighbours(text: String, expected: String) throws {
        let entities = try found(text)
        #expect(entities.contains(expected), "\(expected) in \(entities)")
    }

    @Test(
        "a title inside a span the tagger took whole ends what comes before and begins a person",
        arguments: [
            ("Greek Prime Minister Kyriakos Mitsotakis", 0..<1, 3...4),
            ("the Foreign Minister Sergei Lavrov", 0..<1, 3...4),
            ("Greek Deputy Prime Minister Anna Koutra", 0..<1, 4...5),
        ] as [(String, Range<Int>, ClosedRange<Int>)])
    func titleSplit(span: String, before: Range<Int>, person: ClosedRange<Int>) {
        let words = span.split(separator: " ").map(String.init)
        let split = EntityRules.titleSplit(words, first: 0, last: words.count - 1)
        #expect(split?.before == before)
        #expect(split?.person == person)
    }

    @Test("no split without a capitalised name after the title, nor with the title first or last")
    func noTitleSplit() {
        for span in ["the Greek Prime Minister", "Greek Prime Minister", "President Ilham Aliyev", "Greek Minister of state"] {
            let words = span.split(separator: " ").map(String.init)
            #expect(EntityRules.titleSplit(words, first: 0, last: words.count - 1) == nil, "\(span)")
        }
    }

    @Test(
        "the gazetteer knows every country's demonym, capitals and large cities, blocs and legislatures",
        arguments: [
            ("Kenyan runners won in Nairobi.", ["Kenyan/NORP=KE", "Nairobi/GPE=KE:Nairobi"]),
            (
                "Talks moved from Manila to Bogotá and Bogota.",
                ["Manila/GPE=PH:Manila", "Bogotá/GPE=CO:Bogota", "Bogota/GPE=CO:Bogota"]
            ),
            ("Mercosur and ECOWAS sent observers.", ["Mercosur/ORG=MERCOSUR", "ECOWAS/ORG=ECOWAS"]),
            ("The Verkhovna Rada and the Bundestag voted.", ["Verkhovna Rada/ORG=VERKHOVNA_RADA", "Bundestag/ORG=BUNDESTAG"]),
            (
                "Settlers in the West Bank and ships in the Strait of Hormuz.",
                ["West Bank/LOC=WEST_BANK", "Strait of Hormuz/LOC=STRAIT_OF_HORMUZ"]
            ),
        ])
    func facts(text: String, expected: [String]) throws {
        let entities = try found(text)
        for entity in expected { #expect(entities.contains(entity), "\(entity) in \(entities)") }
    }

    @Test("no rule reaches past the words or makes mentions that overlap, whatever the words")
    func robustness() throws {
        let recognizer = try EntityRecognizer.shipped
        // Every sequence of up to four of these words: titles, particles, "of", heads, cues,
        // holidays, known names and punctuation, each next to each.
        let vocabulary = [
            "President", "von", "of", "The", "Bank", "Gulf", "giant", "town", "Christmas", "'s", "Russia", "Ursula", ",",
            "TX",
        ]
        var sequences: [[String]] = [[]]
        for _ in 0..<4 {
            sequences += sequences.filter { $0.count == sequences.last?.count }.flatMap { s in vocabulary.map { s + [$0] } }
        }
        for words in sequences {
            let mentions = recognizer.recognize(words).sorted { $0.first < $1.first }
            for (index, mention) in mentions.enumerated() {
                #expect(0 <= mention.first && mention.first <= mention.last && mention.last < words.count, "\(words)")
                if index > 0 { #expect(mentions[index - 1].last < mention.first, "overlap in \(words)") }
            }
        }
        #expect(sequences.count == 1 + 14 + 14 * 14 + 14 * 14 * 14 + 14 * 14 * 14 * 14)
    }
}
