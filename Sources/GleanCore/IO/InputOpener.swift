/// Opens the input of a run as a record source for the pipeline's input format.
public enum InputOpener {
    /// A record source reading `paths` one after the other (see ``InputList`` for expanding what
    /// a user names); one path gives the same source as ``open(path:format:maximumLineBytes:)``.
    public static func open(
        paths: [String],
        format: InputFormat,
        maximumLineBytes: Int = 64 << 20
    ) throws(GleanError) -> any RecordSource {
        guard paths.count != 1 else { return try open(path: paths[0], format: format, maximumLineBytes: maximumLineBytes) }
        guard !paths.isEmpty else { throw GleanError(.invalidArgument, "no input named") }
        return try MultiInputSource(paths: paths, format: format, maximumLineBytes: maximumLineBytes)
    }

    /// A record source reading `path` (`-` for standard input) in `format`.
    ///
    /// Line formats read gzip transparently: by the `.gz` suffix or the gzip magic bytes.
    public static func open(
        path: String,
        format: InputFormat,
        maximumLineBytes: Int = 64 << 20
    ) throws(GleanError) -> any RecordSource {
        switch format {
        case .text:
            if path == "-" {
                throw GleanError(
                    .invalidArgument, "`input.format: text` reads a folder; standard input has no files (use `lines` or `jsonl`)")
            }
            return try FolderRecordSource(folder: path, maximumFileBytes: maximumLineBytes)
        case .jsonl, .lines:
            let file = try FileByteSource(path: path)
            let peeking = PeekingByteSource(upstream: file)
            let source: any ByteSource
            let hasMagic = try peeking.startsWith([0x1F, 0x8B])
            let isGzip = path.hasSuffix(".gz") || hasMagic
            if isGzip {
                source = try GzipByteSource(upstream: peeking, name: path)
            } else {
                source = peeking
            }
            return LineRecordSource(source: source, inputName: path, maximumLineBytes: maximumLineBytes)
        }
    }
}

/// A byte source that can look at its first bytes before they are read.
final class PeekingByteSource: ByteSource {
    private let upstream: any ByteSource
    private var prefix: [UInt8] = []
    private var prefixOffset = 0

    init(upstream: any ByteSource) {
        self.upstream = upstream
    }

    var bytesConsumed: Int { upstream.bytesConsumed - (prefix.count - prefixOffset) }
    var totalBytes: Int? { upstream.totalBytes }

    /// Whether the input starts with `magic`; reads as much as needed and keeps it.
    func startsWith(_ magic: [UInt8]) throws(GleanError) -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while prefix.count < magic.count {
            let count = try read(upstream: upstream, into: &scratch)
            if count == 0 { break }
            prefix.append(contentsOf: scratch[0..<count])
        }
        return prefix.starts(with: magic)
    }

    private func read(upstream: any ByteSource, into scratch: inout [UInt8]) throws(GleanError) -> Int {
        var failure: GleanError?
        let count = scratch.withUnsafeMutableBytes { buffer -> Int in
            do throws(GleanError) {
                return try upstream.read(into: buffer)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return count
    }

    func waitForInput(timeout: Duration) -> Bool {
        prefixOffset < prefix.count || upstream.waitForInput(timeout: timeout)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(GleanError) -> Int {
        if prefixOffset < prefix.count {
            let count = min(buffer.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[prefixOffset..<(prefixOffset + count)]))
            }
            prefixOffset += count
            return count
        }
        return try upstream.read(into: buffer)
    }
}
