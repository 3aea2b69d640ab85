#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes from a file descriptor: a regular file, a pipe or standard input.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The name used in messages: the path, or `-` for standard input.
    public let name: String
    /// Bytes read so far.
    public private(set) var bytesConsumed = 0
    /// The file's size for regular files.
    public let totalBytes: Int?

    /// Opens `path` for reading; `-` is standard input.
    public init(path: String) throws(GleanError) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw GleanError(.unreadableInput, "cannot open input `\(path)`: \(SystemError.lastMessage())")
            }
            descriptor = opened
            ownsDescriptor = true
        }
        name = path
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            totalBytes = Int(info.st_size)
        } else {
            totalBytes = nil
        }
        if path != "-", (info.st_mode & S_IFMT) == S_IFDIR {
            if ownsDescriptor { close(descriptor) }
            throw GleanError(
                .unreadableInput, "input `\(path)` is a folder; use `input.format: text` to read a folder of text files")
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// For a pipe or terminal, waits with `poll` until bytes arrive, the writer closes, or
    /// `timeout` passes; a regular file is always ready.
    public func waitForInput(timeout: Duration) -> Bool {
        guard totalBytes == nil else { return true }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
        var descriptors = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptors, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            // Readable, closed (POLLHUP) or failed: a read will not block (it returns or reports).
            return ready != 0
        }
    }

    /// Reads the next bytes, retrying on interruption.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(GleanError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Darwin)
                let count = Darwin.read(descriptor, base, buffer.count)
            #elseif canImport(Glibc)
                let count = Glibc.read(descriptor, base, buffer.count)
            #else
                let count = Musl.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 {
                bytesConsumed += count
                return count
            }
            if errno == EINTR { continue }
            throw GleanError(.unreadableInput, "cannot read input `\(name)`: \(SystemError.lastMessage())")
        }
    }
}

/// Messages for C library errors.
enum SystemError {
    /// The text for the current `errno`.
    static func lastMessage() -> String {
        String(cString: strerror(errno))
    }
}
