/// A read-only hash table from lower-cased words (as UTF-8 bytes) to lexicon entries, looked up
/// straight from a text's bytes: no `String` is made and no `Hasher` run per token.
struct WordTable: Sendable {
    /// The table's memory: allocated once, never changed after `init`, freed with the table.
    private final class Storage: @unchecked Sendable {
        let keyBytes: UnsafeMutableBufferPointer<UInt8>
        let keyStarts: UnsafeMutableBufferPointer<Int>
        let keyLengths: UnsafeMutableBufferPointer<Int>
        let values: UnsafeMutableBufferPointer<VADERLexicon.Entry>
        let slots: UnsafeMutableBufferPointer<Int32>
        let mask: Int

        init(_ entries: [(key: [UInt8], value: VADERLexicon.Entry)]) {
            var capacity = 16
            while capacity < entries.count * 2 { capacity <<= 1 }
            mask = capacity - 1
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: -1)
            let totalBytes = entries.reduce(0) { $0 + $1.key.count }
            keyBytes = .allocate(capacity: max(totalBytes, 1))
            keyStarts = .allocate(capacity: max(entries.count, 1))
            keyLengths = .allocate(capacity: max(entries.count, 1))
            values = .allocate(capacity: max(entries.count, 1))
            var offset = 0
            for (index, entry) in entries.enumerated() {
                var slot = Int(truncatingIfNeeded: entry.key.withUnsafeBufferPointer { WordTable.hash($0) }) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
                keyStarts[index] = offset
                keyLengths[index] = entry.key.count
                for byte in entry.key {
                    keyBytes[offset] = byte
                    offset += 1
                }
                (values.baseAddress.unsafelyUnwrapped + index).initialize(to: entry.value)
            }
        }

        deinit {
            keyBytes.deallocate()
            keyStarts.deallocate()
            keyLengths.deallocate()
            values.deallocate()
            slots.deallocate()
        }
    }

    private let storage: Storage

    /// A table holding `entries`.
    init(_ entries: [String: VADERLexicon.Entry]) {
        storage = Storage(entries.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) })
    }

    /// The entry for the lower-cased word `bytes`, if listed.
    @inline(__always)
    func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> VADERLexicon.Entry? {
        let storage = storage
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & storage.mask
        while true {
            let index = Int(storage.slots[slot])
            if index < 0 { return nil }
            if storage.keyLengths[index] == bytes.count {
                let start = storage.keyStarts[index]
                var equal = true
                for offset in 0..<bytes.count where storage.keyBytes[start + offset] != bytes[offset] {
                    equal = false
                    break
                }
                if equal { return storage.values[index] }
            }
            slot = (slot + 1) & storage.mask
        }
    }

    /// A multiply-and-fold hash taking eight bytes at a time (words are short, so this is a
    /// step or two), mixed by its length.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        if index < raw.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < raw.count {
                tail |= UInt64(raw[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return hash ^ (hash >> 29)
    }
}
