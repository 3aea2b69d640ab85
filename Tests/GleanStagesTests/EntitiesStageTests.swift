import Foundation
import GleanCore
import GleanStages
import Testing

@Suite("entities")
struct EntitiesStageTests {
    private func describe(_ text: String, with configuration: JSONValue = [:]) throws -> JSONValue {
        let stage = try StageFactory(EntitiesStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "entities"))
        guard let entities = stage as? EntitiesStage else {
            Issue.record("not an EntitiesStage")
            return .null
        }
        return entities.describe(text)
    }

    private func mentions(_ value: JSONValue) -> [(text: String, type: String, canonical: String?)] {
        (value["entities"]?.arrayValue ?? []).map {
            ($0["text"]?.stringValue ?? "", $0["type"]?.stringValue ?? "", $0["canonical"]?.stringValue)
        }
    }

    @Test("countries, blocs, cities, nationalities and dates are found and linked")
    func linked() throws {
        let text =
            "Officials from Azerbaijan and NATO met in Baku on Monday. Azerbaijani troops joined the Partnership for Peace in 1994."
        let found = mentions(try describe(text))
        #expect(found.contains { $0 == ("Azerbaijan", "GPE", "AZ") })
        #expect(found.contains { $0 == ("NATO", "ORG", "NATO") })
        #expect(found.contains { $0 == ("Baku", "GPE", "AZ:Baku") })
        #expect(found.contains { $0 == ("Azerbaijani", "NORP", "AZ") })
        #expect(found.contains { $0 == ("Partnership for Peace", "ORG", "PFP") })
        #expect(found.contains { $0.text == "1994" && $0.type == "DATE" })
        #expect(found.contains { $0.text == "Monday" && $0.type == "DATE" })
    }

    @Test(
        "a bloc named with words for its members or meetings, in lower case, or by its treaty; former states; formal and former names of today's states",
        arguments: [
            ("The United States is committed to our NATO Alliance.", "NATO Alliance", "NATO"),
            ("Ministers met at the NATO Vilnius Summit last week.", "NATO Vilnius Summit", "NATO"),
            ("Iraq works within the non-aligned movement.", "non-aligned movement", "NAM"),
            ("The North Atlantic Treaty binds Greece.", "North Atlantic Treaty", "NATO"),
            ("The Arab Maghreb Union is made up of five states.", "Arab Maghreb Union", "AMU"),
            ("West Germany was a founder of the European Community.", "West Germany", "DE"),
            ("The Soviet Union opposed the plan.", "Soviet Union", "SU"),
            (
                "The Co-operation Council of the Arab Gulf States called for calm.",
                "Co-operation Council of the Arab Gulf States", "GCC"
            ),
            ("It is a member of the Organization of African Unity (now renamed the AU).", "AU", "AU"),
            ("The Czech Republic is a member of the Visegrád group.", "Visegrád group", "V4"),
            ("As a fellow non-aligned country, we welcome you.", "non-aligned country", "NAM"),
            // A bloc by its former name, and blocs that real passages label beyond the first list.
            (
                "Malta works within the Conference on Security and Co-operation in Europe.",
                "Conference on Security and Co-operation in Europe", "OSCE"
            ),
            ("Angola was a founder of the SADCC.", "SADCC", "SADC"),
            ("Canada and the U.S. are partners in the Five Eyes alliance.", "Five Eyes", "FVEY"),
            ("Laos is a member of La Francophonie.", "La Francophonie", "OIF"),
            ("Slovenia joined CEFTA in 1996.", "CEFTA", "CEFTA"),
            ("Thailand is a member of the ASEAN Free Trade Area.", "ASEAN Free Trade Area", "AFTA"),
            // Formal names with a possessive word, and former names of today's states.
            ("The People's Republic of China voted against.", "People's Republic of China", "CN"),
            ("The Democratic People's Republic of Korea objected.", "Democratic People's Republic of Korea", "KP"),
            ("The Lao People's Democratic Republic abstained.", "Lao People's Democratic Republic", "LA"),
            ("The Republic of Korea joined the debate.", "Republic of Korea", "KR"),
            ("The occupation of Kampuchea must end.", "Kampuchea", "KH"),
            ("Zaire took part in the summit.", "Zaire", "CD"),
            ("Ceylon is a non-aligned country.", "Ceylon", "LK"),
            ("The Republic of Macedonia seeks integration.", "Republic of Macedonia", "MK"),
        ])
    func blocForms(text: String, mention: String, canonical: String) throws {
        let found = mentions(try describe(text))
        #expect(found.contains { $0.text == mention && $0.canonical == canonical }, "\(found)")
    }

    @Test(
        "a name inside a longer phrase that means something else names nothing: military non-alignment is no NAM, a region's adjective no country",
        arguments: [
            ("Finland was long a militarily non-aligned country.", "NAM"),
            ("Finland and Sweden, two militarily Non-Aligned Countries, did not seek NATO membership then.", "NAM"),
            ("Ireland is one of the military non-aligned countries of Europe.", "NAM"),
            ("As a country of the Latin American continent, Suriname is a member of the OAS.", "US"),
            ("The Inter-American system and the South American and Central American states met.", "US"),
            ("North American leaders and Pan-American bodies were named.", "US"),
        ])
    func phraseMeansSomethingElse(text: String, absent: String) throws {
        let found = mentions(try describe(text))
        #expect(!found.contains { $0.canonical == absent }, "\(found)")
    }

    @Test("the nationality's word alone still names its country")
    func nationalityAlone() throws {
        let found = mentions(try describe("American troops left Latin American bases."))
        #expect(found.filter { $0.canonical == "US" }.map(\.text) == ["American"], "\(found)")
    }

    @Test(
        "a country is named by its code in any case or its names; cities, blocs and unknown names are none",
        arguments: [
            ("AT", "AT"), ("lv", "LV"), ("Austria", "AT"), (" Republic of Korea ", "KR"), ("People's Republic of China", "CN"),
            ("Baku", nil), ("NATO", nil), ("Atlantis", nil), ("XX", nil), ("", nil),
        ] as [(String, String?)])
    func countryNamed(value: String, code: String?) throws {
        #expect(try Gazetteer.shipped.country(named: value) == code)
    }

    @Test("a bloc's name followed by other words is not the bloc")
    func blocThenOtherWords() throws {
        let found = mentions(try describe("Officials at the NATO Defense College in Rome spoke."))
        #expect(!found.contains { $0.text == "NATO Defense College" && $0.canonical == "NATO" }, "\(found)")
    }

    @Test("offsets are Unicode scalars and cover the mention")
    func offsets() throws {
        let text = "Türkiye’s president met NATO’s chief."
        let value = try describe(text)
        let scalars = Array(text.unicodeScalars)
        for entity in value["entities"]?.arrayValue ?? [] {
            let start = entity["start"]?.intValue ?? -1
            let end = entity["end"]?.intValue ?? -1
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == entity["text"]?.stringValue)
        }
        #expect(mentions(value).contains { $0 == ("Türkiye", "GPE", "TR") })
    }

    @Test("a person after a title; the Alliance links to NATO when NATO is named")
    func rules() throws {
        let found = mentions(try describe("NATO leaders gathered. President Ilham Aliyev said the Alliance was a partner."))
        #expect(found.contains { $0.text == "Ilham Aliyev" && $0.type == "PERSON" })
        #expect(found.contains { $0 == ("Alliance", "ORG", "NATO") })
    }

    @Test("a byline on its own line at the top of an article is a person (issue 15)")
    func byline() throws {
        let text = "By Tamilla Hasanova\n\nBaku, Azerbaijan, March 3 — Officials met on Monday. Hasanova asked the ministry."
        let found = mentions(try describe(text))
        #expect(found.contains { $0.text == "Tamilla Hasanova" && $0.type == "PERSON" })
        #expect(!found.contains { $0.text.contains("Hasanova") && $0.type == "ORG" })
        #expect(found.contains { $0.text == "Hasanova" && $0.type == "PERSON" })
    }

    @Test("people and organisations keep one id through a document; known organisations link")
    func coreference() throws {
        let text = """
            President Ilham Aliyev met the Organization for Security and Co-operation in Europe. Aliyev said \
            the OSCE and Gazprom would help. Later Mr. Aliyev met Sergei Lavrov, and Lavrov thanked him.
            """
        let value = try describe(text)
        let items = value["entities"]?.arrayValue ?? []
        func ids(of name: String) -> Set<String> {
            Set(items.filter { $0["text"]?.stringValue == name }.compactMap { $0["id"]?.stringValue })
        }
        let aliyev = ids(of: "Ilham Aliyev")
        #expect(aliyev.count == 1)
        #expect(ids(of: "Aliyev") == aliyev)
        #expect(ids(of: "Lavrov") == ids(of: "Sergei Lavrov"))
        #expect(ids(of: "Lavrov") != aliyev)
        #expect(ids(of: "OSCE") == ids(of: "Organization for Security and Co-operation in Europe"))
        #expect(ids(of: "OSCE").first?.hasPrefix("o") == true)
        #expect(mentions(value).contains { $0 == ("Gazprom", "ORG", "GAZPROM") })
        // Places and dates have no id.
        #expect(!items.contains { $0["type"]?.stringValue == "GPE" && $0["id"] != nil })
    }

    @Test("two years later is not a date")
    func notDate() throws {
        #expect(!mentions(try describe("Two years later the talks resumed.")).contains { $0.type == "DATE" })
    }

    @Test("distinct entities are counted, most mentioned first")
    func distinct() throws {
        let value = try describe("Georgia and NATO. Georgia again. Georgia and Armenia.")
        let first = value["distinct"]?.arrayValue?.first
        #expect(first?["canonical"] == "GE")
        #expect(first?["mentions"] == 3)
    }

    @Test("types filter and link: false")
    func configuration() throws {
        let value = try describe("Officials from Azerbaijan and NATO met in Baku.", with: ["types": ["ORG"], "link": false])
        #expect(mentions(value).map(\.type) == ["ORG"])
        #expect(mentions(value).first?.canonical == nil)
    }

    @Test("a YAML gazetteer names an entity's forms once; its mistakes are reported as file:line:column")
    func yamlGazetteer() throws {
        var gazetteer = Gazetteer()
        try gazetteer.addYAML(
            """
            # people we follow
            - id: Q-HASANOV
              type: PERSON
              name: Zakir Hasanov
              forms: [Zakir Hasanov, General Hasanov]
              parent: AZ
            - id: ACME
              type: ORG
              forms: Acme Defence Systems
            """, source: "mine.yaml")
        #expect(
            gazetteer.entry(for: ["General", "Hasanov"])
                == GazetteerEntry(kind: .person, canonical: "Q-HASANOV", name: "Zakir Hasanov", parent: "AZ"))
        #expect(gazetteer.entry(for: ["Acme", "Defence", "Systems"])?.name == "Acme Defence Systems")
        let cases: [(String, String)] = [
            ("- id: X\n  type: PLANET\n  forms: [Mars]\n", "bad.yaml:2:9: `PLANET` is not a type"),
            ("- id: X\n  type: ORG\n", "bad.yaml:1:3: the entry has no forms"),
            ("- id: X\n  type: ORG\n  forms: [A]\n  colour: red\n", "bad.yaml:4:3: unknown key `colour`"),
            ("id: X\n", "bad.yaml:1:1: expected a list of entries"),
            ("- [unclosed\n", "bad.yaml: not valid YAML"),
        ]
        for (text, message) in cases {
            var broken = Gazetteer()
            do {
                try broken.addYAML(text, source: "bad.yaml")
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
    }

    @Test("the stage reads a YAML gazetteer given in the pipeline")
    func yamlGazetteerInStage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "glean-gazetteer-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("- id: Q-HASANOV\n  type: PERSON\n  forms: [Zakir Hasanov]\n".utf8).write(
            to: directory.appendingPathComponent("people.yaml"))
        let stage = try StageFactory(EntitiesStage.self).makeStage(
            configuration: ["gazetteers": ["people.yaml"]],
            context: StageContext(stageID: "entities", baseDirectory: directory.path))
        let value = (stage as? EntitiesStage)?.describe("Zakir Hasanov visited Ankara.")
        #expect(mentions(value ?? .null).contains { $0 == ("Zakir Hasanov", "PERSON", "Q-HASANOV") })
    }

    @Test("in another language its country names and blocs are found, linked, and the language recorded")
    func otherLanguage() async throws {
        let stage = try StageFactory(EntitiesStage.self).makeStage(configuration: [:], context: StageContext(stageID: "entities"))
        let result = try await stage.analyze(
            StageInput(
                document: Document(id: "1", text: "Finnland und Schweden traten der NATO bei; Deutschland begrüßte das."),
                resultsByStage: ["language": ["code": "de"]]))
        guard let value = try result.outputValue else {
            Issue.record("expected output, got \(result)")
            return
        }
        #expect(value["language"] == "de")
        #expect(mentions(value).map(\.canonical) == ["FI", "SE", "NATO", "DE"])
        #expect(value["entities"]?.arrayValue?.first?["name"] == "Finland")
        let skipping = try StageFactory(EntitiesStage.self).makeStage(
            configuration: ["other_languages": false], context: StageContext(stageID: "entities"))
        let skipped = try await skipping.analyze(
            StageInput(document: Document(id: "1", text: "Finnland."), resultsByStage: ["language": ["code": "de"]]))
        #expect(skipped == .skipped(reason: "unsupported language: de"))
    }

    @Test("translated country names are read per language; a bad line is reported")
    func countryNames() throws {
        let names = try CountryNames(
            tsv: "# names\nde\tFinnland\tFI\nfr\tFinlande\tFI\n", source: "t", english: try Gazetteer.shipped)
        #expect(names.languages == ["de", "fr"])
        #expect(names.names(in: "de")?.gazetteer.entry(for: ["Finnland"])?.name == "Finland")
        #expect(names.names(in: "it") == nil)
        #expect(throws: GleanError.self) { try CountryNames(tsv: "de\tFinnland\n", source: "t", english: Gazetteer()) }
        #expect(try CountryNames.shipped.languages.count > 100)
    }

    @Test("an unreadable gazetteer is a configuration error")
    func badGazetteer() {
        #expect(throws: (any Error).self) {
            _ = try StageFactory(EntitiesStage.self).makeStage(
                configuration: ["gazetteers": ["/nonexistent.tsv"]], context: StageContext(stageID: "entities"))
        }
    }

    @Test("a user gazetteer adds surface forms; a bad line is reported with its number")
    func userGazetteer() throws {
        var gazetteer = Gazetteer()
        try gazetteer.addTSV("# people\nZakir Hasanov\tPERSON\tQ-HASANOV\tZakir Hasanov\tAZ\n", source: "mine.tsv")
        #expect(gazetteer.entry(for: ["Zakir", "Hasanov"])?.canonical == "Q-HASANOV")
        var broken = Gazetteer()
        #expect(throws: GleanError.self) { try broken.addTSV("ok\tGPE\tXX\nbad line\n", source: "bad.tsv") }
    }
}

@Suite("entities: names, titles, case")
struct EntityNameTests {
    private func found(_ text: String) throws -> [String] {
        try EntityRecognizer.shipped.entities(in: text).map { "\($0.text)/\($0.kind.rawValue)" }
    }

    @Test("a title is not part of the name; a known nationality stays NORP; months are dates; seas are LOC")
    func typing() throws {
        let entities = try found("Russian Foreign Minister Sergei Lavrov flew over the Aegean Sea in March 2024.")
        #expect(entities.contains("Sergei Lavrov/PERSON"))
        #expect(entities.contains("Russian/NORP"))
        #expect(entities.contains("Aegean Sea/LOC"))
        #expect(entities.contains("March 2024/DATE"))
        #expect(try found("Russia's Foreign Ministry said so.").contains("Russia/GPE"))
    }

    @Test("name lists give codes per token, longest place name first")
    func nameCodes() throws {
        let lexicon = try NameLexicon(tsv: "first\tmaria\nsurname\tgarcia\ncity\tsan francisco\ncity\tparis\n", source: "t")
        #expect(
            lexicon.codes(["Maria", "Garcia", "visited", "San", "Francisco", "and", "PARIS"]) == [
                "F", "S", "-", "P", "p", "-", "C",
            ])
        #expect(throws: GleanError.self) { try NameLexicon(tsv: "planet\tmars\n", source: "t") }
    }

    @Test("name lists read every kind of line: comments skipped, a word's lines combined, bad lines refused")
    func nameListLines() throws {
        let lexicon = try NameLexicon(
            tsv: "# a comment\nfirst\tjordan\nsurname\tjordan\ncase-capital\tjordan\ncity\tsan jose\n\n"
                + "state\tjordan\ncase-lower\tvisited\nknown-org\tsan jose sharks\nknown-place\tjordan\n"
                + "known-org\tjordan\ncase-mixed\tiphone\n",
            source: "t")
        let tokens = ["Jordan", "visited", "San", "Jose", "Sharks", "iPhone", "#"]
        #expect(lexicon.codes(tokens) == ["FST", "-", "P", "p", "-", "-", "-"])
        #expect(lexicon.caseCodes(tokens) == ["c", "l", "-", "-", "-", "m", "-"])
        #expect(lexicon.knownCodes(tokens) == ["LO", "-", "O", "o", "o", "-", "-"])
        for line in ["known-place\t", "first\t", "case-upper\tx", "first\tx\ty", "first", "#\u{301}x\ty"] {
            #expect(throws: GleanError.self) { try NameLexicon(tsv: line + "\n", source: "t") }
        }
    }

    @Test("named things give their kinds per token: capitals for the first word, longest name first")
    func knownCodes() throws {
        let lexicon = try NameLexicon(
            tsv:
                "known-place\tnew york\nknown-place\tnew york city\nknown-org\tcia\nknown-person\thouston\nknown-place\thouston\n",
            source: "t")
        #expect(
            lexicon.knownCodes(["The", "CIA", "left", "New", "York", "City", "for", "Houston"]) == [
                "-", "O", "-", "L", "l", "l", "-", "HL",
            ])
        #expect(NameLexicon().knownCodes(["CIA"]) == ["-"])
    }

    @Test(
        "a state or province abbreviated after a town and a comma is a place, and so is the town",
        arguments: [
            ("Write to 12 Oak Lane, Spring, TX 77388.", ["Spring/GPE", "TX/GPE"]),
            ("She flew from Raleigh, NC to Ottawa, Ont. last week.", ["Raleigh/GPE", "NC/GPE", "Ottawa/GPE", "Ont./GPE"]),
        ])
    func addressRegions(text: String, expected: [String]) throws {
        let entities = try found(text)
        for place in expected { #expect(entities.contains(place), "\(place) in \(entities)") }
    }

    @Test("not after a person's name: Harry Preuss, MD is a doctor")
    func notAfterPerson() throws {
        #expect(!(try found("The letter was signed by Harry Preuss, MD, a surgeon.")).contains("MD/GPE"))
    }

    @Test("the White House, the Pentagon and the Kremlin speak as organisations")
    func seats() throws {
        let entities = try EntityRecognizer.shipped.entities(in: "The White House and the Pentagon told the Kremlin.")
        #expect(entities.contains { $0.text == "White House" && $0.kind == .organisation && $0.canonical == "WHITE_HOUSE" })
        #expect(entities.contains { $0.text == "Pentagon" && $0.kind == .organisation })
    }

    @Test("the gazetteer also matches a known name in another case, for the tagger's features")
    func caseInsensitive() throws {
        let gazetteer = try Gazetteer.shipped
        #expect(gazetteer.matchIgnoringCase(["we", "flew", "to", "afghanistan"], at: 3)?.kind == .geopolitical)
        #expect(gazetteer.match(["afghanistan"], at: 0) == nil)
        #expect(gazetteer.matchIgnoringCase(["north", "atlantic", "treaty", "organization"], at: 0)?.length == 4)
    }
}
