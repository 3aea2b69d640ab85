import Foundation
import GleanCore

/// Writes a flat table as Apache Parquet through pyarrow, the Apache Arrow project's Python
/// library, in a child Python process.
///
/// No Swift Parquet library exists, and Debian 12 packages neither Arrow's C++ nor its GLib
/// libraries; pyarrow is the reference implementation, so Glean streams the rows to it as JSON
/// Lines and it writes the file (zstd-compressed, in row groups, flat memory) with the columns'
/// types fixed by ``FlatTable``. The Python is `python` if given, else `$GLEAN_PYTHON`, else
/// `python3` on the `PATH`.
///
/// Writing to the child's pipe: the caller must ignore `SIGPIPE` (the `glean` commands do) so a
/// child that dies is reported as an error instead of ending the process.
public final class ParquetWriter {
    /// The pyarrow release the docs and tests name; older releases from 19 on work too.
    public static let pinnedPyarrow = "26.0.1"

    private let process: Process
    private let input: FileHandle
    private let errorLog: URL
    private let path: String
    /// Rows written so far.
    public private(set) var rows = 0

    /// Starts the writer of `table` to `path`.
    ///
    /// - Throws: ``GleanError`` (`parquet_unavailable`) when no Python with pyarrow is found,
    ///   with the commands that install one.
    public init(path: String, table: FlatTable, python: String? = nil) throws(GleanError) {
        let interpreter = try Self.findPython(python)
        self.path = path
        errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("glean-parquet-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", Self.script, JSONWriter.string(Self.schema(table)), path]
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        do {
            process.standardError = try FileHandle(forWritingTo: errorLog)
            try process.run()
        } catch {
            throw GleanError(.parquetUnavailable, "could not start \(interpreter) to write Parquet: \(error)")
        }
        input = pipe.fileHandleForWriting
    }

    deinit {
        try? FileManager.default.removeItem(at: errorLog)
    }

    /// Sends rows, already encoded by ``JSONLinesRowEncoder``.
    public func write(jsonLines bytes: [UInt8], rows count: Int) throws(GleanError) {
        guard !bytes.isEmpty else { return }
        do {
            try input.write(contentsOf: bytes)
            rows += count
        } catch {
            throw failure("the Parquet writer stopped reading")
        }
    }

    /// Ends the input and waits for the file to be written.
    public func finish() throws(GleanError) {
        try? input.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw failure("pyarrow could not write \(path)") }
    }

    private func failure(_ what: String) -> GleanError {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        let lastLines = log.split(separator: "\n").suffix(3).joined(separator: "\n")
        return GleanError(.unwritableOutput, "\(what) (exit status \(process.terminationStatus)): \(lastLines)")
    }

    /// The Arrow schema of `table`, as the script reads it: `[[name, type, description], …]`.
    static func schema(_ table: FlatTable) -> JSONValue {
        .array(
            table.columns.map { column in
                .array([.string(column.name), .string(column.type.rawValue), .string(column.summary)])
            })
    }

    /// Finds a Python that imports pyarrow.
    public static func findPython(_ explicit: String?) throws(GleanError) -> String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [explicit, environment["GLEAN_PYTHON"], "python3"].compactMap { $0 }.filter { !$0.isEmpty }
        let chosen = candidates[0]
        let resolved = chosen.contains("/") ? chosen : searchPath(chosen, in: environment["PATH"] ?? "/usr/bin:/bin")
        guard let resolved, hasPyarrow(resolved) else {
            throw GleanError(
                .parquetUnavailable,
                """
                writing Parquet needs Python 3 with pyarrow (\(resolved ?? chosen) has none). Install it once:
                  python3 -m venv ~/.glean/venv && ~/.glean/venv/bin/pip install pyarrow==\(pinnedPyarrow)
                then run with GLEAN_PYTHON=~/.glean/venv/bin/python (or --python PATH); \
                or export --format csv or jsonl, which need nothing
                """)
        }
        return resolved
    }

    private static func searchPath(_ name: String, in path: String) -> String? {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private static func hasPyarrow(_ python: String) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import pyarrow.json, pyarrow.parquet"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// The Python program: JSON Lines on standard input to a Parquet file, with an explicit
    /// schema, batch by batch (pyarrow's streaming JSON reader), zstd-compressed.
    static let script = """
        import json, sys
        import pyarrow as pa, pyarrow.json as pj, pyarrow.parquet as pq
        types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}
        columns = json.loads(sys.argv[1])
        schema = pa.schema([pa.field(n, types[t], nullable=True, metadata={"description": d}) for n, t, d in columns],
                           metadata={"created_by": "glean export"})
        stream = sys.stdin.buffer
        with pq.ParquetWriter(sys.argv[2], schema, compression="zstd") as writer:
            if stream.peek(1):
                reader = pj.open_json(stream, read_options=pj.ReadOptions(block_size=16 << 20),
                                      parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error"))
                for batch in reader:
                    writer.write_batch(batch)
        """
}

extension GleanError.Code {
    /// Parquet was asked for but no Python with pyarrow was found.
    public static let parquetUnavailable = GleanError.Code("parquet_unavailable")
}
