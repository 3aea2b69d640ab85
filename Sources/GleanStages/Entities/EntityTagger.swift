import GleanCore

/// A sequence tagger (an averaged structured perceptron over hashed features of the word, its
/// shape, affixes, neighbours, the previous tag, gazetteer matches and name lists, decoded with
/// Viterbi) that labels tokens with BIO tags for people, organisations, places and other names.
///
/// Trained by `glean train entities` on Universal NER's English Web Treebank dev split; the
/// weights ship as a resource (docs/stages/entities.md).
public struct EntityTagger: Sendable {
    /// The tags, in weight order.
    public static let tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    /// log2 of the number of feature buckets.
    public static let featureBits = 18
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

    /// The tag index of each token of a sentence. `gazetteerCodes` gives, per token, a
    /// gazetteer feature code from ``EntityFeatures/gazetteerCodes(_:gazetteer:)``; `names` and
    /// `clusters` are the name lists and word clusters the tagger was trained with.
    public func tag(_ tokens: [String], gazetteerCodes: [String], names: NameLexicon, clusters: WordClusters) -> [Int] {
        tag(EntityFeatures(tokens: tokens, gazetteerCodes: gazetteerCodes, names: names, clusters: clusters))
    }

    /// The tag index of each token of a sentence whose features are `features`.
    func tag(_ features: EntityFeatures) -> [Int] {
        weights.withUnsafeBufferPointer { Self.decode(features, count: features.count, weights: $0) }
    }

    /// The best tag sequence (Viterbi over the tag pairs the BIO constraint allows): each
    /// token's context features are scored once, its transition features once per previous tag.
    static func decode(_ features: EntityFeatures, count: Int, weights: UnsafeBufferPointer<Float>) -> [Int] {
        guard count > 0 else { return [] }
        let tagCount = tags.count
        var best = [Float](repeating: -.infinity, count: count * tagCount)
        var from = [Int](repeating: 0, count: count * tagCount)
        var context = [Float](repeating: 0, count: tagCount)
        var transition = [Float](repeating: 0, count: tagCount)
        var buckets: [UInt32] = []
        buckets.reserveCapacity(64)
        for position in 0..<count {
            buckets.removeAll(keepingCapacity: true)
            features.contextHashes(at: position, into: &buckets)
            score(buckets, weights: weights, into: &context)
            for previous in 0..<tagCount {
                let before: Float = position == 0 ? (previous == 0 ? 0 : -.infinity) : best[(position - 1) * tagCount + previous]
                guard before > -.infinity else { continue }
                buckets.removeAll(keepingCapacity: true)
                features.transitionHashes(at: position, previousTag: previous, into: &buckets)
                score(buckets, weights: weights, into: &transition)
                for tag in 0..<tagCount where allowed(tag, after: previous) {
                    let total = before + context[tag] + transition[tag]
                    if total > best[position * tagCount + tag] {
                        best[position * tagCount + tag] = total
                        from[position * tagCount + tag] = previous
                    }
                }
            }
        }
        var tag = 0
        for candidate in 1..<tagCount where best[(count - 1) * tagCount + candidate] > best[(count - 1) * tagCount + tag] {
            tag = candidate
        }
        var result = [Int](repeating: 0, count: count)
        for position in stride(from: count - 1, through: 0, by: -1) {
            result[position] = tag
            tag = from[position * tagCount + tag]
        }
        return result
    }

    /// Sums the weights of `buckets` per tag into `scores`, bucket by bucket in their order.
    static func score(_ buckets: [UInt32], weights: UnsafeBufferPointer<Float>, into scores: inout [Float]) {
        let count = tags.count
        buckets.withUnsafeBufferPointer { buckets in
            scores.withUnsafeMutableBufferPointer { scores in
                for tag in 0..<count { scores[tag] = 0 }
                for bucket in buckets {
                    let base = Int(bucket) &* count
                    for tag in 0..<count { scores[tag] += weights[base &+ tag] }
                }
            }
        }
    }

    /// Whether `tag` may follow `previous`.
    public static func allowed(_ tag: Int, after previous: Int) -> Bool {
        guard tag > 0 && tag % 2 == 0 else { return true }  // O and B-X always
        return previous == tag || previous == tag - 1
    }
}
