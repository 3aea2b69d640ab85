/// A text's Unicode scalars with their UTF-8 offsets, so that the text of any scalar span is cut
/// from the UTF-8 bytes in one copy.
public struct ScalarText: Sendable {
    /// The scalars.
    public let scalars: [Unicode.Scalar]
    private let bytes: [UInt8]
    /// UTF-8 offset of each scalar, and of the end (32 bits: half the memory of `Int`, for the
    /// texts kept while a batch is analysed; texts are far below 4 GiB, glean reads lines of 64 MiB).
    private let offsets: [UInt32]

    /// Prepares `text`.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        bytes = Array(text.utf8)
        var offsets: [UInt32] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset: UInt32 = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UInt32(UTF8.width(scalar))
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    /// The text of `span` (scalar offsets).
    public subscript(span: TextSpan) -> String {
        String(decoding: bytes[Int(offsets[span.start])..<Int(offsets[span.end])], as: UTF8.self)
    }
}
