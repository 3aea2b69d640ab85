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
    /// Waits up to `timeout` for bytes that can be read without blocking; `false` when none came
    /// (a pipe whose writer paused). Sources that cannot tell answer `true`.
    func waitForInput(timeout: Duration) -> Bool
}

extension ByteSource {
    /// Regular files and decompressors always have bytes ready (or are at their end).
    public func waitForInput(timeout: Duration) -> Bool { true }
}
