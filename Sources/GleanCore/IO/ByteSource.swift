/// A blocking source of bytes: a file, standard input, or a decompressor over one.
///
/// Sources are read from one dedicated thread, never from the cooperative pool.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; returns 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(GleanError) -> Int
    /// Bytes taken from the underlying file so far (compressed bytes for a decompressor).
    var bytesConsumed: Int { get }
    /// The underlying file's size, when known (for progress and ETA).
    var totalBytes: Int? { get }
}
