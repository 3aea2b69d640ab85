import Foundation
import GleanCore

/// The learned part of the `alignment-stance` stage: a multinomial logistic regression that
/// reads a candidate pair's features (which stances the cues signalled, negation, time,
/// distance, lists, the rules' own reading…) and gives the probability of each outcome —
/// no pair, or one of the five stances — with a calibration that maps the chosen stance's
/// probability to the share of such pairs that are right.
///
/// Trained by `glean train stance` (``train(_:classes:epochs:seed:)``); the shipped weights are
/// `Resources/stance-model.json`, with the data and settings that made them.
public struct StanceModel: Sendable {
    /// The outcomes, in weight order: `none` (not a pair), then the stances.
    public static let outcomes: [String] = ["none"] + Stance.allCases.map(\.rawValue)

    /// A feature's weight for each outcome, by feature name.
    public var weights: [String: [Double]] {
        didSet { ranked = RankedWeights(weights) }
    }
    /// The weights in name order, and each name's place in it: a candidate's features are
    /// summed in name order, found by their place instead of by sorting their names.
    private var ranked: RankedWeights
    /// The bias of each outcome.
    public var bias: [Double]
    /// Maps a raw probability to the share right (isotonic, from cross-validated predictions).
    public var calibration: StanceCalibration
    /// The calibration for texts read without a speaker, fitted on the same cross-validated
    /// predictions made as if no passage named one; `nil`: ``calibration`` serves both.
    public var plainCalibration: StanceCalibration?
    /// What made the weights: data files, epochs, seed, cross-validated scores.
    public var provenance: [String: String]

    /// A model from its parts.
    public init(
        weights: [String: [Double]], bias: [Double], calibration: StanceCalibration = StanceCalibration(),
        plainCalibration: StanceCalibration? = nil, provenance: [String: String] = [:]
    ) {
        self.weights = weights
        ranked = RankedWeights(weights)
        self.bias = bias
        self.calibration = calibration
        self.plainCalibration = plainCalibration
        self.provenance = provenance
    }

    /// The probability of each outcome (``outcomes`` order) for a candidate's features.
    public func probabilities(_ features: [String: Double]) -> [Double] {
        var scores = bias
        // In name order, so that the sums (and so the bytes training writes) never depend on
        // the dictionary's order; features without a weight add nothing.
        var present: [(rank: Int, value: Double)] = []
        present.reserveCapacity(features.count)
        for (name, value) in features {
            if let rank = ranked.ranks[name] { present.append((rank, value)) }
        }
        present.sort { $0.rank < $1.rank }
        for (rank, value) in present {
            let row = ranked.rows[rank]
            for index in scores.indices { scores[index] += row[index] * value }
        }
        return Self.softmax(scores)
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
