/// Accuracy measures for evaluations.
public enum Metrics {
    /// Pearson's correlation coefficient of two equally long series.
    public static func pearson(_ xs: [Double], _ ys: [Double]) -> Double {
        let count = Double(xs.count)
        guard xs.count == ys.count, xs.count > 1 else { return .nan }
        let meanX = xs.reduce(0, +) / count
        let meanY = ys.reduce(0, +) / count
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Precision, recall and F1 averaged over the classes, weighted by how often each class is
    /// the gold label (scikit-learn's `average="weighted"`).
    public static func weightedF1<Label: Hashable>(gold: [Label], predicted: [Label]) -> (
        precision: Double, recall: Double, f1: Double
    ) {
        var truePositives: [Label: Int] = [:]
        var goldCounts: [Label: Int] = [:]
        var predictedCounts: [Label: Int] = [:]
        for (g, p) in zip(gold, predicted) {
            goldCounts[g, default: 0] += 1
            predictedCounts[p, default: 0] += 1
            if g == p { truePositives[g, default: 0] += 1 }
        }
        var precision = 0.0
        var recall = 0.0
        var f1 = 0.0
        let total = Double(gold.count)
        for (label, support) in goldCounts {
            let hits = Double(truePositives[label] ?? 0)
            let p = predictedCounts[label].map { hits / Double($0) } ?? 0
            let r = hits / Double(support)
            let f = p + r > 0 ? 2 * p * r / (p + r) : 0
            let weight = Double(support) / total
            precision += p * weight
            recall += r * weight
            f1 += f * weight
        }
        return (precision, recall, f1)
    }
}
