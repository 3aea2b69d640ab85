import Foundation
import GleanCore

/// Gradient-boosted decision trees over a candidate pair's features: for each outcome, a sum of
/// small trees whose splits ask whether a feature's value is above a threshold (a feature a
/// candidate lacks is 0). The scores of the outcomes become probabilities by softmax in
/// ``StanceModel``.
///
/// Trees read features in combination: a cue's stance with whether the actor is the sentence's
/// subject, a withdrawal with a date, a speaker with a bloc named in passing.
/// Trained by ``train(_:outcomes:settings:)``.
public struct StanceForest: Sendable, Equatable {
    /// The features the trees split on, in index order.
    public let features: [String]
    /// Each outcome's score before any tree (the log of its share of the training weight).
    public let base: [Double]
    /// The trees, each adding to one outcome's score.
    public let trees: [Tree]
    /// Each feature's index in ``features``.
    private var index: [String: Int]
    /// Every tree's nodes in one array, for scoring without a copy per tree.
    private var nodes: [PackedNode]
    /// Each tree's root in ``nodes`` and its outcome.
    private var roots: [(node: Int, outcome: Int)]

    /// A node as scoring reads it, in 16 bytes: a split (feature, threshold, its right child's
    /// position in the one array; its left child is the next node) or a leaf (feature -1, its
    /// value in `threshold`).
    private struct PackedNode: Sendable {
        var threshold: Double
        var feature: Int32
        var right: Int32
    }

    /// One tree: nodes in arrays, the root first; a node with a negative feature is a leaf.
    public struct Tree: Sendable, Equatable, Codable {
        /// The outcome (index into ``StanceModel/outcomes``) whose score the tree adds to.
        public var outcome: Int
        /// Each node's feature index, or -1 for a leaf.
        public var feature: [Int]
        /// Each split's threshold: a value above it goes right.
        public var threshold: [Double]
        /// Each split's left child (value at or below the threshold): always the next node, as
        /// trees are written depth first.
        public var left: [Int]
        /// Each split's right child (value above the threshold).
        public var right: [Int]
        /// Each leaf's value (0 for splits).
        public var value: [Double]

        /// Creates a tree from its node arrays.
        public init(outcome: Int, feature: [Int], threshold: [Double], left: [Int], right: [Int], value: [Double]) {
            self.outcome = outcome
            self.feature = feature
            self.threshold = threshold
            self.left = left
            self.right = right
            self.value = value
        }

        /// Why ``StanceForest/scores(_:)`` could not walk the tree, or `nil`: its arrays must be
        /// of one length, every leaf's feature -1, every split's feature one of `features`, its
        /// left child the next node and its right child a later one.
        func flaw(features: Int) -> String? {
            let count = feature.count
            guard count > 0, threshold.count == count, left.count == count, right.count == count, value.count == count
            else { return "its node arrays are empty or of different lengths" }
            for node in feature.indices {
                if feature[node] < 0 {
                    if feature[node] != -1 { return "node \(node) has feature \(feature[node]) (a leaf's is -1)" }
                } else if feature[node] >= features {
                    return "node \(node) splits on feature \(feature[node]) of \(features)"
                } else if left[node] != node + 1 || right[node] <= left[node] || right[node] >= count {
                    return "node \(node)'s children (\(left[node]), \(right[node])) are not the next node and a later one"
                }
            }
            return nil
        }
    }

    /// A forest from its parts, checked: every tree must add to one of the outcomes of `base` and
    /// be one that scoring can walk (``Tree``'s arrays of one length, children after their parent).
    public init(features: [String], base: [Double], trees: [Tree]) throws(GleanError) {
        for (position, tree) in trees.enumerated() {
            let flaw =
                tree.outcome < 0 || tree.outcome >= base.count
                ? "its outcome \(tree.outcome) is not one of the \(base.count) outcomes"
                : tree.flaw(features: features.count)
            if let flaw {
                throw GleanError(
                    .invalidModel,
                    "tree \(position) of the stance model cannot be read: \(flaw); retrain it with `glean train stance`")
            }
        }
        guard trees.reduce(0, { $0 + $1.feature.count }) < Int(Int32.max), features.count < Int(Int32.max) else {
            throw GleanError(.invalidModel, "the stance model has more nodes or features than it can index")
        }
        self.init(trusted: features, base: base, trees: trees)
    }

    /// A forest from parts known to be well formed (as ``train(_:outcomes:settings:)`` makes them).
    init(trusted features: [String], base: [Double], trees: [Tree]) {
        self.features = features
        self.base = base
        self.trees = trees
        index = Dictionary(features.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var nodes: [PackedNode] = []
        var roots: [(node: Int, outcome: Int)] = []
        for tree in trees {
            let start = nodes.count
            roots.append((start, tree.outcome))
            for node in tree.feature.indices {
                let leaf = tree.feature[node] < 0
                nodes.append(
                    PackedNode(
                        threshold: leaf ? tree.value[node] : tree.threshold[node], feature: Int32(tree.feature[node]),
                        right: Int32(tree.right[node] + start)))
            }
        }
        self.nodes = nodes
        self.roots = roots
    }

    /// Each outcome's score for a candidate's features; features the forest does not know are ignored.
    public func scores(_ candidate: [String: Double]) -> [Double] {
        var values = [Double](repeating: 0, count: features.count)
        for (name, value) in candidate {
            if let position = index[name] { values[position] = value }
        }
        var scores = base
        for (root, outcome) in roots {
            var position = root
            var node = nodes[position]
            while node.feature >= 0 {
                position = values[Int(node.feature)] > node.threshold ? Int(node.right) : position + 1
                node = nodes[position]
            }
            scores[outcome] += node.threshold
        }
        return scores
    }

    /// Whether two forests have the same features, base scores and trees.
    public static func == (lhs: StanceForest, rhs: StanceForest) -> Bool {
        lhs.features == rhs.features && lhs.base == rhs.base && lhs.trees == rhs.trees
    }
}
