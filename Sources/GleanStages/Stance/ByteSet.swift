/// A set of bytes as 256 bits: a membership test of two instructions, for turning values away
/// before a costlier lookup.
struct ByteSet: Sendable, Hashable {
    private var low: (UInt64, UInt64) = (0, 0)
    private var high: (UInt64, UInt64) = (0, 0)

    /// Adds `byte`.
    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: low.0 |= bit
        case 1: low.1 |= bit
        case 2: high.0 |= bit
        default: high.1 |= bit
        }
    }

    /// Adds every byte of `other`.
    mutating func formUnion(_ other: ByteSet) {
        low = (low.0 | other.low.0, low.1 | other.low.1)
        high = (high.0 | other.high.0, high.1 | other.high.1)
    }

    /// Whether `byte` was added.
    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = low.0
        case 1: word = low.1
        case 2: word = high.0
        default: word = high.1
        }
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }

    static func == (left: ByteSet, right: ByteSet) -> Bool {
        left.low == right.low && left.high == right.high
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(low.0)
        hasher.combine(low.1)
        hasher.combine(high.0)
        hasher.combine(high.1)
    }
}
