import Foundation
import GleanStages

extension StanceScore {
    /// The score as `glean eval stance` prints it: pairs P/R/F1, stance accuracy on matched pairs,
    /// per-stance F1 (strict and lenient), macro F1, false pairs on passages with none, and the
    /// confusion matrix (rows labelled, columns found; `-` is no pair).
    public func report(passages: Int) -> String {
        var report = "\(passages) passages, \(labelled) labelled pairs, \(found) found, \(matched) matched\n"
        let pairs = self.pairs
        report += String(format: "pairs: P %.1f  R %.1f  F1 %.1f\n", 100 * pairs.precision, 100 * pairs.recall, 100 * pairs.f1)
        report += String(
            format: "stance on matched pairs: strict %.1f %%, lenient %.1f %%\n", 100 * strictAccuracy, 100 * lenientAccuracy)
        report += "stance       strict P     R    F1 | lenient P     R    F1\n"
        for stance in Stance.allCases {
            let strict = perStance(stance)
            let lenient = perStance(stance, lenient: true)
            report += String(
                format: "%@  %5.1f %5.1f %5.1f |   %5.1f %5.1f %5.1f\n",
                stance.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0), 100 * strict.precision,
                100 * strict.recall, 100 * strict.f1, 100 * lenient.precision, 100 * lenient.recall, 100 * lenient.f1)
        }
        report += "confusion (rows labelled, columns found; - is no pair):\n"
        let columns: [Stance?] = Stance.allCases.map { $0 } + [nil]
        report +=
            "           " + columns.map { ($0?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0) }.joined()
            + "\n"
        for row in columns {
            report +=
                "  " + (row?.rawValue ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
                + columns.map { column in
                    let count = row == nil && column == nil ? "" : String(confusion[row]?[column] ?? 0)
                    return count.padding(toLength: 8, withPad: " ", startingAt: 0)
                }.joined() + "\n"
        }
        report += String(format: "macro F1: strict %.1f, lenient %.1f\n", 100 * macroF1(), 100 * macroF1(lenient: true))
        report +=
            "passages with no pairs: \(emptyPassages), of which \(emptyPassagesWithPairs) got pairs (\(emptyPassageFalsePairs) false pairs)\n"
        return report
    }
}
