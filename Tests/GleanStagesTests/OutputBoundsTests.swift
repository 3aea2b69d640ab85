import Foundation
import GleanCore
import GleanStages
import Testing

/// Every stage's output per document is bounded, with what was left out counted (issue 13: one
/// 5 MB document gave 317,752 evidence items for one pair and an output line glean could not
/// read back).
@Suite("Stage output bounds and allowed values")
struct OutputBoundsTests {
    private func output<S: Stage>(
        _ type: S.Type, _ text: String, _ configuration: JSONValue = [:], results: [String: JSONValue] = [:]
    ) async throws -> JSONValue {
        let stage = try StageFactory(type).makeStage(configuration: configuration, context: StageContext(stageID: "s"))
        let result = try await stage.analyze(StageInput(document: Document(id: "1", text: text), resultsByStage: results))
        guard let value = try result.outputValue else {
            Issue.record("expected output, got \(result)")
            return .null
        }
        return value
    }

    static let repeated = String(repeating: "Georgia wants to join NATO, its president said on Monday. ", count: 45)

    @Test("alignment-stance: at most max_evidence items per pair (20 by default), the rest counted")
    func stanceEvidence() async throws {
        let bounded = try #require(try await output(AlignmentStanceStage.self, Self.repeated).arrayValue?.first)
        #expect(bounded["evidence"]?.arrayValue?.count == 20)
        #expect(bounded["evidence_omitted"] == 25)
        let three = try #require(
            try await output(AlignmentStanceStage.self, Self.repeated, ["max_evidence": 3]).arrayValue?.first)
        #expect(three["evidence"]?.arrayValue?.map { $0["sentence"]?.intValue ?? -1 } == [0, 1, 2])
        let few = try #require(
            try await output(AlignmentStanceStage.self, "Georgia wants to join NATO.", ["max_evidence": 3]).arrayValue?.first)
        #expect(few["evidence"]?.arrayValue?.count == 1 && few["evidence_omitted"] == nil)
    }

    @Test("alignment-stance: the evidence that decides the pair is kept first")
    func decidingEvidenceKept() async throws {
        // The first cue in the text is a partner cue; the pair is decided by the later ones.
        let text = "Georgia cooperates with NATO. " + String(repeating: "In 2024 Georgia applied to join NATO. ", count: 3)
        let all = try #require(try await output(AlignmentStanceStage.self, text).arrayValue?.first)
        #expect(all["evidence"]?.arrayValue?.map { $0["stance"]?.stringValue ?? "" }.first == "partner")
        let pair = try #require(try await output(AlignmentStanceStage.self, text, ["max_evidence": 1]).arrayValue?.first)
        #expect(pair["stance"] == "seeking")
        #expect(pair["evidence"]?.arrayValue?.first?["stance"] == pair["stance"])
    }

    @Test("alignment-stance: bloc ids in any case are taken as the gazetteer spells them")
    func blocCase() async throws {
        let pairs = try await output(AlignmentStanceStage.self, "Finland joined NATO in 2023.", ["blocs": ["nato"]])
        #expect(pairs.arrayValue?.first?["bloc"] == "NATO")
    }

    @Test("the gazetteer's bloc ids are its blocs, not parliaments, ministries, companies or parties")
    func blocIDs() throws {
        let ids = try Gazetteer.shipped.blocIDs
        #expect(ids.count >= 65)
        #expect(ids.contains("NATO") && ids.contains("PFP") && ids.contains("ARAB_LEAGUE"))
        #expect(!ids.contains("KREMLIN") && !ids.contains("BUNDESTAG"))
        #expect(!ids.contains("GAZPROM") && !ids.contains("AIRBUS") && !ids.contains("HAMAS"))
        // Read from the marked lines without building the gazetteer, for stage descriptors: the same.
        let scanned = try Gazetteer.shippedBlocs
        #expect(scanned.ids == ids)
        #expect(scanned.topLevel == (try Gazetteer.shipped.blocs))
    }

    @Test("entities: at most max_mentions per entity and max_entities entities, counts kept whole")
    func entityMentions() async throws {
        let text = String(repeating: "NATO met. ", count: 8) + "Georgia and Armenia met."
        let value = try await output(EntitiesStage.self, text, ["max_mentions": 3, "max_entities": 2])
        let mentions = value["entities"]?.arrayValue?.map { $0["canonical"]?.stringValue ?? "" } ?? []
        #expect(mentions == ["NATO", "NATO", "NATO", "GE"])
        #expect(value["distinct"]?.arrayValue?.map { $0["mentions"]?.intValue ?? 0 } == [8, 1])
        #expect(value["mentions_omitted"] == 6 && value["entities_omitted"] == 1)
        let defaults = try await output(EntitiesStage.self, text)
        #expect(defaults["mentions_omitted"] == nil && defaults["entities"]?.arrayValue?.count == 10)
    }

    @Test("sentiment and language: at most max_sentences listed, every sentence still scored")
    func sentences() async throws {
        let text = String(repeating: "Good news today. ", count: 5)
        let tone = try await output(SentimentStage.self, text, ["max_sentences": 2])
        #expect(tone["sentences"]?.arrayValue?.count == 2 && tone["sentences_omitted"] == 3)
        #expect(tone["sentence_mean"] == (try await output(SentimentStage.self, text))["sentence_mean"])
        let language = try await output(LanguageStage.self, text, ["per_sentence": true, "max_sentences": 4])
        #expect(language["sentences"]?.arrayValue?.count == 4 && language["sentences_omitted"] == 1)
    }
}
