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

    @Test("with a feature fraction each tree splits on a seeded share of the features: same seed, same bytes")
    func featureFraction() throws {
        var settings = toy
        settings.featureFraction = 0.5
        let model = StanceModel.train(examples, settings: settings)
        #expect(model.decide(["cue.member": 1]).stance == .member)
        #expect(model.decide(["cue.partner": 1]).stance == .partner)
        #expect(try model.json() == StanceModel.train(examples, settings: settings).json())
        // Another seed draws other features for some trees, and the forest differs.
        var reseeded = settings
        reseeded.featureSeed = 2
        #expect(try model.json() != StanceModel.train(examples, settings: reseeded).json())
        // Every tree may use every feature at 1: the forest grown before the option existed.
        #expect(try StanceModel.train(examples, settings: toy).json() != model.json())
    }

    @Test("a feature fraction outside (0, 1] is a flaw", arguments: [0.0, -0.5, 1.5, Double.nan])
    func featureFractionFlaw(fraction: Double) {
        var settings = toy
        settings.featureFraction = fraction
        #expect(settings.flaw?.contains("feature fraction") == true)
    }

    @Test("trees learn an either-or of two features, which no sum of weights can separate")
    func eitherOr() {
        // One of two cues alone is a member; both together, or neither, is no pair. (Unequal
        // counts give the first split something to gain: with equal ones neither cue alone
        // tells anything, and a greedy tree never starts.)
        let examples =
            [[String: Double]](repeating: ["a": 1], count: 20).map { StanceModel.Example(features: $0, outcome: 1) }
            + [[String: Double]](repeating: ["b": 1], count: 20).map { StanceModel.Example(features: $0, outcome: 1) }
            + [[String: Double]](repeating: ["a": 1, "b": 1], count: 10).map {
                StanceModel.Example(features: $0, outcome: 0)
            }
            + [[String: Double]](repeating: [:], count: 30).map { StanceModel.Example(features: $0, outcome: 0) }
        let settings = StanceForest.Settings(rounds: 60, depth: 2, learningRate: 0.3, minCount: 2, minLeaf: 2)
        let model = StanceModel.train(examples, settings: settings)
        #expect(model.decide(["a": 1]).probability > 0.8)
        #expect(model.decide(["b": 1]).probability > 0.8)
        #expect(model.decide(["a": 1, "b": 1]).none > 0.8)
        #expect(model.decide([:]).none > 0.8)
    }

    @Test("a feature of many values, negative and positive, splits where the outcome changes; a small value is not an absent one")
    func continuousFeature() {
        // x above 0.3: member; below -0.3: opposed; between, or absent: no pair. 201 values, far
        // more than the 15 thresholds a feature gets.
        let examples = (-100...100).map { step -> StanceModel.Example in
            let x = Double(step) / 100
            let outcome = x > 0.3 ? 1 : x < -0.3 ? 5 : 0
            return StanceModel.Example(features: x == 0 ? [:] : ["x": x], outcome: outcome)
        }
        let settings = StanceForest.Settings(rounds: 40, depth: 3, learningRate: 0.3, minCount: 2, minLeaf: 2)
        let model = StanceModel.train(examples, settings: settings)
        #expect(model.decide(["x": 0.8]).stance == .member && model.decide(["x": 0.8]).probability > 0.8)
        #expect(model.decide(["x": -0.8]).stance == .opposed && model.decide(["x": -0.8]).probability > 0.8)
        #expect(model.decide(["x": 0.05]).none > 0.8)
        #expect(model.decide([:]).none > 0.8)
        // The thresholds keep 0 apart from its neighbours.
        let cuts = BinnedExamples.thresholds(of: examples.compactMap { $0.features["x"] } + [0], most: 15)
        #expect(cuts.contains(-0.005) && cuts.contains(0.005) && cuts.count == 15)
    }

    @Test("a forest keeps only the features its trees split on, never one fewer examples than min_count have")
    func features() {
        var examples = self.examples
        examples.append(StanceModel.Example(features: ["rare": 1], outcome: 5))
        let forest = StanceForest.train(examples, outcomes: StanceModel.outcomes.count, settings: toy)
        #expect(!forest.features.contains("rare") && forest.features.contains("cue.member"))
        #expect(forest.trees.count == toy.rounds * StanceModel.outcomes.count)
        let used = Set(forest.trees.flatMap { $0.feature.filter { $0 >= 0 } })
        #expect(used == Set(forest.features.indices))
        #expect(forest.features == forest.features.sorted())
    }

    @Test(
        "thresholds fall between a feature's distinct values, at most the set number, on both sides of 0",
        arguments: [
            ([0.0, 1.0, 1.0], 15, [0.5]),
            ([0.0, 0.5, 1.0], 15, [0.25, 0.75]),
            ([3.0, 3.0], 15, []),
            ([0.0, 1.0], 0, []),
            ((0...20).map(Double.init), 3, [0.5, 5.5, 10.5]),
            ((-10...10).map(Double.init), 4, [-5.5, -1.5, -0.5, 0.5]),
        ])
    func thresholds(values: [Double], most: Int, expected: [Double]) {
        #expect(BinnedExamples.thresholds(of: values, most: most) == expected)
    }

    @Test(
        "a tree scoring could not walk is refused, with its number, and a model file holding one is unreadable",
        arguments: [
            // The left child before its parent.
            StanceForest.Tree(
                outcome: 0, feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [0, 0, 0], right: [2, 0, 0],
                value: [0, 1, 2]),
            // A feature the forest does not have.
            StanceForest.Tree(
                outcome: 0, feature: [99_999, -1, -1], threshold: [0.5, 0, 0], left: [1, 0, 0], right: [2, 0, 0],
                value: [0, 1, 2]),
            // A right child past the end.
            StanceForest.Tree(
                outcome: 0, feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, 0, 0], right: [7, 0, 0],
                value: [0, 1, 2]),
            // Arrays of different lengths.
            StanceForest.Tree(outcome: 0, feature: [0, -1, -1], threshold: [0.5], left: [1], right: [2], value: [0]),
            // An outcome the forest does not score.
            StanceForest.Tree(outcome: 9, feature: [-1], threshold: [0], left: [0], right: [0], value: [1]),
            // A leaf's feature below -1.
            StanceForest.Tree(outcome: 0, feature: [-5_000_000_000], threshold: [0], left: [0], right: [0], value: [1]),
        ])
    func malformedTree(tree: StanceForest.Tree) throws {
        let good = StanceForest.Tree(outcome: 1, feature: [-1], threshold: [0], left: [0], right: [0], value: [0.5])
        let base = [Double](repeating: 0, count: StanceModel.outcomes.count)
        let error = try #require(throws: GleanError.self) {
            try StanceForest(features: ["a"], base: base, trees: [good, tree])
        }
        #expect(error.message.hasPrefix("tree 1 of the stance model cannot be read"))
        // The same tree in a model file: the file is refused when read, before anything is scored.
        var model = StanceModel.train(examples, settings: toy)
        model.forest = try StanceForest(features: ["a"], base: base, trees: [good])
        var file = try #require(try JSONSerialization.jsonObject(with: Data(try model.json())) as? [String: Any])
        var forest = try #require(file["forest"] as? [String: Any])
        forest["trees"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode([good, tree]))
        file["forest"] = forest
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: file))
        #expect(throws: GleanError.self) { try StanceModel(json: bytes, source: "broken.json") }
    }

    @Test("a model of the regression that came before (weights, bias) is refused with what to do")
    func olderModel() throws {
        let json =
            #"{"outcomes": ["none", "member", "seeking", "partner", "neutral", "opposed"], "provenance": {}, "#
            + #""bias": [0, 0, 0, 0, 0, 0], "weights": {}, "calibration": {"upper": [1.0], "value": [0.5]}}"#
        let error = try #require(throws: GleanError.self) {
            try StanceModel(json: Array(json.utf8), source: "old.json")
        }
        #expect(error.message.contains("retrain it with `glean train stance`") && error.message.contains("old.json"))
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
