import Foundation
import GleanCore
import GleanText

/// The character n-gram statistics of every language, in the compact format that
/// `scripts/build-language-model.py` writes (described there and in docs/stages/language.md):
/// one hash table from n-gram to the languages that have it, each with a quantised
/// log-probability.
public final class LanguageModel: Sendable {
    /// A language of the model with what the detector needs to know about it.
    public struct Entry: Sendable {
        /// The language.
        public let language: Language
        /// The highest n-gram order its statistics have (1 for scripts used by one language).
        public let highestOrder: Int
        /// Bit `i` is set when the language is written in the script with ordinal `i`.
        public let scriptMask: UInt64
        /// The log-probability given to a letter its statistics have never seen.
        public let floor: Float
    }

    /// The languages, indexed as in the table.
    public let entries: [Entry]
    /// Natural-log units per quantisation step.
    let step: Float
    let bucketShift: UInt64
    /// Where each bucket's block starts in ``blocks``.
    let blockStarts: [UInt32]
    /// Per bucket: key count, (fingerprint, pair count) per key, then the keys' pairs, each
    /// with the language index in the low byte and the quantised negative log-probability in
    /// the high byte.
    let blocks: [UInt16]

    /// Parses a model from the bytes of a model file.
    public init(bytes: [UInt8]) throws(GleanError) {
        var reader = ModelReader(bytes: bytes)
        guard reader.take(4) == Array("GLLM".utf8) else { throw Self.corrupt("it does not start with GLLM") }
        let version = reader.uint32()
        guard version == 2 else { throw Self.corrupt("format version \(version) is not 2") }
        let languageCount = Int(reader.uint32())
        let bucketBits = Int(reader.uint32())
        let keyCount = Int(reader.uint32())
        let pairCount = Int(reader.uint32())
        let blockUnits = Int(reader.uint32())
        step = reader.float()
        guard (1...30).contains(bucketBits), languageCount <= 255 else { throw Self.corrupt("its header is invalid") }
        var entries: [Entry] = []
        for _ in 0..<languageCount {
            let code = String(decoding: reader.take(2), as: UTF8.self)
            let order = Int(reader.take(2).first ?? 0)
            let mask = reader.uint64()
            let floor = reader.float()
            guard let language = Language.named(code) else { throw Self.corrupt("it names an unknown language '\(code)'") }
            entries.append(Entry(language: language, highestOrder: order, scriptMask: mask, floor: floor))
        }
        self.entries = entries
        bucketShift = UInt64(64 - bucketBits)
        let buckets = (1 << bucketBits) + 1
        blockStarts = reader.uint32s(buckets)
        blocks = reader.uint16s(blockUnits)
        guard !reader.overran, reader.remaining == 0 else { throw Self.corrupt("its length does not match its header") }
        guard blockStarts.last.map(Int.init) == blockUnits, blockUnits >= keyCount * 2 + pairCount else {
            throw Self.corrupt("its bucket table does not match its header")
        }
        for bucket in 0..<(buckets - 1) {
            let start = Int(blockStarts[bucket])
            let next = Int(blockStarts[bucket + 1])
            guard start < next, next <= blockUnits else { throw Self.corrupt("bucket \(bucket) is out of order") }
            let keys = Int(blocks[start])
            var length = 1 + 2 * keys
            guard start + length <= next else { throw Self.corrupt("bucket \(bucket) overruns the next") }
            for key in 0..<keys { length += Int(blocks[start + 2 + 2 * key]) }
            guard start + length == next else { throw Self.corrupt("bucket \(bucket) has the wrong length") }
        }
    }

    /// Loads a model file.
    public convenience init(contentsOf url: URL) throws(GleanError) {
        try self.init(
            bytes: StageResources.bytes(
                at: url, of: "the language model", remedy: "rebuild it with scripts/build-language-model.py"))
    }

    /// The positions in ``blocks`` of the pairs of the n-gram whose ``NGramHash`` is `hash`;
    /// empty when no language has it.
    @inline(__always)
    func lookup(_ hash: UInt64) -> Range<Int> {
        let bucket = Int(truncatingIfNeeded: hash >> bucketShift)
        let fingerprint = UInt16(truncatingIfNeeded: hash)
        return blocks.withUnsafeBufferPointer { blocks in
            let start = Int(blockStarts[bucket])
            let keyCount = Int(blocks[start])
            var pair = start + 1 + 2 * keyCount
            var key = start + 1
            let end = pair
            while key < end {
                let candidate = blocks[key]
                if candidate == fingerprint { return pair..<(pair + Int(blocks[key + 1])) }
                if candidate > fingerprint { break }
                pair += Int(blocks[key + 1])
                key += 2
            }
            return pair..<pair
        }
    }

    private static func corrupt(_ detail: String) -> GleanError {
        GleanError(.invalidModel, "the language model is damaged: \(detail); rebuild it with scripts/build-language-model.py")
    }
}

/// Reads little-endian fields from the bytes of a model file, remembering an overrun instead of
/// trapping.
private struct ModelReader {
    let bytes: [UInt8]
    var offset = 0
    var overran = false

    var remaining: Int { bytes.count - offset }

    mutating func take(_ count: Int) -> [UInt8] {
        guard count <= remaining else {
            overran = true
            offset = bytes.count
            return []
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func integer(_ width: Int) -> UInt64 {
        take(width).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func uint32() -> UInt32 { UInt32(truncatingIfNeeded: integer(4)) }
    mutating func uint64() -> UInt64 { integer(8) }
    mutating func float() -> Float { Float(bitPattern: uint32()) }

    mutating func uint32s(_ count: Int) -> [UInt32] {
        littleEndian(count, width: 4) { raw, base in
            UInt32(raw[base]) | UInt32(raw[base + 1]) << 8 | UInt32(raw[base + 2]) << 16 | UInt32(raw[base + 3]) << 24
        }
    }

    mutating func uint16s(_ count: Int) -> [UInt16] {
        littleEndian(count, width: 2) { raw, base in UInt16(raw[base]) | UInt16(raw[base + 1]) << 8 }
    }

    /// The next `count` numbers of `width` bytes each, read by `value` from the model's bytes
    /// where they lie (given the offset of each number's first byte): the tables are tens of
    /// megabytes, so they are converted in one pass without copying their bytes first.
    private mutating func littleEndian<Number>(
        _ count: Int, width: Int, _ value: (UnsafeBufferPointer<UInt8>, Int) -> Number
    ) -> [Number] {
        guard count <= remaining / width else {
            overran = true
            offset = bytes.count
            return []
        }
        let start = offset
        offset += count * width
        return bytes.withUnsafeBufferPointer { raw in
            [Number](unsafeUninitializedCapacity: count) { numbers, initialized in
                for index in 0..<count { numbers.initializeElement(at: index, to: value(raw, start + index * width)) }
                initialized = count
            }
        }
    }
}
