import CZlib

/// Decompresses gzip (one or more concatenated members, as `cat a.gz b.gz` makes) from another
/// source, with the system's zlib.
public final class GzipByteSource: ByteSource {
    private let upstream: any ByteSource
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var finished = false
    private let name: String

    /// Wraps `upstream`, whose bytes are gzip data; `name` is used in messages.
    public init(upstream: any ByteSource, name: String) throws(GleanError) {
        self.upstream = upstream
        self.name = name
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        // 15 window bits + 32: detect the gzip or zlib header automatically.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw GleanError(.corruptInput, "cannot start gzip decompression for `\(name)` (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    /// Compressed bytes read so far.
    public var bytesConsumed: Int { upstream.bytesConsumed }
    /// The compressed file's size.
    public var totalBytes: Int? { upstream.totalBytes }

    /// Fills `buffer` with decompressed bytes; 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(GleanError) -> Int {
        guard !finished, let outBase = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let count = try upstream.read(into: input)
                if count == 0 {
                    if memberOpen {
                        throw GleanError(.corruptInput, "gzip input `\(name)` ends in the middle of its data (truncated file?)")
                    }
                    finished = true
                    break
                }
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(count)
            }
            memberOpen = true
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // Another gzip member may follow: keep the unread input across the reset.
                memberOpen = false
                let pendingIn = stream.avail_in
                let pendingNext = stream.next_in
                inflateReset(&stream)
                stream.avail_in = pendingIn
                stream.next_in = pendingNext
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw GleanError(.corruptInput, "gzip input `\(name)` is corrupt: \(detail)")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }

    private var memberOpen = false
}
