import Foundation
import GleanCore

/// The learned part of the `alignment-stance` stage: gradient-boosted trees (``StanceForest``)
/// that read a candidate pair's features (which stances the cues signalled, negation, time,
/// distance, lists, the speaker, the rules' own reading…) and give the probability of each
/// outcome — no pair, or one of the five stances — with a calibration that maps the chosen
/// stance's probability to the share of such pairs that are right.
///
/// Trained by `glean train stance` (``train(_:settings:)``); the shipped trees are
/// `Resources/stance-model.json`, with the data and settings that made them.
public struct StanceModel: Sendable {
    /// The outcomes, in score order: `none` (not a pair), then the stances.
    public static let outcomes: [String] = ["none"] + Stance.allCases.map(\.rawValue)

    /// The trees that score each outcome.
    public var forest: StanceForest
    /// Maps a raw probability to the share right (isotonic, from cross-validated predictions).
    public var calibration: StanceCalibration
    /// The calibration for texts read without a speaker, fitted on the same cross-validated
    /// predictions made as if no passage named a speaker or a date; `nil`: ``calibration``
    /// serves both.
    public var plainCalibration: StanceCalibration?
    /// What made the trees: data files, settings, seed, cross-validated scores.
    public var provenance: [String: String]

    /// A model from its parts.
    public init(
        forest: StanceForest, calibration: StanceCalibration = StanceCalibration(),
        plainCalibration: StanceCalibration? = nil, provenance: [String: String] = [:]
    ) {
        self.forest = forest
        self.calibration = calibration
        self.plainCalibration = plainCalibration
        self.provenance = provenance
    }

    /// The probability of each outcome (``outcomes`` order) for a candidate's features.
    public func probabilities(_ features: [String: Double]) -> [Double] {
        Self.softmax(forest.scores(features))
    }

    /// The stance most likely if the candidate is a pair, its raw probability, and the
    /// probability that there is no pair at all.
    public func decide(_ features: [String: Double]) -> (stance: Stance, probability: Double, none: Double, all: [Double]) {
        let probabilities = probabilities(features)
        var best = 1
        for index in 2..<probabilities.count where probabilities[index] > probabilities[best] { best = index }
        return (Stance.allCases[best - 1], probabilities[best], probabilities[0], probabilities)
    }

    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}
