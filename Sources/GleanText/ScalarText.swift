/// A text's Unicode scalars with their UTF-8 offsets, so that the text of any scalar span is cut
/// from the UTF-8 bytes in one copy.
public struct ScalarText: Sendable {
    /// The scalars.
    public let scalars: [Unicode.Scalar]
    private let bytes: [UInt8]
    /// UTF-8 offset of each scalar, and of the end.
    private let offsets: [Int]

    /// Prepares `text`.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        bytes = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    /// The text of `span` (scalar offsets).
    public subscript(span: TextSpan) -> String {
        String(decoding: bytes[offsets[span.start]..<offsets[span.end]], as: UTF8.self)
    }
}
