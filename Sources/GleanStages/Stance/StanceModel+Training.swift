import Foundation

extension StanceModel {
    /// One training example: a candidate's features and its outcome (index into ``outcomes``).
    public struct Example: Sendable {
        /// The candidate's features.
        public var features: [String: Double]
        /// The right outcome: 0 for no pair, else 1 + the stance's index in `Stance.allCases`.
        public var outcome: Int
        /// How much the example counts.
        public var weight: Double

        /// Creates an example.
        public init(features: [String: Double], outcome: Int, weight: Double = 1) {
            self.features = features
            self.outcome = outcome
            self.weight = weight
        }
    }

    /// Trains the trees on `examples` (``StanceForest/train(_:outcomes:settings:)``), with no
    /// calibration: `glean train stance` fits that on cross-validated predictions.
    public static func train(_ examples: [Example], settings: StanceForest.Settings = StanceForest.Settings())
        -> StanceModel
    {
        StanceModel(forest: StanceForest.train(examples, outcomes: outcomes.count, settings: settings))
    }
}
