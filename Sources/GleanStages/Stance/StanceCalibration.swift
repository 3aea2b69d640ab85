/// A monotone map from a model's raw probability to the share of its answers that are right,
/// fitted by isotonic regression (pool adjacent violators) on cross-validated predictions.
public struct StanceCalibration: Sendable, Hashable, Codable {
    /// The upper raw probability of each step, ascending.
    public var upper: [Double]
    /// The share right in each step, non-decreasing.
    public var value: [Double]

    /// The identity (no calibration).
    public init() {
        upper = []
        value = []
    }

    /// Fits the map to raw probabilities and whether each answer was right.
    public init(fitting scores: [Double], right: [Bool]) {
        let order = scores.indices.sorted { (scores[$0], right[$0] ? 1 : 0) < (scores[$1], right[$1] ? 1 : 0) }
        // Blocks of (upper score, sum right, count), merged while a block's mean falls below the one before.
        var blocks: [(upper: Double, sum: Double, count: Double)] = []
        for index in order {
            blocks.append((scores[index], right[index] ? 1 : 0, 1))
            while blocks.count > 1,
                blocks[blocks.count - 2].sum / blocks[blocks.count - 2].count >= blocks[blocks.count - 1].sum
                    / blocks[blocks.count - 1].count
            {
                let last = blocks.removeLast()
                blocks[blocks.count - 1].upper = last.upper
                blocks[blocks.count - 1].sum += last.sum
                blocks[blocks.count - 1].count += last.count
            }
        }
        // Bounds are written to four places; blocks whose bounds round to the same place (the
        // saturated probabilities next to 0 and 1) are pooled, or a search would only ever reach
        // the first of them.
        var pooled: [(upper: Double, sum: Double, count: Double)] = []
        for block in blocks {
            let bound = (block.upper * 10_000).rounded() / 10_000
            if let last = pooled.last, last.upper == bound {
                pooled[pooled.count - 1].sum += block.sum
                pooled[pooled.count - 1].count += block.count
            } else {
                pooled.append((bound, block.sum, block.count))
            }
        }
        upper = pooled.map(\.upper)
        value = pooled.map { ($0.sum / $0.count * 1000).rounded() / 1000 }
    }

    /// The calibrated confidence of a raw probability.
    public func callAsFunction(_ raw: Double) -> Double {
        guard !upper.isEmpty else { return raw }
        var low = 0
        var high = upper.count - 1
        while low < high {
            let middle = (low + high) / 2
            if upper[middle] < raw { low = middle + 1 } else { high = middle }
        }
        return value[low]
    }
}
