import Foundation
import GleanCore

extension EntityTagger {
    /// The weights as a file: `GLNE`, u32 version 1, u32 feature bits, u32 tag count, then the
    /// weights as little-endian IEEE half floats.
    public func serialized() -> [UInt8] {
        var bytes = Array("GLNE".utf8)
        for value in [UInt32(1), UInt32(Self.featureBits), UInt32(Self.tags.count)] {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        bytes.reserveCapacity(bytes.count + weights.count * 2)
        for weight in weights {
            withUnsafeBytes(of: Float16(weight).bitPattern.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    /// A tagger from the bytes ``serialized()`` wrote.
    public init(serialized bytes: [UInt8]) throws(GleanError) {
        let count = (1 << Self.featureBits) * Self.tags.count
        func word(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3])
                << 24
        }
        guard bytes.count == 16 + count * 2, Array(bytes.prefix(4)) == Array("GLNE".utf8), word(4) == 1,
            word(8) == UInt32(Self.featureBits), word(12) == UInt32(Self.tags.count)
        else {
            throw GleanError(.invalidModel, "the entity tagger's weights are damaged; retrain them with `glean train entities`")
        }
        var weights = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let offset = 16 + index * 2
            weights[index] = Float(Float16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8))
        }
        self.init(weights: weights)
    }

    /// The weights that ship with Glean, loaded once: from `$GLEAN_ENTITY_TAGGER` when set (to
    /// evaluate other weights), else the resource.
    public static var shipped: EntityTagger {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let override = ProcessInfo.processInfo.environment["GLEAN_ENTITY_TAGGER"].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
        let bytes = try StageResources.bytes(
            at: override ?? StageResources.url(named: "entity-tagger.bin"), of: "the entity tagger's weights",
            remedy: "train them with `glean train entities`")
        return try EntityTagger(serialized: bytes)
    }
}
