/// The hash the language model is keyed by: 64-bit FNV-1a over the n-gram's UTF-8 bytes, then
/// the MurmurHash3 finaliser. FNV-1a is sequential, so one pass from a start letter yields the
/// hashes of the n-grams of every order beginning there (``adding(_:)`` then ``finalized``).
struct NGramHash {
    private(set) var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The state after the UTF-8 bytes of `scalar`.
    @inline(__always)
    func adding(_ scalar: UInt32) -> NGramHash {
        var copy = self
        if scalar < 0x80 {
            copy.byte(UInt8(truncatingIfNeeded: scalar))
        } else if scalar < 0x800 {
            copy.byte(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            copy.byte(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        } else {
            copy.byte(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            copy.byte(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
        return copy
    }

    /// The key of the n-gram hashed so far.
    @inline(__always)
    var finalized: UInt64 {
        var h = state
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        state = (state ^ UInt64(value)) &* 0x100_0000_01B3
    }
}
