#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte source into lines: 1 MiB reads, line ends found with `memchr`, no `String`
/// made. Blank lines are passed over (and counted); `\r\n` ends and a leading byte-order mark
/// are removed; a line over the limit is reported as a problem record and skipped.
///
/// A batch ends when it is full, at the end of the input, or — on a pipe — when the writer
/// pauses for ``idleCut`` with whole lines already in the batch, so a program that writes a few
/// documents and waits gets their results without closing the pipe.
public final class LineRecordSource: RecordSource {
    private let source: any ByteSource
    private let inputName: String
    private let maximumLineBytes: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var endOfInput = false
    private var lineNumber = 0
    /// Lines that held nothing but white space, passed over.
    public private(set) var blankLines = 0

    /// The size of each read.
    public static let readSize = 1 << 20
    /// How long a pipe may stay silent before the lines already read are handed on as a batch.
    public static let idleCut: Duration = .milliseconds(100)

    /// Splits `source`, named `inputName` in messages, refusing lines over `maximumLineBytes`.
    public init(source: any ByteSource, inputName: String, maximumLineBytes: Int = 64 << 20) {
        self.source = source
        self.inputName = inputName
        self.maximumLineBytes = maximumLineBytes
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * Self.readSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// Input bytes consumed so far.
    public var bytesConsumed: Int { source.bytesConsumed }
    /// The input's size, when known.
    public var totalBytes: Int? { source.totalBytes }
    /// The one input read.
    public var inputNames: [String] { [inputName] }

    /// The next batch of up to `maxRecords` lines or about `maxBytes` bytes.
    public func nextBatch(sequence: Int, maxRecords: Int, maxBytes: Int) throws(GleanError) -> RecordBatch? {
        var batch = RecordBatch(sequence: sequence)
        batch.storage.reserveCapacity(min(maxBytes + (maxBytes >> 2), 1 << 24))
        let consumedBefore = source.bytesConsumed
        let lineBefore = lineNumber
        while batch.records.count < maxRecords && batch.storage.count < maxBytes {
            guard let line = try nextLine(cutWhenIdle: !batch.records.isEmpty) else { break }
            switch line {
            case .bytes(let range):
                var bytes = UnsafeRawBufferPointer(rebasing: buffer[range])
                if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                    bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
                }
                if Self.isBlank(bytes) {
                    blankLines += 1
                    continue
                }
                batch.append(bytes, origin: DocumentOrigin(input: inputName, line: lineNumber))
            case .tooLong(let length):
                batch.append(
                    problem: GleanError(
                        .lineTooLong,
                        "line is \(length) bytes, over the limit of \(maximumLineBytes) (raise it with --max-line-bytes)"),
                    origin: DocumentOrigin(input: inputName, line: lineNumber), byteCount: length)
            }
        }
        batch.inputBytes = source.bytesConsumed - consumedBefore
        if lineNumber > lineBefore {
            batch.spans = [
                InputSpan(
                    input: inputName, firstLine: lineBefore + 1, lastLine: lineNumber, records: batch.records.count,
                    bytes: batch.inputBytes)
            ]
        }
        return batch.records.isEmpty && endOfInput && start == end ? nil : batch
    }

    private enum Line {
        case bytes(Range<Int>)
        case tooLong(Int)
    }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }

    /// The next line's range in the buffer (valid until the next call), or `nil` at the end —
    /// or, with `cutWhenIdle`, when no whole line is buffered and the source stays silent for
    /// ``idleCut``.
    private func nextLine(cutWhenIdle: Bool) throws(GleanError) -> Line? {
        var searchFrom = start
        var discarded = 0
        while true {
            if searchFrom < end, let base = buffer.baseAddress {
                if let found = memchr(base + searchFrom, 0x0A, end - searchFrom) {
                    let newline = base.distance(to: UnsafeMutableRawPointer(found))
                    let lineStart = start
                    start = newline + 1
                    lineNumber += 1
                    if discarded > 0 { return .tooLong(discarded + newline - lineStart) }
                    var lineEnd = newline
                    if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    return .bytes(lineStart..<lineEnd)
                }
            }
            searchFrom = end
            if endOfInput {
                guard start < end || discarded > 0 else { return nil }
                let lineStart = start
                start = end
                lineNumber += 1
                if discarded > 0 { return .tooLong(discarded + end - lineStart) }
                var lineEnd = end
                if lineEnd > lineStart, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return .bytes(lineStart..<lineEnd)
            }
            // Need more bytes: make room, dropping or growing as the line's length requires.
            let pending = end - start
            if pending + discarded > maximumLineBytes {
                discarded += pending
                start = 0
                end = 0
                searchFrom = 0
            } else if start > 0 {
                if pending > 0, let base = buffer.baseAddress {
                    memmove(base, base + start, pending)
                }
                start = 0
                end = pending
                searchFrom = pending
            }
            if buffer.count - end < Self.readSize {
                let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                if end > 0, let to = grown.baseAddress, let from = buffer.baseAddress { memcpy(to, from, end) }
                buffer.deallocate()
                buffer = grown
            }
            if cutWhenIdle, discarded == 0, !source.waitForInput(timeout: Self.idleCut) { return nil }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if count == 0 {
                endOfInput = true
            } else {
                end += count
            }
        }
    }
}
