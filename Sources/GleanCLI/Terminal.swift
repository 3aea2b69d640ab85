import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to standard error and asking whether a stream is a terminal.
struct Terminal: Sendable {
    /// Standard error.
    static let standardError = Terminal(descriptor: 2)
    /// Standard output.
    static let standardOutput = Terminal(descriptor: 1)

    let descriptor: Int32

    /// Whether the stream is a terminal.
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes `text` as is.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
