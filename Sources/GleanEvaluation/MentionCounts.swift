import Foundation

/// Right, found and gold mentions per type, for entity-level precision, recall and F1.
public struct MentionCounts: Sendable {
    private var counts: [String: (right: Int, found: Int, gold: Int)] = [:]

    /// No mentions counted yet.
    public init() {}

    /// Counts one unit's gold and found mentions (exact matches), typed by `type`.
    public mutating func add<Mention: Hashable>(gold: Set<Mention>, found: Set<Mention>, type: (Mention) -> String) {
        for mention in gold.union(found) {
            var entry = counts[type(mention)] ?? (0, 0, 0)
            if gold.contains(mention) && found.contains(mention) { entry.right += 1 }
            if found.contains(mention) { entry.found += 1 }
            if gold.contains(mention) { entry.gold += 1 }
            counts[type(mention)] = entry
        }
    }

    /// One line per type of `types`, then `ALL` over them: gold, found, right, P, R and F1 (percent),
    /// each line followed by `extra(type)` when given; and the F1 per type, `ALL` for the overall one.
    public func table(_ types: [String], width: Int, extra: (String) -> String = { _ in "" }) -> (
        text: String, f1: [String: Double]
    ) {
        var text = ""
        var total = (right: 0, found: 0, gold: 0)
        var scores: [String: Double] = [:]
        for type in types + ["ALL"] {
            let entry = type == "ALL" ? total : counts[type] ?? (0, 0, 0)
            if type != "ALL" {
                total.right += entry.right
                total.found += entry.found
                total.gold += entry.gold
            }
            let precision = 100 * Double(entry.right) / Double(max(entry.found, 1))
            let recall = 100 * Double(entry.right) / Double(max(entry.gold, 1))
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            scores[type] = f1
            text +=
                String(
                    format: "%@ %6d  %6d  %6d  %5.1f  %5.1f  %5.1f", type.padding(toLength: width, withPad: " ", startingAt: 0),
                    entry.gold, entry.found, entry.right, precision, recall, f1) + extra(type) + "\n"
        }
        return (text, scores)
    }
}
