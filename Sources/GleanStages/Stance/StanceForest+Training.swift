import Foundation
import GleanCore

extension StanceForest {
    /// How a forest is grown.
    public struct Settings: Sendable, Equatable {
        /// Boosting rounds: each adds one tree per outcome.
        public var rounds: Int
        /// The deepest a tree grows (splits from the root to a leaf).
        public var depth: Int
        /// How much of each tree's fit is kept (shrinkage).
        public var learningRate: Double
        /// A feature is split on only when at least this many examples have it.
        public var minCount: Int
        /// The fewest examples a leaf may hold.
        public var minLeaf: Int
        /// L2 penalty on leaf values.
        public var l2: Double
        /// The most thresholds tried per feature (quantiles of its values when it has more).
        public var maxThresholds: Int
        /// The chance each feature has of being open to a tree, drawn anew for every tree (1: every
        /// feature to every tree), so about that share of the features per tree.
        public var featureFraction: Double
        /// Seeds the draw of each tree's features.
        public var featureSeed: UInt64

        /// Settings; the defaults are what `glean train stance` uses (docs/stages/alignment-stance.md#training).
        public init(
            rounds: Int = 100, depth: Int = 4, learningRate: Double = 0.2, minCount: Int = 10, minLeaf: Int = 10,
            l2: Double = 1, maxThresholds: Int = 15, featureFraction: Double = 1, featureSeed: UInt64 = 1
        ) {
            self.rounds = rounds
            self.depth = depth
            self.learningRate = learningRate
            self.minCount = minCount
            self.minLeaf = minLeaf
            self.l2 = l2
            self.maxThresholds = maxThresholds
            self.featureFraction = featureFraction
            self.featureSeed = featureSeed
        }

        /// What is wrong with these settings for training, or `nil`: rounds and depth may not be
        /// negative, a leaf must hold an example, the learning rate must be positive, a feature
        /// must have a threshold to try.
        public var flaw: String? {
            if rounds < 0 { return "rounds must be 0 or more, not \(rounds)" }
            if depth < 0 { return "depth must be 0 or more, not \(depth)" }
            if minLeaf < 1 { return "min-leaf must be 1 or more, not \(minLeaf)" }
            if !(learningRate > 0) { return "the learning rate must be above 0, not \(learningRate)" }
            if maxThresholds < 1 { return "max-thresholds must be 1 or more, not \(maxThresholds)" }
            if !(l2 >= 0) { return "l2 must be 0 or more, not \(l2)" }
            if !(featureFraction > 0 && featureFraction <= 1) {
                return "the feature fraction must be above 0 and at most 1, not \(featureFraction)"
            }
            return nil
        }
    }

    /// Grows a forest by multinomial gradient boosting (Friedman's, with second-order leaf
    /// values as in XGBoost): each round, for each outcome, a tree fitted to the gradient of the
    /// weighted log loss at the current scores. Splits are chosen among each feature's binned
    /// thresholds; ties go to the earlier feature and threshold. With a ``Settings/featureFraction``
    /// below 1 each tree may split only on a share of the features, drawn by a generator seeded
    /// with ``Settings/featureSeed``; so the same examples and settings give the same forest.
    /// `settings` must have no ``Settings/flaw``.
    public static func train(_ examples: [StanceModel.Example], outcomes: Int, settings: Settings = Settings())
        -> StanceForest
    {
        precondition(settings.flaw == nil, settings.flaw ?? "")
        let binned = BinnedExamples(examples, settings: settings)
        let count = examples.count
        var totals = [Double](repeating: 1e-9, count: outcomes)
        for example in examples { totals[example.outcome] += example.weight }
        let sum = totals.reduce(0, +)
        let base = totals.map { Self.rounded(log($0 / sum)) }
        var scores = [[Double]](repeating: base, count: count)
        var trees: [Tree] = []
        var gradient = [Double](repeating: 0, count: count)
        var hessian = [Double](repeating: 0, count: count)
        var random = SplitMix64(seed: settings.featureSeed)
        for _ in 0..<settings.rounds {
            let probabilities = scores.map(StanceModel.softmax)
            for outcome in 0..<outcomes {
                for item in 0..<count {
                    let weight = examples[item].weight
                    let probability = probabilities[item][outcome]
                    gradient[item] = weight * (probability - (examples[item].outcome == outcome ? 1 : 0))
                    hessian[item] = weight * max(probability * (1 - probability), 1e-6)
                }
                let allowed =
                    settings.featureFraction < 1
                    ? binned.names.indices.map { _ in random.nextUnit() < settings.featureFraction } : nil
                var grower = TreeGrower(
                    binned: binned, gradient: gradient, hessian: hessian, settings: settings, outcome: outcome,
                    allowed: allowed)
                let (tree, leafOf) = grower.grow()
                for item in 0..<count { scores[item][outcome] += tree.value[leafOf[item]] }
                trees.append(tree)
            }
        }
        return pruned(features: binned.names, base: base, trees: trees)
    }

    /// The forest with only the features its trees split on, renumbered in name order.
    private static func pruned(features: [String], base: [Double], trees: [Tree]) -> StanceForest {
        let used = Set(trees.flatMap { $0.feature.filter { $0 >= 0 } }).sorted()
        let renumbered = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        let trees = trees.map { tree in
            var tree = tree
            tree.feature = tree.feature.map { $0 < 0 ? $0 : renumbered[$0] ?? -1 }
            return tree
        }
        return StanceForest(trusted: used.map { features[$0] }, base: base, trees: trees)
    }

    /// A value rounded to six decimals, so that written models stay short and exact.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
