import Foundation

/// A reliability table: answers binned by their confidence, each bin's mean confidence against
/// the share of its answers that were right.
public struct StanceReliability: Sendable {
    /// One bin: its confidence range, answers, mean confidence and share right.
    public struct Bin: Sendable {
        /// The range's lower and upper bound.
        public var lower: Double, upper: Double
        /// Answers in it.
        public var count: Int
        /// Their mean confidence and the share right.
        public var meanConfidence: Double, shareRight: Double
    }

    /// The bins with answers, in order.
    public private(set) var bins: [Bin] = []

    /// Bins `answers` (confidence, right) into `count` equal-width bins over 0…1.
    public init(_ answers: [(confidence: Double, right: Bool)], count: Int = 10) {
        for bin in 0..<count {
            let lower = Double(bin) / Double(count)
            let upper = Double(bin + 1) / Double(count)
            let inside = answers.filter {
                $0.confidence >= lower && ($0.confidence < upper || (bin == count - 1 && $0.confidence <= upper))
            }
            guard !inside.isEmpty else { continue }
            bins.append(
                Bin(
                    lower: lower, upper: upper, count: inside.count,
                    meanConfidence: inside.map(\.confidence).reduce(0, +) / Double(inside.count),
                    shareRight: Double(inside.filter(\.right).count) / Double(inside.count)))
        }
    }

    /// The largest gap between a bin's mean confidence and its share right, over bins of at least `minimum` answers.
    public func largestGap(minimum: Int = 10) -> Double {
        bins.filter { $0.count >= minimum }.map { abs($0.meanConfidence - $0.shareRight) }.max() ?? 0
    }

    /// The largest amount by which a bin's gap exceeds what its sampling error allows: the gap
    /// less `errors` standard errors of a share right of `count` answers at the bin's mean
    /// confidence (√(c(1−c)/n)), over bins of at least `minimum` answers. A bin of 50 answers at
    /// 0.5 may be off by 0.14 by chance alone (two standard errors); this says how far beyond
    /// chance the worst bin is.
    public func largestExcess(minimum: Int = 10, errors: Double = 2) -> Double {
        bins.filter { $0.count >= minimum }.map { bin in
            let error = (bin.meanConfidence * (1 - bin.meanConfidence) / Double(bin.count)).squareRoot()
            return abs(bin.meanConfidence - bin.shareRight) - errors * error
        }.max() ?? 0
    }

    /// Why the table fails a gate of `gate` (``largestExcess(minimum:errors:)`` above it), or
    /// `nil` when it passes: "the confidence is off by … beyond sampling error in a bin, above the
    /// gate …".
    public func gateFailure(_ gate: Double) -> String? {
        let excess = largestExcess()
        guard excess > gate else { return nil }
        return String(
            format: "the confidence is off by %.3f beyond sampling error in a bin, above the gate %.3f", excess, gate)
    }

    /// The largest gap, and the largest excess beyond sampling error, as two lines under a table.
    public var gapSummary: String {
        String(
            format:
                "largest gap over bins of 10 or more pairs: %.3f; beyond two standard errors of the bin's share right: %.3f\n",
            largestGap(), largestExcess())
    }

    /// The table as Markdown.
    public var markdown: String {
        var text = "| confidence | pairs | mean confidence | share right | gap |\n|---|---:|---:|---:|---:|\n"
        for bin in bins {
            text += String(
                format: "| %.1f–%.1f | %d | %.3f | %.3f | %+.3f |\n", bin.lower, bin.upper, bin.count, bin.meanConfidence,
                bin.shareRight, bin.shareRight - bin.meanConfidence)
        }
        return text
    }
}
