extension EntityTagger {
    /// A training sentence: tokens with their gold tag indices.
    public struct TrainingSentence: Sendable {
        /// The tokens.
        public var tokens: [String]
        /// Gold tag index per token (into ``EntityTagger/tags``).
        public var tags: [Int]
        /// How often the sentence is seen per pass: its whole part every pass, its fraction
        /// in a seeded draw (0.5: in about half of the passes).
        public var weight: Double

        /// A sentence.
        public init(tokens: [String], tags: [Int], weight: Double = 1) {
            self.tokens = tokens
            self.tags = tags
            self.weight = weight
        }
    }

    /// Trains an averaged structured perceptron: `epochs` passes over the sentences in a seeded
    /// shuffled order (each as often as its weight says), each decoded with Viterbi (as at run
    /// time) and corrected where its tags differ from the gold ones, weights averaged over every
    /// sentence. Deterministic.
    public static func train(
        _ sentences: [TrainingSentence], gazetteer: Gazetteer, names: NameLexicon, clusters: WordClusters, epochs: Int,
        seed: UInt64 = 1,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> EntityTagger {
        let count = tags.count
        let size = (1 << featureBits) * count
        var weights = [Float](repeating: 0, count: size)
        var totals = [Float](repeating: 0, count: size)
        var stamps = [Int](repeating: 0, count: size)
        var step = 0
        var random = seed
        func nextRandom() -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return random >> 33
        }
        let prepared = sentences.map {
            EntityFeatures(
                tokens: $0.tokens, gazetteerCodes: EntityFeatures.gazetteerCodes($0.tokens, gazetteer: gazetteer), names: names,
                clusters: clusters)
        }
        var buckets: [UInt32] = []
        func update(_ index: Int, by delta: Float) {
            totals[index] += Float(step - stamps[index]) * weights[index]
            stamps[index] = step
            weights[index] += delta
        }
        for epoch in 0..<epochs {
            var order: [Int] = []
            for (index, sentence) in sentences.enumerated() {
                let whole = Int(sentence.weight.rounded(.down))
                let fraction = sentence.weight - Double(whole)
                let extra = fraction > 0 && Double(nextRandom() % 1_000_000) < fraction * 1_000_000 ? 1 : 0
                order += repeatElement(index, count: whole + extra)
            }
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(nextRandom() % UInt64(index + 1)))
            }
            var right = 0
            var total = 0
            for sentenceIndex in order {
                let sentence = sentences[sentenceIndex]
                let features = prepared[sentenceIndex]
                step += 1
                let guess = weights.withUnsafeBufferPointer {
                    decode(features, count: sentence.tokens.count, weights: $0, stride: count)
                }
                for position in sentence.tokens.indices {
                    let gold = sentence.tags[position]
                    let goldPrevious = position > 0 ? sentence.tags[position - 1] : 0
                    let guessPrevious = position > 0 ? guess[position - 1] : 0
                    total += 1
                    if guess[position] == gold { right += 1 }
                    guard guess[position] != gold || guessPrevious != goldPrevious else { continue }
                    features.hashes(at: position, previousTag: goldPrevious, into: &buckets)
                    for bucket in buckets { update(Int(bucket) * count + gold, by: 1) }
                    features.hashes(at: position, previousTag: guessPrevious, into: &buckets)
                    for bucket in buckets { update(Int(bucket) * count + guess[position], by: -1) }
                }
            }
            progress(epoch + 1, Double(right) / Double(max(total, 1)))
        }
        var averaged = [Float](repeating: 0, count: size)
        for index in 0..<size {
            let total = totals[index] + Float(step - stamps[index]) * weights[index]
            averaged[index] = total / Float(max(step, 1))
        }
        return EntityTagger(weights: averaged)
    }
}
