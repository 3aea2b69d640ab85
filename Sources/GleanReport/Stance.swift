/// The five stances of `alignment-stance`, in the order the report draws them.
public enum Stance: String, Sendable, CaseIterable, Comparable {
    /// Belongs to the bloc.
    case member
    /// Wants or applies to join.
    case seeking
    /// Cooperates without membership.
    case partner
    /// Neutral, non-aligned, refusing or undecided.
    case neutral
    /// Hostile, leaving or suspending.
    case opposed

    /// The position in drawing order.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Drawing order.
    public static func < (lhs: Stance, rhs: Stance) -> Bool { lhs.index < rhs.index }
}

/// Counts per stance, with a slot for labels outside the five.
public struct StanceCounts: Sendable, Hashable {
    /// Counts in ``Stance`` order, then other labels.
    public var values = [Int](repeating: 0, count: Stance.allCases.count + 1)

    /// Creates empty counts.
    public init() {}

    /// Counts one `label`.
    public mutating func add(_ label: String) {
        values[Stance(rawValue: label)?.index ?? Stance.allCases.count] += 1
    }

    /// Adds other counts.
    public mutating func add(_ other: StanceCounts) {
        for index in values.indices { values[index] += other.values[index] }
    }

    /// All counts.
    public var total: Int { values.reduce(0, +) }

    /// The count of `stance`.
    public subscript(stance: Stance) -> Int { values[stance.index] }

    /// The most frequent stance (the earlier in drawing order on ties); `nil` when empty.
    public var dominant: Stance? {
        var best: Stance?
        for stance in Stance.allCases where self[stance] > 0 && self[stance] > (best.map { self[$0] } ?? 0) {
            best = stance
        }
        return best
    }
}
