import Foundation

/// Gradient-boosted decision trees over a candidate pair's features: for each outcome, a sum of
/// small trees whose splits ask whether a feature's value is above a threshold (a feature a
/// candidate lacks is 0). The scores of the outcomes become probabilities by softmax in
/// ``StanceModel``.
///
/// Trees read what a linear model cannot: a cue's stance *and* whether the actor is the
/// sentence's subject, a withdrawal *and* a date, a speaker *and* a bloc named in passing.
/// Trained by ``train(_:settings:)``.
public struct StanceForest: Sendable, Equatable {
    /// The features the trees split on, in index order (the features seen often enough in training).
    public var features: [String]
    /// Each outcome's score before any tree (the log of its share of the training weight).
    public var base: [Double]
    /// The trees, each adding to one outcome's score.
    public var trees: [Tree]
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

        /// Whether every left child is the next node and every right child a later one, every split's feature below
        /// `features`, and the arrays of one length: a tree that ``StanceForest/scores(_:)`` can walk.
        func isWellFormed(features: Int) -> Bool {
            let count = feature.count
            guard count > 0, threshold.count == count, left.count == count, right.count == count, value.count == count
            else { return false }
            return feature.indices.allSatisfy { node in
                feature[node] < 0
                    || (feature[node] < features && left[node] == node + 1 && left[node] < count && right[node] > node
                        && right[node] < count)
            }
        }
    }

    /// A forest from its parts.
    public init(features: [String], base: [Double], trees: [Tree]) {
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

    /// Whether the forest can score candidates: one base score per outcome, and trees that
    /// name known outcomes and features and only point forward.
    func isWellFormed(outcomes: Int) -> Bool {
        base.count == outcomes
            && trees.allSatisfy { $0.outcome >= 0 && $0.outcome < outcomes && $0.isWellFormed(features: features.count) }
    }

    /// Whether two forests have the same features, base scores and trees.
    public static func == (lhs: StanceForest, rhs: StanceForest) -> Bool {
        lhs.features == rhs.features && lhs.base == rhs.base && lhs.trees == rhs.trees
    }
}
