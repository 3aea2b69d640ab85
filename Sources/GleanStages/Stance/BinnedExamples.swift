import Foundation

/// The training examples with each kept feature's value replaced by its bin: the number of the
/// feature's thresholds the value is above.
struct BinnedExamples {
    /// The kept features, sorted.
    let names: [String]
    /// Each feature's thresholds, ascending.
    let thresholds: [[Double]]
    /// Each feature's bin for the value 0 (an example without it).
    let zeroBin: [Int]
    /// Where each feature's bins start in a histogram of every bin; the last entry is the number of bins.
    let offset: [Int]
    /// Each example's features that are not in their zero bin, by feature, one after another:
    /// example `i`'s are `rowStart[i]..<rowStart[i + 1]`.
    let rowStart: [Int]
    /// The feature of each entry of the rows.
    let rowFeature: [Int]
    /// The histogram slot (the feature's offset plus its bin) of each entry of the rows.
    let rowSlot: [Int]

    init(_ examples: [StanceModel.Example], settings: StanceForest.Settings) {
        var values: [String: [Double]] = [:]
        for example in examples {
            for (name, value) in example.features where value != 0 { values[name, default: []].append(value) }
        }
        names = values.filter { $0.value.count >= settings.minCount }.keys.sorted()
        var thresholds: [[Double]] = []
        var zeroBin: [Int] = []
        for name in names {
            let cuts = Self.thresholds(of: (values[name] ?? []) + [0], most: settings.maxThresholds)
            thresholds.append(cuts)
            zeroBin.append(Self.bin(0, in: cuts))
        }
        self.thresholds = thresholds
        self.zeroBin = zeroBin
        var offset: [Int] = []
        var next = 0
        for cuts in thresholds {
            offset.append(next)
            next += cuts.count + 1
        }
        self.offset = offset + [next]
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var rowStart = [0]
        var rowFeature: [Int] = []
        var rowSlot: [Int] = []
        for example in examples {
            let row = example.features.compactMap { name, value -> (feature: Int, bin: Int)? in
                guard let feature = index[name] else { return nil }
                let bin = Self.bin(value, in: thresholds[feature])
                return bin == zeroBin[feature] ? nil : (feature, bin)
            }.sorted { $0.feature < $1.feature }
            for (feature, bin) in row {
                rowFeature.append(feature)
                rowSlot.append(offset[feature] + bin)
            }
            rowStart.append(rowFeature.count)
        }
        self.rowStart = rowStart
        self.rowFeature = rowFeature
        self.rowSlot = rowSlot
    }

    /// Up to `most` thresholds between a feature's distinct values (`values` holds a 0 for the
    /// examples without it): midpoints between neighbours, or, with more values than that, the
    /// midpoints on either side of 0 (so that a small value never reads as an absent one) and
    /// then those above evenly spaced ranks.
    static func thresholds(of values: [Double], most: Int) -> [Double] {
        let distinct = Array(Set(values)).sorted()
        guard distinct.count > 1, most > 0 else { return [] }
        let midpoints = zip(distinct, distinct.dropFirst()).map { ($0 + $1) / 2 }
        guard midpoints.count > most else { return midpoints }
        var cuts = Set<Double>()
        if let zero = distinct.firstIndex(of: 0) {
            if zero > 0 { cuts.insert(midpoints[zero - 1]) }
            if zero < midpoints.count, cuts.count < most { cuts.insert(midpoints[zero]) }
        }
        let sorted = values.sorted()
        for step in stride(from: 1, through: most, by: 1) where cuts.count < most {
            let value = sorted[min(sorted.count - 1, step * sorted.count / (most + 1))]
            // The midpoint just above this value (none above the largest).
            if let cut = midpoints.first(where: { $0 > value }) { cuts.insert(cut) }
        }
        return cuts.sorted()
    }

    /// The number of `thresholds` that `value` is above.
    static func bin(_ value: Double, in thresholds: [Double]) -> Int {
        var low = 0
        var high = thresholds.count
        while low < high {
            let middle = (low + high) / 2
            if value > thresholds[middle] { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// An example's bin for a feature.
    func bin(of item: Int, feature: Int) -> Int {
        var low = rowStart[item]
        var high = rowStart[item + 1]
        let end = high
        while low < high {
            let middle = (low + high) / 2
            if rowFeature[middle] < feature { low = middle + 1 } else { high = middle }
        }
        return low < end && rowFeature[low] == feature ? rowSlot[low] - offset[feature] : zeroBin[feature]
    }
}
