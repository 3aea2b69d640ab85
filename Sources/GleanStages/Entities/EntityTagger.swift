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

    /// The number of floats each feature bucket's row takes in ``rows``: the tags' weights,
    /// then zeros. Eight floats are 32 bytes, so a row never straddles two cache lines (a row of
    /// seven straddles two in three buckets of eight), and the weights of every tag are added
    /// in one vector operation.
    static let rowStride = 8

    /// Weight per feature bucket and tag, a row of ``rowStride`` per bucket
    /// (`bucket * rowStride + tag`).
    let rows: [Float]

    /// Weight per feature bucket and tag (`bucket * tags.count + tag`): the layout training
    /// and the weights file use.
    var weights: [Float] {
        var weights: [Float] = []
        weights.reserveCapacity(rows.count / Self.rowStride * Self.tags.count)
        for start in stride(from: 0, to: rows.count, by: Self.rowStride) {
            weights += rows[start..<(start + Self.tags.count)]
        }
        return weights
    }

    /// A tagger with the given weights (`bucket * tags.count + tag`).
    init(weights: [Float]) {
        let tagCount = Self.tags.count
        let buckets = weights.count / tagCount
        var rows = [Float](repeating: 0, count: buckets * Self.rowStride)
        for bucket in 0..<buckets {
            for tag in 0..<tagCount { rows[bucket * Self.rowStride + tag] = weights[bucket * tagCount + tag] }
        }
        self.rows = rows
    }

    /// An untrained tagger (all weights zero).
    public init() {
        rows = [Float](repeating: 0, count: (1 << Self.featureBits) * Self.rowStride)
    }

    /// The tag index of each token of a sentence. `gazetteerCodes` gives, per token, a
    /// gazetteer feature code from ``EntityFeatures/gazetteerCodes(_:gazetteer:)``; `names` and
    /// `clusters` are the name lists and word clusters the tagger was trained with.
    public func tag(_ tokens: [String], gazetteerCodes: [String], names: NameLexicon, clusters: WordClusters) -> [Int] {
        tag(EntityFeatures(tokens: tokens, gazetteerCodes: gazetteerCodes, names: names, clusters: clusters))
    }

    /// The tag index of each token of a sentence whose features are `features`.
    func tag(_ features: EntityFeatures) -> [Int] {
        rows.withUnsafeBufferPointer { Self.decode(features, count: features.count, weights: $0, stride: Self.rowStride) }
    }

    /// The best tag sequence (Viterbi over the tag pairs the BIO constraint allows): each
    /// token's context features are scored once, its transition features hashed once for all
    /// previous tags (``EntityFeatures/transitionBuckets(at:)``) and scored once per previous tag.
    /// `weights` holds a row of `stride` floats per feature bucket, the tags' weights first
    /// (``rowStride`` at run time, the tag count while training).
    static func decode(_ features: EntityFeatures, count: Int, weights: UnsafeBufferPointer<Float>, stride: Int) -> [Int] {
        guard count > 0 else { return [] }
        let tagCount = tags.count
        var best = [Float](repeating: -.infinity, count: count * tagCount)
        var from = [Int](repeating: 0, count: count * tagCount)
        var buckets: [UInt32] = []
        buckets.reserveCapacity(64)
        for position in 0..<count {
            buckets.removeAll(keepingCapacity: true)
            features.contextHashes(at: position, into: &buckets)
            let context = score(buckets, weights: weights, stride: stride)
            let transitions = features.transitionBuckets(at: position)
            for previous in 0..<tagCount {
                let before: Float = position == 0 ? (previous == 0 ? 0 : -.infinity) : best[(position - 1) * tagCount + previous]
                guard before > -.infinity else { continue }
                // The same sums, in the same order, as ``score(_:weights:stride:)`` of the three.
                var transition = SIMD8<Float>()
                transition += row(transitions.tag[previous], weights: weights, stride: stride)
                transition += row(transitions.shape[previous], weights: weights, stride: stride)
                transition += row(transitions.word[previous], weights: weights, stride: stride)
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
        for position in Swift.stride(from: count - 1, through: 0, by: -1) {
            result[position] = tag
            tag = from[position * tagCount + tag]
        }
        return result
    }

    /// The sums of the weights of `buckets` per tag (lane `tag`), bucket by bucket in their
    /// order. Rows of ``rowStride`` are added as vectors (each lane's sum is the same sequence of
    /// additions as tag by tag), other rows tag by tag.
    static func score(_ buckets: [UInt32], weights: UnsafeBufferPointer<Float>, stride: Int) -> SIMD8<Float> {
        var scores = SIMD8<Float>()
        buckets.withUnsafeBufferPointer { buckets in
            guard let base = weights.baseAddress else { return }
            if stride == rowStride {
                let raw = UnsafeRawPointer(base)
                for bucket in buckets {
                    scores += raw.loadUnaligned(
                        fromByteOffset: Int(bucket) &* rowStride &* MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                }
            } else {
                for bucket in buckets {
                    let row = Int(bucket) &* stride
                    for tag in 0..<tags.count { scores[tag] += weights[row &+ tag] }
                }
            }
        }
        return scores
    }

    /// The weights of `bucket`, lane `tag` (the lanes after the tags zero): a row of
    /// ``rowStride`` loaded as a vector, another row tag by tag.
    @inline(__always)
    static func row(_ bucket: UInt32, weights: UnsafeBufferPointer<Float>, stride: Int) -> SIMD8<Float> {
        if stride == rowStride, let base = weights.baseAddress {
            return UnsafeRawPointer(base).loadUnaligned(
                fromByteOffset: Int(bucket) &* rowStride &* MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
        }
        var row = SIMD8<Float>()
        for tag in 0..<tags.count { row[tag] = weights[Int(bucket) &* stride &+ tag] }
        return row
    }

    /// Whether `tag` may follow `previous`.
    public static func allowed(_ tag: Int, after previous: Int) -> Bool {
        guard tag > 0 && tag % 2 == 0 else { return true }  // O and B-X always
        return previous == tag || previous == tag - 1
    }
}
