import Foundation

/// Grows one regression tree of a ``StanceForest`` on the examples' gradients and hessians,
/// depth first, each node split where the gain is largest.
///
/// A node's histogram (gradient, hessian and count per feature bin) is summed over its examples
/// only for the smaller child of each split; the larger child's is the parent's minus it.
struct TreeGrower {
    let binned: BinnedExamples
    let gradient: [Double]
    let hessian: [Double]
    let settings: StanceForest.Settings
    let outcome: Int
    /// The features this tree may split on, by index (`nil`: every one).
    let allowed: [Bool]?
    private var feature: [Int] = []
    private var threshold: [Double] = []
    private var left: [Int] = []
    private var right: [Int] = []
    private var value: [Double] = []
    private var leafOf: [Int]
    /// The histogram's offset of each feature's first bin, and the number of bins after the last.
    private let offset: [Int]

    /// Sums over a node's examples: gradient, hessian and count for each bin (examples in a
    /// feature's zero bin excepted), then the same three for each feature over its nonzero bins
    /// (the zero bin holds the node's totals less these), in one buffer.
    struct Histogram {
        var sums: [Double]
        /// Where the per-feature sums start.
        let featureBase: Int

        init(bins: Int, features: Int) {
            sums = [Double](repeating: 0, count: 3 * (bins + features))
            featureBase = 3 * bins
        }

        /// This histogram less `other` (a child's), entry by entry.
        func subtracting(_ other: Histogram) -> Histogram {
            var result = self
            result.sums.withUnsafeMutableBufferPointer { mine in
                other.sums.withUnsafeBufferPointer { theirs in
                    for index in mine.indices { mine[index] -= theirs[index] }
                }
            }
            return result
        }
    }

    init(
        binned: BinnedExamples, gradient: [Double], hessian: [Double], settings: StanceForest.Settings, outcome: Int,
        allowed: [Bool]? = nil
    ) {
        self.allowed = allowed
        self.binned = binned
        self.gradient = gradient
        self.hessian = hessian
        self.settings = settings
        self.outcome = outcome
        leafOf = [Int](repeating: 0, count: gradient.count)
        offset = binned.offset
    }

    /// The tree, and the leaf each training example falls in.
    mutating func grow() -> (tree: StanceForest.Tree, leafOf: [Int]) {
        let all = Array(gradient.indices)
        _ = node(all, histogram: histogram(of: all), depth: 0)
        let tree = StanceForest.Tree(
            outcome: outcome, feature: feature, threshold: threshold, left: left, right: right, value: value)
        return (tree, leafOf)
    }

    /// The histogram of `items`, summed over their nonzero features.
    private func histogram(of items: [Int]) -> Histogram {
        var histogram = Histogram(bins: offset[offset.count - 1], features: binned.names.count)
        let featureBase = histogram.featureBase
        histogram.sums.withUnsafeMutableBufferPointer { sums in
            binned.rowStart.withUnsafeBufferPointer { rowStart in
                binned.rowSlot.withUnsafeBufferPointer { rowSlot in
                    binned.rowFeature.withUnsafeBufferPointer { rowFeature in
                        for item in items {
                            let itemGradient = gradient[item]
                            let itemHessian = hessian[item]
                            for entry in rowStart[item]..<rowStart[item + 1] {
                                let slot = 3 * rowSlot[entry]
                                sums[slot] += itemGradient
                                sums[slot + 1] += itemHessian
                                sums[slot + 2] += 1
                                let featureSlot = featureBase + 3 * rowFeature[entry]
                                sums[featureSlot] += itemGradient
                                sums[featureSlot + 1] += itemHessian
                                sums[featureSlot + 2] += 1
                            }
                        }
                    }
                }
            }
        }
        return histogram
    }

    /// Adds the node for `items` (and its subtree) and returns its index.
    private mutating func node(_ items: [Int], histogram: Histogram, depth: Int) -> Int {
        let here = feature.count
        feature.append(-1)
        threshold.append(0)
        left.append(0)
        right.append(0)
        value.append(0)
        var total = (gradient: 0.0, hessian: 0.0)
        for item in items {
            total.gradient += gradient[item]
            total.hessian += hessian[item]
        }
        guard depth < settings.depth, items.count >= 2 * settings.minLeaf,
            let split = bestSplit(histogram, items: items.count, total: total)
        else {
            value[here] = StanceForest.rounded(-settings.learningRate * total.gradient / (total.hessian + settings.l2))
            for item in items { leafOf[item] = here }
            return here
        }
        var leftItems: [Int] = []
        var rightItems: [Int] = []
        for item in items {
            if binned.bin(of: item, feature: split.feature) > split.bin {
                rightItems.append(item)
            } else {
                leftItems.append(item)
            }
        }
        feature[here] = split.feature
        threshold[here] = binned.thresholds[split.feature][split.bin]
        var leftHistogram: Histogram?
        var rightHistogram: Histogram?
        if depth + 1 < settings.depth {
            // The children split further: sum the smaller, subtract for the larger.
            if leftItems.count <= rightItems.count {
                let small = self.histogram(of: leftItems)
                leftHistogram = small
                rightHistogram = histogram.subtracting(small)
            } else {
                let small = self.histogram(of: rightItems)
                rightHistogram = small
                leftHistogram = histogram.subtracting(small)
            }
        }
        let empty = Histogram(bins: 0, features: 0)
        left[here] = node(leftItems, histogram: leftHistogram ?? empty, depth: depth + 1)
        right[here] = node(rightItems, histogram: rightHistogram ?? empty, depth: depth + 1)
        return here
    }

    /// The split with the largest gain, if any gains: (feature, last bin on the left).
    private func bestSplit(_ histogram: Histogram, items: Int, total: (gradient: Double, hessian: Double)) -> (
        feature: Int, bin: Int
    )? {
        let parent = total.gradient * total.gradient / (total.hessian + settings.l2)
        let count = Double(items)
        var best: (gain: Double, feature: Int, bin: Int)?
        let sums = histogram.sums
        for feature in binned.names.indices where allowed?[feature] ?? true {
            let featureSlot = histogram.featureBase + 3 * feature
            guard sums[featureSlot + 2] > 0 else { continue }
            let zeroBin = binned.zeroBin[feature]
            var leftGradient = 0.0
            var leftHessian = 0.0
            var leftCount = 0.0
            for bin in 0..<binned.thresholds[feature].count {
                let slot = 3 * (offset[feature] + bin)
                leftGradient += sums[slot]
                leftHessian += sums[slot + 1]
                leftCount += sums[slot + 2]
                if bin == zeroBin {
                    leftGradient += total.gradient - sums[featureSlot]
                    leftHessian += total.hessian - sums[featureSlot + 1]
                    leftCount += count - sums[featureSlot + 2]
                }
                let rightCount = count - leftCount
                guard leftCount >= Double(settings.minLeaf) else { continue }
                guard rightCount >= Double(settings.minLeaf) else { break }
                let rightGradient = total.gradient - leftGradient
                let rightHessian = total.hessian - leftHessian
                let gain =
                    leftGradient * leftGradient / (leftHessian + settings.l2) + rightGradient * rightGradient
                    / (rightHessian + settings.l2) - parent
                if gain > 1e-9, gain > (best?.gain ?? 0) { best = (gain, feature, bin) }
            }
        }
        return best.map { ($0.feature, $0.bin) }
    }
}
