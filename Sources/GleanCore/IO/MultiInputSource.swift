#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several inputs read one after the other as one stream of batches: each file is opened when
/// its turn comes (so a thousand files do not hold a thousand descriptors) and a batch may hold
/// the end of one file and the start of the next.
public final class MultiInputSource: RecordSource {
    private let paths: [String]
    private let format: InputFormat
    private let maximumLineBytes: Int
    private var current: (index: Int, source: any RecordSource)?
    private var nextIndex = 0
    private var finishedBytes = 0
    /// The inputs' total size, when every one's is known.
    public let totalBytes: Int?

    /// A source over `paths` (already expanded, see ``InputList``), each read in `format`.
    ///
    /// - Throws: ``GleanError`` when an input cannot be read, before anything is read.
    public init(paths: [String], format: InputFormat, maximumLineBytes: Int = 64 << 20) throws(GleanError) {
        self.paths = paths
        self.format = format
        self.maximumLineBytes = maximumLineBytes
        var total: Int? = 0
        for path in paths {
            if format == .text && path == "-" {
                throw GleanError(.invalidArgument, "`input.format: text` reads folders; standard input has no files")
            }
            guard path == "-" || access(path, R_OK) == 0 else {
                throw GleanError(.unreadableInput, "cannot open input `\(path)`: \(SystemError.lastMessage())")
            }
            var info = stat()
            if path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                total = total.map { $0 + Int(info.st_size) }
            } else if format != .text {
                total = nil
            }
        }
        totalBytes = format == .text ? nil : total
    }

    /// The inputs, in reading order.
    public var inputNames: [String] { paths }

    /// Input bytes consumed so far, over all inputs.
    public var bytesConsumed: Int { finishedBytes + (current?.source.bytesConsumed ?? 0) }

    /// The next batch, filled from as many inputs as it takes.
    public func nextBatch(sequence: Int, maxRecords: Int, maxBytes: Int) throws(GleanError) -> RecordBatch? {
        var batch = RecordBatch(sequence: sequence)
        while batch.records.count < maxRecords && batch.storage.count < maxBytes {
            if current == nil {
                guard nextIndex < paths.count else { break }
                current = (nextIndex, try open(nextIndex))
                nextIndex += 1
            }
            guard let (index, source) = current else { break }
            guard
                var part = try source.nextBatch(
                    sequence: sequence, maxRecords: maxRecords - batch.records.count, maxBytes: maxBytes - batch.storage.count)
            else {
                finishedBytes += source.bytesConsumed
                current = nil
                continue
            }
            for position in part.spans.indices { part.spans[position].inputIndex = index }
            batch.append(contentsOf: part)
        }
        return batch.records.isEmpty && batch.spans.isEmpty ? nil : batch
    }

    private func open(_ index: Int) throws(GleanError) -> any RecordSource {
        let path = paths[index]
        if format == .text {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return try FolderRecordSource(folder: path, maximumFileBytes: maximumLineBytes, namePrefix: prefix)
        }
        return try InputOpener.open(path: path, format: format, maximumLineBytes: maximumLineBytes)
    }
}
