import GleanCore

/// A greedy left-to-right sequence tagger (an averaged perceptron over hashed features of the
/// word, its shape, affixes, neighbours, the previous tag and gazetteer matches) that labels
/// tokens with BIO tags for people, organisations, places and other names.
///
/// Trained by `glean train entities` on Universal NER's English Web Treebank dev split; the
/// weights ship as a resource (docs/stages/entities.md).
public struct EntityTagger: Sendable {
    /// The tags, in weight order.
    public static let tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH"]
    /// log2 of the number of feature buckets.
    static let featureBits = 18
    static let featureMask = UInt32((1 << featureBits) - 1)

    /// Weight per feature bucket and tag (`bucket * tags.count + tag`).
    var weights: [Float]

    /// A tagger with the given weights.
    init(weights: [Float]) {
        self.weights = weights
    }

    /// An untrained tagger (all weights zero).
    public init() {
        weights = [Float](repeating: 0, count: (1 << Self.featureBits) * Self.tags.count)
    }

    /// The tag index of each token of a sentence. `gazetteerTags` gives, per token, a
    /// gazetteer feature code from ``EntityFeatures/gazetteerCodes(_:gazetteer:)``.
    public func tag(_ tokens: [String], gazetteerCodes: [String]) -> [Int] {
        let features = EntityFeatures(tokens: tokens, gazetteerCodes: gazetteerCodes)
        var result: [Int] = []
        result.reserveCapacity(tokens.count)
        var buckets: [UInt32] = []
        var previous = 0
        for index in tokens.indices {
            features.hashes(at: index, previousTag: previous, into: &buckets)
            let tag = weights.withUnsafeBufferPointer { Self.best(buckets, previous: previous, weights: $0) }
            result.append(tag)
            previous = tag
        }
        return result
    }

    /// The highest-scoring tag allowed after `previous` (I-X only after B-X or I-X).
    static func best(_ buckets: [UInt32], previous: Int, weights: UnsafeBufferPointer<Float>) -> Int {
        let count = tags.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { scores in
            scores.initialize(repeating: 0)
            for bucket in buckets {
                let base = Int(bucket) * count
                for tag in 0..<count { scores[tag] += weights[base + tag] }
            }
            var best = 0
            var bestScore = -Float.infinity
            for tag in 0..<count where allowed(tag, after: previous) && scores[tag] > bestScore {
                best = tag
                bestScore = scores[tag]
            }
            return best
        }
    }

    /// Whether `tag` may follow `previous`.
    static func allowed(_ tag: Int, after previous: Int) -> Bool {
        guard tag > 0 && tag % 2 == 0 else { return true }  // O and B-X always
        return previous == tag || previous == tag - 1
    }
}
