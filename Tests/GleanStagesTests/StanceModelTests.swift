import Foundation
import GleanCore
import Testing

@testable import GleanStages

@Suite("stance model")
struct StanceModelTests {
    /// Examples where one feature tells the outcome: `cue.member` → member, `cue.partner` → partner, none → no pair.
    private var examples: [StanceModel.Example] {
        (0..<30).flatMap { index -> [StanceModel.Example] in
            [
                StanceModel.Example(features: ["cue.member": 1, "noise.\(index % 3)": 1], outcome: 1),
                StanceModel.Example(features: ["cue.partner": 1, "noise.\(index % 4)": 1], outcome: 3),
                StanceModel.Example(features: ["noise.\(index % 5)": 1], outcome: 0),
            ]
        }
    }

    /// Settings small enough for toy data.
    private let toy = StanceForest.Settings(rounds: 30, depth: 3, learningRate: 0.3, minCount: 2, minLeaf: 2)

    @Test("training learns which feature tells which stance, and gives the same bytes for the same examples")
    func training() throws {
        let model = StanceModel.train(examples, settings: toy)
        #expect(model.decide(["cue.member": 1]).stance == .member)
        #expect(model.decide(["cue.partner": 1]).stance == .partner)
        #expect(model.decide([:]).none > 0.5)
        let again = StanceModel.train(examples, settings: toy)
        #expect(try model.json() == again.json())
        let read = try StanceModel(json: try model.json(), source: "test")
        #expect(read.forest == model.forest)
        #expect(read.decide(["cue.member": 1]).probability == model.decide(["cue.member": 1]).probability)
    }

    @Test("trees learn what two features say together, which no weight of either alone can")
    func conjunction() {
        // A cue with the actor as subject is a member; the same cue elsewhere, or the subject
        // without the cue, is no pair.
        let examples = (0..<20).flatMap { index -> [StanceModel.Example] in
            [
                StanceModel.Example(features: ["cue": 1, "subject": 1, "noise.\(index % 3)": 1], outcome: 1),
                StanceModel.Example(features: ["cue": 1, "noise.\(index % 4)": 1], outcome: 0),
                StanceModel.Example(features: ["subject": 1, "noise.\(index % 5)": 1], outcome: 0),
                StanceModel.Example(features: ["noise.\(index % 2)": 1], outcome: 0),
            ]
        }
        let model = StanceModel.train(examples, settings: toy)
        let both = model.decide(["cue": 1, "subject": 1])
        #expect(both.stance == .member && both.probability > 0.8)
        #expect(model.decide(["cue": 1]).none > 0.8)
        #expect(model.decide(["subject": 1]).none > 0.8)
    }

    @Test("a feature seen in fewer examples than min_count is never split on")
    func rareFeatures() {
        var examples = self.examples
        examples.append(StanceModel.Example(features: ["rare": 1], outcome: 5))
        let forest = StanceForest.train(examples, outcomes: StanceModel.outcomes.count, settings: toy)
        #expect(!forest.features.contains("rare") && forest.features.contains("cue.member"))
        #expect(forest.trees.count == toy.rounds * StanceModel.outcomes.count)
    }

    @Test(
        "thresholds fall between a feature's distinct values, at most the set number",
        arguments: [
            ([0.0, 1.0, 1.0], 15, [0.5]),
            ([0.0, 0.5, 1.0], 15, [0.25, 0.75]),
            ([3.0, 3.0], 15, []),
            ((0...20).map(Double.init), 3, [5.5, 10.5, 15.5]),
        ])
    func thresholds(values: [Double], most: Int, expected: [Double]) {
        #expect(BinnedExamples.thresholds(of: values, most: most) == expected)
    }

    @Test("a tree whose children point backwards, or a split on an unknown feature, is refused")
    func malformedTrees() throws {
        var model = StanceModel.train(examples, settings: toy)
        model.forest.trees[0] = StanceForest.Tree(
            outcome: 0, feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [0, 0, 0], right: [2, 0, 0], value: [0, 1, 2])
        #expect(throws: GleanError.self) { try StanceModel(json: try model.json(), source: "backwards.json") }
        model.forest.trees[0] = StanceForest.Tree(
            outcome: 0, feature: [99_999, -1, -1], threshold: [0.5, 0, 0], left: [1, 0, 0], right: [2, 0, 0],
            value: [0, 1, 2])
        #expect(throws: GleanError.self) { try StanceModel(json: try model.json(), source: "unknown.json") }
    }

    @Test("the calibration for texts without a speaker is written and read with the model, and the analyzer uses it")
    func plainCalibration() throws {
        var model = StanceModel.train(examples, settings: toy)
        model.calibration = StanceCalibration(fitting: [0.2, 0.4, 0.6, 0.8], right: [false, true, true, true])
        let plain = StanceCalibration(fitting: [0.2, 0.4, 0.6, 0.8], right: [false, false, false, true])
        model.plainCalibration = plain
        let read = try StanceModel(json: try model.json(), source: "test")
        #expect(read.plainCalibration == plain && read.calibration == model.calibration)
        // A model written without one reads as one calibration for both.
        model.plainCalibration = nil
        #expect(try StanceModel(json: try model.json(), source: "test").plainCalibration == nil)
        // The analyzer calibrates a text with a speaker by the one, a text without by the other:
        // here every answer right, and every answer wrong.
        var shipped = try StanceModel.shipped
        shipped.calibration = StanceCalibration(fitting: [0.0, 1.0], right: [true, true])
        shipped.plainCalibration = StanceCalibration(fitting: [0.0, 1.0], right: [false, false])
        let recognizer = try EntityRecognizer.shipped
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer, model: shipped)
        let text = "Latvia joined NATO in 2004."
        let entities = recognizer.entities(in: text)
        let spoken = try #require(analyzer.pairs(in: text, entities: entities, speaker: "LV").first)
        let unspoken = try #require(analyzer.pairs(in: text, entities: entities).first)
        #expect(spoken.confidence == 1 && unspoken.confidence == 0)
    }

    @Test("a file that is no model is refused with its name")
    func badFile() {
        #expect(throws: GleanError.self) { try StanceModel(json: Array("{}".utf8), source: "broken.json") }
    }

    @Test("calibration is monotone and maps each score to the share right around it")
    func calibration() {
        let scores = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9]
        let right = [false, false, true, false, true, true, false, true]
        let calibration = StanceCalibration(fitting: scores, right: right)
        #expect(calibration(0.1) == 0)
        #expect(calibration(0.95) >= calibration(0.5))
        #expect(calibration(0.5) >= calibration(0.15))
        let values = stride(from: 0.0, through: 1.0, by: 0.05).map { calibration($0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(StanceCalibration()(0.42) == 0.42)
    }

    @Test("steps whose bounds round to the same four places are pooled, so saturated scores get their share")
    func calibrationSaturated() {
        // Without pooling: steps (0.2: 0), (1.0: 0.5), (1.0: 1.0), and 0.999999 would get 0.5.
        let scores = [0.2, 0.7, 0.999991, 0.999992, 0.999996, 0.999999]
        let right = [false, true, false, true, true, true]
        let calibration = StanceCalibration(fitting: scores, right: right)
        #expect(calibration.upper == [0.2, 1.0])
        #expect(calibration.value == [0, 0.8])
        #expect(calibration(0.999999) == 0.8)
        #expect(calibration(0.1) == 0)
    }

    @Test("between two steps' centres the confidence follows the line from one share right to the next")
    func calibrationLines() throws {
        // Two steps: 0.2 and 0.4 (none right, centre 0.3), 0.6 and 0.8 (both right, centre 0.7).
        let calibration = StanceCalibration(fitting: [0.2, 0.4, 0.6, 0.8], right: [false, false, true, true])
        #expect(calibration.centre == [0.3, 0.7])
        #expect(calibration.value == [0, 1])
        #expect(abs(calibration(0.5) - 0.5) < 1e-9)
        #expect(abs(calibration(0.4) - 0.25) < 1e-9)
        #expect(calibration(0.1) == 0 && calibration(0.95) == 1)
    }

    @Test("a calibration written without centres (an older model) is read as steps")
    func calibrationWithoutCentres() throws {
        let json = #"{"upper": [0.5, 1.0], "value": [0.2, 0.9]}"#
        let calibration = try JSONDecoder().decode(StanceCalibration.self, from: Data(json.utf8))
        #expect(calibration.centre.isEmpty)
        #expect(calibration(0.3) == 0.2 && calibration(0.7) == 0.9)
    }

    @Test("the shipped model loads, with its provenance")
    func shipped() throws {
        let model = try StanceModel.shipped
        #expect(!model.forest.trees.isEmpty && !model.forest.features.isEmpty)
        #expect(model.provenance["trained_by"] == "glean train stance")
        #expect(!model.calibration.upper.isEmpty)
    }
}
