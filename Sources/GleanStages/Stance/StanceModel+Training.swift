import Foundation

extension StanceModel {
    /// The learning rate `glean train stance` uses unless told otherwise.
    public static let defaultLearningRate = 0.005

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

    /// Trains a multinomial logistic regression by stochastic gradient descent: `epochs` passes
    /// over the examples in an order shuffled by `seed`, a learning rate that starts at
    /// `learningRate` and decays by pass, and L2 regularisation `l2`. Deterministic: the same
    /// examples and settings give the same weights.
    ///
    /// The small default rate stops the weights early, well before they fit the training
    /// passages: on the real passages, cross-validated over four seeds, 0.005 scores about 2
    /// points of pair F1 and 3.5 of macro F1 above 0.5 (docs/stages/alignment-stance.md).
    public static func train(
        _ examples: [Example], epochs: Int = 30, seed: UInt64 = 1, learningRate: Double = defaultLearningRate,
        l2: Double = 1e-5
    ) -> StanceModel {
        let names = Array(Set(examples.flatMap(\.features.keys))).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let sparse = examples.map { example in
            example.features.map { (index[$0.key] ?? 0, $0.value) }.sorted { $0.0 < $1.0 }
        }
        let classes = outcomes.count
        var weights = [[Double]](repeating: [Double](repeating: 0, count: classes), count: names.count)
        var bias = [Double](repeating: 0, count: classes)
        var order = Array(examples.indices)
        var random = seed
        for epoch in 0..<epochs {
            // Fisher–Yates with SplitMix64 steps: the same on every platform.
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                random &+= 0x9E37_79B9_7F4A_7C15
                var mixed = random
                mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
                mixed ^= mixed >> 31
                order.swapAt(position, Int(mixed % UInt64(position + 1)))
            }
            let rate = learningRate / (1 + Double(epoch) * 0.2)
            for item in order {
                let features = sparse[item]
                var scores = bias
                for (feature, value) in features {
                    for outcome in 0..<classes { scores[outcome] += weights[feature][outcome] * value }
                }
                let probabilities = softmax(scores)
                let weight = examples[item].weight
                for outcome in 0..<classes {
                    let gradient = (probabilities[outcome] - (outcome == examples[item].outcome ? 1 : 0)) * weight
                    bias[outcome] -= rate * gradient
                    for (feature, value) in features {
                        weights[feature][outcome] -= rate * (gradient * value + l2 * weights[feature][outcome])
                    }
                }
            }
        }
        func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
        var table: [String: [Double]] = [:]
        for (position, name) in names.enumerated() where weights[position].contains(where: { abs($0) >= 1e-6 }) {
            table[name] = weights[position].map(rounded)
        }
        return StanceModel(weights: table, bias: bias.map(rounded))
    }
}
