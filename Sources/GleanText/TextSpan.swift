/// A span of text in Unicode scalar offsets, so that Python's `text[start:end]` gives it.
public struct TextSpan: Sendable, Hashable {
    /// The first scalar's offset.
    public var start: Int
    /// The offset after the last scalar.
    public var end: Int

    /// Creates a span.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The number of scalars.
    public var length: Int { end - start }
}
