#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking byte sink: a file or standard output. Written from one dedicated thread.
public final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The name used in messages: the path, or `-` for standard output.
    public let name: String
    /// Bytes written so far.
    public private(set) var bytesWritten = 0
    /// The file's length when it was opened, for regular files (`nil` for pipes, terminals and
    /// devices, which have no length to resume from).
    private var startLength: Int?

    /// Where the next byte goes in a regular file (its length so far); `nil` for other sinks.
    public var position: Int? { startLength.map { $0 + bytesWritten } }

    /// How an output file is opened.
    public enum Mode: Sendable {
        /// Create or empty the file.
        case truncate
        /// Create the file or add to its end (for `--resume`).
        case append
    }

    /// Opens `path` for writing; `-` is standard output.
    public init(path: String, mode: Mode = .truncate) throws(GleanError) {
        name = path
        if path == "-" {
            descriptor = 1
            ownsDescriptor = false
            return
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == .append ? O_APPEND : O_TRUNC)
        let opened = open(path, flags, 0o644)
        guard opened >= 0 else {
            throw GleanError(.unwritableOutput, "cannot open `\(path)` for writing: \(SystemError.lastMessage())")
        }
        descriptor = opened
        ownsDescriptor = true
        var info = stat()
        if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            startLength = Int(info.st_size)
        }
    }

    /// A sink writing to an open descriptor it does not own, such as standard error (2).
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.name = name
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    public func write(_ bytes: [UInt8]) throws(GleanError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                #if canImport(Darwin)
                    let count = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #elseif canImport(Glibc)
                    let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                    let count = Musl.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if count > 0 {
                    offset += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    failure = errno
                    return
                }
            }
        }
        bytesWritten += bytes.count
        if failure != 0 {
            let reason = failure == EPIPE ? "the reader closed the pipe" : String(cString: strerror(failure))
            throw GleanError(.unwritableOutput, "cannot write to `\(name)`: \(reason)")
        }
    }
}
