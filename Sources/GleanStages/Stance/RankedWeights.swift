/// A ``StanceModel``'s weights in the order of their features' names, and each name's place
/// in that order: summing a candidate's features by place is summing them by name.
struct RankedWeights: Sendable {
    /// Each feature's weights, in name order.
    let rows: [[Double]]
    /// Each name's place in ``rows``.
    let ranks: [String: Int]

    /// The `weights` of a model, by feature name.
    init(_ weights: [String: [Double]]) {
        let sorted = weights.sorted { $0.key < $1.key }
        rows = sorted.map(\.value)
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(sorted.count)
        for (rank, entry) in sorted.enumerated() { ranks[entry.key] = rank }
        self.ranks = ranks
    }
}
