#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an interrupted run already wrote: the ids in its output and the input lines already in
/// its error file, so `--resume` adds exactly what is missing.
public struct ResumeState: Sendable {
    /// Ids of the documents in the output.
    public var completedIDs: Set<String> = []
    /// Input records already reported in the error file.
    public var reportedRecords: Set<DocumentOrigin> = []

    /// An empty state.
    public init() {}

    /// Reads an earlier run's output and error files.
    ///
    /// An unfinished last line (the run was killed mid-write) is cut off the output file, so
    /// the resumed run appends whole lines. Missing files count as empty.
    public static func load(outputPath: String, errorPath: String?) throws(GleanError) -> ResumeState {
        var state = ResumeState()
        try truncateUnfinishedLine(outputPath)
        try forEachObject(in: outputPath) { members, _ in
            if case .string(let id)? = members["id"] { state.completedIDs.insert(id) }
        }
        if let errorPath {
            try truncateUnfinishedLine(errorPath)
            try forEachObject(in: errorPath) { members, _ in
                if members["id"] == nil, case .string(let input)? = members["input"], let line = members["line"]?.intValue {
                    state.reportedRecords.insert(DocumentOrigin(input: input, line: line))
                }
            }
        }
        return state
    }

    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Cuts the file after its last newline.
    private static func truncateUnfinishedLine(_ path: String) throws(GleanError) {
        guard exists(path) else { return }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GleanError(.unwritableOutput, "--resume: cannot open `\(path)`: \(SystemError.lastMessage())")
        }
        defer { close(descriptor) }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return }
        var position = size
        var byte: UInt8 = 0
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while position > 0 {
            let start = max(0, position - off_t(chunk))
            let length = Int(position - start)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, start) }
            guard count == length else { break }
            if let last = buffer[0..<length].lastIndex(of: 0x0A) {
                byte = 1
                position = start + off_t(last) + 1
                break
            }
            position = start
        }
        let keep = byte == 1 ? position : 0
        if keep < size {
            guard ftruncate(descriptor, keep) == 0 else {
                throw GleanError(.unwritableOutput, "--resume: cannot cut the unfinished line off `\(path)`")
            }
        }
    }

    private static func forEachObject(
        in path: String,
        _ body: (OrderedMembers, DocumentOrigin) -> Void
    ) throws(GleanError) {
        guard exists(path) else { return }
        let source = LineRecordSource(source: try FileByteSource(path: path), inputName: path)
        var sequence = 0
        while let batch = try source.nextBatch(sequence: sequence, maxRecords: 4096, maxBytes: 4 << 20) {
            sequence += 1
            batch.storage.withUnsafeBytes { storage in
                for record in batch.records where record.problem == nil {
                    let bytes = UnsafeRawBufferPointer(rebasing: storage[record.range])
                    guard let members = try? JSONParser.scanObject(bytes) else { continue }
                    var values: OrderedMembers = [:]
                    for member in members where ["id", "input", "line"].contains(member.key) {
                        values[member.key] = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[member.value]))
                    }
                    body(values, record.origin)
                }
            }
        }
    }

    private typealias OrderedMembers = [String: JSONValue]
}
