import Foundation
import GleanCore
import GleanStages
import OrderedCollections
import Testing

@Suite("alignment-stance stage")
struct AlignmentStanceStageTests {
    private func stage(_ configuration: JSONValue = [:], base: String = ".") throws -> any Stage {
        try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "stance", baseDirectory: base))
    }

    private func output(_ text: String, _ configuration: JSONValue = [:], results: [String: JSONValue] = [:]) async throws
        -> JSONValue
    {
        let result = try await stage(configuration).analyze(
            StageInput(document: Document(id: "1", text: text), resultsByStage: results))
        guard case .output(let value) = result else {
            Issue.record("expected output, got \(result)")
            return .null
        }
        return value
    }

    /// `actor/bloc/stance` for each pair, sorted.
    private func pairs(_ text: String, _ configuration: JSONValue = [:]) async throws -> [String] {
        try await output(text, configuration).arrayValue?.map {
            "\($0["actor"]?["id"]?.stringValue ?? "?")/\($0["bloc"]?.stringValue ?? "?")/\($0["stance"]?.stringValue ?? "?")"
        }.sorted() ?? []
    }

    @Test(
        "each stance from its cues",
        arguments: [
            ("Kazakhstan is a founding member of the Shanghai Cooperation Organisation.", ["KZ/SCO/member"]),
            ("Georgia has applied for EU membership.", ["GE/EU/seeking"]),
            ("Japan is one of NATO's global partners.", ["JP/NATO/partner"]),
            ("Turkmenistan remains neutral and declines to join the CSTO.", ["TM/CSTO/neutral"]),
            ("Russian Foreign Minister Sergei Lavrov called NATO a threat.", ["RU/NATO/opposed"]),
        ])
    func stances(text: String, expected: [String]) async throws {
        #expect(try await pairs(text) == expected)
    }

    @Test("negation: \"does not seek membership\" is not seeking; cooperation beside it is partner, neutral also")
    func negation() async throws {
        let value = try await output(
            "Azerbaijan does not seek NATO membership, but the country will keep working with the alliance.")
        let pair = try #require(value.arrayValue?.first)
        #expect(pair["stance"] == "partner")
        #expect(pair["also"] == ["neutral"])
        #expect(try await pairs("Ireland will not join NATO.") == ["IE/NATO/neutral"])
    }

    @Test("military non-alignment is neutrality toward NATO, no Non-Aligned Movement membership")
    func militaryNonAlignment() async throws {
        #expect(
            try await pairs("Finland has long been a militarily non-aligned nation and does not seek NATO membership.")
                == ["FI/NATO/neutral"])
        #expect(
            try await pairs("Sweden and Finland are militarily non-aligned countries and will not join NATO.") == [
                "FI/NATO/neutral", "SE/NATO/neutral",
            ])
    }

    @Test(
        "a partner hosting a NATO course for \"member and partner countries\", with PfP and non-alignment, is partner (neutral also)"
    )
    func partnerHostingAnEvent() async throws {
        let text = """
            BAKU, March 14 (By Tamilla Hasanova) - Azerbaijan is hosting a NATO course on defence planning in Baku, \
            attended by officers from NATO member and partner countries. Azerbaijan joined NATO's Partnership for \
            Peace programme in 1994, and Azerbaijani peacekeepers have served in NATO-led operations in Kosovo. \
            The country also carries out an Individual Partnership Action Plan with the alliance. Azerbaijan \
            maintains a policy of non-alignment and does not seek NATO membership, officials said.
            """
        let value = try await output(text)
        let pairs = value.arrayValue ?? []
        let azerbaijan = try #require(pairs.first { $0["actor"]?["id"] == "AZ" && $0["bloc"] == "NATO" })
        #expect(azerbaijan["stance"] == "partner")
        #expect(azerbaijan["also"]?.arrayValue?.contains("neutral") == true)
        #expect(!pairs.contains { $0["stance"] == "member" })
    }

    @Test(
        "real-text shapes: accession dates, member lists, candidate status, presidencies, withdrawal",
        arguments: [
            ("Estonia joined the EU in 2004.", ["EE/EU/member"]),
            (
                "The alliance's members are Australia, New Zealand and the United States; the ANZUS treaty was signed in 1951.",
                ["AU/ANZUS/member", "NZ/ANZUS/member", "US/ANZUS/member"]
            ),
            ("Ukraine was granted EU candidate status in 2022.", ["UA/EU/seeking"]),
            ("Poland holds the presidency of the Council of the European Union.", ["PL/EU/member"]),
            ("The United Kingdom left the European Union in 2020.", ["GB/EU/opposed"]),
            ("Slovenia joined the Central European Free Trade Agreement in 1996.", ["SI/CEFTA/member"]),
            ("Thailand is a member of the ASEAN Free Trade Area.", ["TH/ASEAN/member"]),
        ])
    func realTextShapes(text: String, expected: [String]) async throws {
        #expect(try await pairs(text) == expected)
    }

    @Test("every bloc of the gazetteer is reported by default, programmes and world bodies are not")
    func everyBloc() throws {
        let blocs = Set(StanceAnalyzer.defaultBlocs)
        #expect(blocs.isSuperset(of: ["NATO", "EU", "WARSAW_PACT", "COMMONWEALTH", "OAS", "MERCOSUR", "SICA", "G77"]))
        #expect(blocs.isSuperset(of: ["CEFTA", "FVEY", "OIF", "BENELUX", "UNASUR", "IPEF", "SACU"]))
        #expect(blocs.isDisjoint(with: ["PFP", "EAP", "AFTA", "UN", "IMF", "WTO"]))
    }

    @Test(
        "someone else's claim is not the actor's stance, nor the claimant's",
        arguments: [
            "Moscow accuses Chisinau of secretly wanting to join NATO.",
            "Moscow claims that Baku wants to join NATO.",
        ])
    func reportedSpeech(text: String) async throws {
        #expect(try await pairs(text) == [])
    }

    @Test("the latest state the text describes wins, and is dated")
    func history() async throws {
        #expect(
            try await pairs("Uzbekistan joined the CSTO in 1994, left it in 1999, returned in 2006 and withdrew again in 2012.")
                == ["UZ/CSTO/opposed"])
        let value = try await output("Kyrgyzstan joined the Eurasian Economic Union in 2015.")
        #expect(value.arrayValue?.first?["as_of"] == 2015)
        #expect(
            try await pairs(
                "Before 2022, Sweden had insisted that it would remain outside NATO; today it is a full member of the alliance.")
                == ["SE/NATO/member"])
    }

    @Test("several actors and blocs in one sentence; a passage with no stance has no pairs")
    func lists() async throws {
        #expect(
            try await pairs("Belarus and Russia are both members of the CSTO and the Eurasian Economic Union.")
                == ["BY/CSTO/member", "BY/EAEU/member", "RU/CSTO/member", "RU/EAEU/member"])
        #expect(try await pairs("NATO foreign ministers met in Brussels on Thursday to discuss the alliance's budget.") == [])
    }

    @Test("pronouns and \"the country\" carry the actor across sentences; a programme carries its stance")
    func references() async throws {
        #expect(
            try await pairs("Georgia wants to join the European Union. The country applied in March 2022.") == ["GE/EU/seeking"])
        #expect(try await pairs("Malta rejoined the Partnership for Peace in 2008.") == ["MT/NATO/partner"])
    }

    @Test("evidence gives the sentence and the cue with scalar offsets, or is left out")
    func evidence() async throws {
        let text = "Ünïcode first. Armenia has frozen its participation in the CSTO."
        let value = try await output(text)
        let evidence = try #require(value.arrayValue?.first?["evidence"]?.arrayValue?.first)
        let scalars = Array(text.unicodeScalars)
        let start = try #require(evidence["cue_start"]?.intValue)
        let end = try #require(evidence["cue_end"]?.intValue)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "frozen its participation")
        #expect(evidence["sentence"] == 1 && evidence["start"] == 15)
        let bare = try await output(text, ["evidence": false])
        #expect(bare.arrayValue?.first?["evidence"] == nil)
    }

    @Test("blocs and min_confidence filter the pairs")
    func filters() async throws {
        let text = "Finland, which joined NATO in 2023, has been a member of the European Union since 1995."
        #expect(try await pairs(text) == ["FI/EU/member", "FI/NATO/member"])
        #expect(try await pairs(text, ["blocs": ["EU"]]) == ["FI/EU/member"])
        #expect(try await pairs(text, ["min_confidence": 1]) == [])
    }

    @Test("the entities stage's result is used when the pipeline has one")
    func upstreamEntities() async throws {
        let entities: JSONValue = [
            "entities": [
                ["text": "Freedonia", "type": "GPE", "start": 0, "end": 9, "canonical": "FD", "name": "Freedonia"],
                ["text": "NATO", "type": "ORG", "start": 28, "end": 32, "canonical": "NATO"],
            ]
        ]
        let value = try await output("Freedonia wants to join the NATO alliance.", results: ["entities": entities])
        #expect(value.arrayValue?.first?["actor"]?["id"] == "FD")
        #expect(value.arrayValue?.first?["stance"] == "seeking")
    }

    @Test("with `speaker_field`, \"we\" and \"my Government\" are the document's speaker, by code or name")
    func speaker() async throws {
        let configuration: JSONValue = ["speaker_field": "speaker", "evidence": false]
        let stage = try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "stance", keptFields: ["speaker"]))
        func pairs(_ text: String, speaker: JSONValue) async throws -> [String] {
            let document = Document(id: "1", text: text, fields: ["speaker": speaker])
            guard case .output(let value) = try await stage.analyze(StageInput(document: document)) else { return [] }
            return (value.arrayValue ?? []).map {
                "\($0["actor"]?["id"]?.stringValue ?? "?")/\($0["bloc"]?.stringValue ?? "?")/\($0["stance"]?.stringValue ?? "?")"
            }.sorted()
        }
        let text = "We joined NATO and the European Union in 2004, and our country remains a loyal ally."
        #expect(try await pairs(text, speaker: "LV") == ["LV/EU/member", "LV/NATO/member"])
        #expect(try await pairs(text, speaker: "Latvia") == ["LV/EU/member", "LV/NATO/member"])
        // An ISO 3166-1 alpha-3 code, as UN and statistical data write countries.
        #expect(try await pairs(text, speaker: "LVA") == ["LV/EU/member", "LV/NATO/member"])
        #expect(try await pairs(text, speaker: "lva") == ["LV/EU/member", "LV/NATO/member"])
        // Without a speaker (absent, not a string, or no country) the text names no actor.
        #expect(try await pairs(text, speaker: .null) == [])
        #expect(try await pairs(text, speaker: 42) == [])
        #expect(try await pairs(text, speaker: "Atlantis") == [])
        #expect(
            try await pairs("My Government will never join the Collective Security Treaty Organization.", speaker: "LV")
                == ["LV/CSTO/neutral"])
    }

    @Test("`speaker_field` and `date_field` must name a field the input keeps", arguments: ["speaker_field", "date_field"])
    func fieldNotKept(key: String) throws {
        #expect(throws: ConfigurationError.self) {
            try StageFactory(AlignmentStanceStage.self).makeStage(
                configuration: [key: "field"], context: StageContext(stageID: "stance"))
        }
    }

    @Test("documents in a language without cues are skipped")
    func otherLanguage() async throws {
        let result = try await stage().analyze(
            StageInput(
                document: Document(id: "1", text: "L'Armenia ha congelato la sua partecipazione alla CSTO."),
                resultsByStage: ["language": ["code": "it"]]))
        guard case .skipped(let reason) = result else {
            Issue.record("expected a skip, got \(result)")
            return
        }
        #expect(reason.hasPrefix("unsupported language: it"))
    }

    @Test("a user's cue file adds patterns; its mistakes name the file, line and column")
    func userCues() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glean-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "stances:\n  seeking:\n    - knocking at ... gate\n".write(
            to: folder.appendingPathComponent("cues.yaml"), atomically: true, encoding: .utf8)
        // A country the membership record gives no EU application, so that only the cue can say
        // seeking (for Ukraine, a candidate, the record alone already leans to seeking).
        let text = "Kazakhstan keeps knocking at the EU gate."
        // Without the cue, the model may still pair the two (named together), but not as seeking.
        #expect(try await !pairs(text).contains("KZ/EU/seeking"))
        // The model weighs the cue against the record (Kazakhstan has never applied), so its
        // confidence may fall under the default threshold, and the pair may come out undecided
        // (neutral) with seeking also; seeking is supported and the evidence is the cue's.
        let result = try await stage(["cues": "cues.yaml", "min_confidence": 0], base: folder.path).analyze(
            StageInput(document: Document(id: "1", text: text)))
        guard case .output(let value) = result else {
            Issue.record("expected output")
            return
        }
        let pair = try #require(value.arrayValue?.first)
        #expect(pair["stance"] == "seeking" || (pair["also"]?.arrayValue ?? []).contains("seeking"), "\(pair)")
        #expect(pair["evidence"]?.arrayValue?.first?["pattern"] == "knocking at ... gate")
        try "stances:\n  seekng:\n    - x\n".write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try stage(["cues": "bad.yaml"], base: folder.path)
        } throws: { error in
            "\(error)".contains("bad.yaml:2:3") && "\(error)".contains("`seekng` is not a stance")
        }
    }

    @Test(
        "bad cue patterns are refused with a reason",
        arguments: ["... membership", "join ...", "BLOC", "a|*"])
    func badPatterns(pattern: String) {
        #expect(throws: GleanError.self) { try StanceCue(pattern: pattern, stance: .seeking) }
    }
}
