#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an interrupted run finished, by input position: the lines of each input whose
/// documents (or error-file entries) were written, read from the run's resume file.
///
/// Positions, not document ids: feeds reissue updated documents under the same id, and a
/// resume by id would pass over the later ones as if they were done.
public struct ResumeState: Sendable {
    /// Lines done, per input name: sorted, disjoint, not adjacent ranges.
    public private(set) var done: [String: [ClosedRange<Int>]] = [:]
    /// The output's length when the last finished batch was written.
    public var outputLength = 0
    /// The error file's length then (0 when the run recorded none: a device such as /dev/null).
    public var errorsLength = 0

    /// An empty state: nothing done.
    public init() {}

    /// A state with `done` lines per input (ranges in any order, overlapping or not).
    public init(done: [String: [ClosedRange<Int>]]) {
        self.done = done.mapValues(Self.merged)
    }

    /// Whether the record at `origin` was finished by the earlier run.
    public func contains(_ origin: DocumentOrigin) -> Bool {
        guard let ranges = done[origin.input] else { return false }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < origin.line {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(origin.line)
    }

    /// Lines done over all inputs (blank lines included).
    public var doneLineCount: Int {
        done.values.reduce(0) { total, ranges in ranges.reduce(total) { $0 + $1.count } }
    }

    private static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

extension ResumeState {
    /// Reads the resume file an earlier run wrote beside its output, and cuts the output and
    /// error files back to what that run finished (a hard kill can leave a batch half written;
    /// its lines are not marked done, so they are analysed again).
    ///
    /// No resume file and no output (or an empty one) is a fresh start.
    ///
    /// - Throws: ``GleanError`` when the output exists without its resume file, or is shorter
    ///   than the resume file says (changed since), or a file cannot be read or cut.
    public static func load(resumePath: String, outputPath: String, errorPath: String?) throws(GleanError) -> ResumeState {
        guard FileState.exists(resumePath) else {
            if let size = FileState.regularSize(outputPath), size > 0 {
                throw GleanError(
                    .invalidArgument,
                    "--resume: `\(resumePath)` is missing, so which input lines `\(outputPath)` holds is unknown; run again without --resume to start over (or name the resume file with --resume-file)"
                )
            }
            return ResumeState()
        }
        try FileState.truncateUnfinishedLine(resumePath)
        var state = ResumeState()
        var ranges: [String: [ClosedRange<Int>]] = [:]
        var sawHeader = false
        try JSONLinesReader.forEach(in: resumePath) { value, line throws(GleanError) in
            if let version = value["glean_resume"]?.intValue {
                guard version == ResumeLog.version else {
                    throw GleanError(
                        .invalidArgument,
                        "--resume: `\(resumePath)` is in format \(version); this glean reads format \(ResumeLog.version)")
                }
                sawHeader = true
                return
            }
            guard let spans = value["done"]?.arrayValue else {
                throw GleanError(.invalidArgument, "--resume: `\(resumePath)`:\(line) is not a resume entry")
            }
            for span in spans {
                guard let items = span.arrayValue, items.count == 3, let input = items[0].stringValue,
                    let first = items[1].intValue, let last = items[2].intValue, first <= last
                else {
                    throw GleanError(.invalidArgument, "--resume: `\(resumePath)`:\(line) holds a malformed span")
                }
                ranges[input, default: []].append(first...last)
            }
            if let end = value["output_end"]?.intValue { state.outputLength = end }
            if let end = value["errors_end"]?.intValue { state.errorsLength = end }
        }
        guard sawHeader || ranges.isEmpty else {
            throw GleanError(.invalidArgument, "--resume: `\(resumePath)` is not a glean resume file")
        }
        state.done = ranges.mapValues(merged)
        try FileState.cut(outputPath, to: state.outputLength, what: "output")
        if let errorPath {
            try FileState.cut(errorPath, to: state.errorsLength, what: "error file")
        }
        return state
    }
}

/// Checks and cuts of the files `--resume` reads.
enum FileState {
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The size of a regular file, or `nil` when there is none.
    static func regularSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Cuts a file written by the earlier run back to `length`.
    static func cut(_ path: String, to length: Int, what: String) throws(GleanError) {
        guard let size = regularSize(path) else {
            if length > 0 {
                throw GleanError(
                    .invalidArgument,
                    "--resume: the \(what) `\(path)` is missing, but the resume file says \(length) bytes were written to it")
            }
            return
        }
        if size < length {
            throw GleanError(
                .invalidArgument,
                "--resume: the \(what) `\(path)` is \(size) bytes, shorter than the \(length) the resume file says were written; it was changed since, so glean cannot tell what is done"
            )
        }
        if size > length, truncate(path, off_t(length)) != 0 {
            throw GleanError(.unwritableOutput, "--resume: cannot cut `\(path)` back: \(SystemError.lastMessage())")
        }
    }

    /// Cuts the file after its last newline.
    static func truncateUnfinishedLine(_ path: String) throws(GleanError) {
        guard exists(path) else { return }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GleanError(.unwritableOutput, "--resume: cannot open `\(path)`: \(SystemError.lastMessage())")
        }
        defer { close(descriptor) }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return }
        var position = size
        var found = false
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while position > 0 {
            let start = max(0, position - off_t(chunk))
            let length = Int(position - start)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, start) }
            guard count == length else { break }
            if let last = buffer[0..<length].lastIndex(of: 0x0A) {
                found = true
                position = start + off_t(last) + 1
                break
            }
            position = start
        }
        let keep = found ? position : 0
        if keep < size {
            guard ftruncate(descriptor, keep) == 0 else {
                throw GleanError(.unwritableOutput, "--resume: cannot cut the unfinished line off `\(path)`")
            }
        }
    }
}
