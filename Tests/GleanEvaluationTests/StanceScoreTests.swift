import Foundation
import GleanCore
import GleanStages
import Testing

@testable import GleanEvaluation

@Suite("stance scoring")
struct StanceScoreTests {
    @Test("pairs, strict and lenient accuracy, per-stance F1, false pairs on empty passages")
    func score() {
        var score = StanceScore()
        score.add(
            labelled: [
                .init(actor: "AZ", bloc: "NATO", stance: .partner, also: [.neutral]),
                .init(actor: "FI", bloc: "NATO", stance: .member),
            ],
            found: [("AZ", "NATO", .neutral), ("FI", "NATO", .member), ("RU", "NATO", .opposed)])
        score.add(labelled: [], found: [("SE", "EU", .member)])
        #expect(score.matched == 2 && score.found == 4 && score.labelled == 2)
        #expect(score.pairs.precision == 0.5 && score.pairs.recall == 1)
        #expect(score.strictAccuracy == 0.5 && score.lenientAccuracy == 1)
        #expect(score.perStance(.member).precision == 0.5 && score.perStance(.member).recall == 1)
        #expect(score.perStance(.partner).f1 == 0)
        #expect(score.perStance(.partner, lenient: true).f1 == 1)
        #expect(score.emptyPassages == 1 && score.emptyPassagesWithPairs == 1 && score.emptyPassageFalsePairs == 1)
    }

    @Test("the development set reads; a malformed line is reported with its number")
    func labelledPassages() throws {
        let passages = try LabelledPassage.read(
            jsonLines: #"{"id":"a","text":"t","pairs":[["AZ","NATO","partner","neutral"]]}"# + "\n\n", source: "dev.jsonl")
        #expect(passages.first?.pairs == [.init(actor: "AZ", bloc: "NATO", stance: .partner, also: [.neutral])])
        #expect {
            _ = try LabelledPassage.read(
                jsonLines: "{}\n" + #"{"id":"b","text":"t","pairs":[["AZ","NATO","friend"]]}"#, source: "dev.jsonl")
        } throws: { error in
            "\(error)".hasPrefix("dev.jsonl:1:1")
        }
    }
}

@Suite("stance development set")
struct StanceDevelopmentSetTests {
    @Test("the built-in cues score above the floor on the development set (CI runs all three sets)")
    func developmentSet() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Evaluation/alignment-stance/dev.jsonl").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let passages = try LabelledPassage.read(jsonLines: text, source: path)
        #expect(passages.count >= 120)
        let score = try StanceEvaluation.shipped(passages: passages).score
        #expect(score.macroF1() >= 0.939)
        #expect(Set(passages.flatMap { $0.pairs.map(\.stance) }) == Set(Stance.allCases))
    }
}
