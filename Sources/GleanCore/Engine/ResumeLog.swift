/// The resume file a run writes beside its output: after each batch's output and error-file
/// lines are written, one line saying which input lines they cover and how long the output and
/// error file are now. `--resume` reads it (``ResumeState/load(resumePath:outputPath:errorPath:)``).
///
/// The first line is `{"glean_resume":1,…}`; each further line is
/// `{"done":[["a.jsonl",1,512],…],"output_end":N,"errors_end":M}` (`errors_end` only when the
/// error file is a regular file). Written from the writer thread only.
public final class ResumeLog {
    /// The format version, in the first line.
    public static let version = 1

    private let sink: OutputSink

    /// Opens the resume file at `path`: appends when `resuming` (after ``ResumeState/load`` cut
    /// it to whole lines), else starts it afresh with a first line naming the `pipeline` and
    /// `inputs`.
    public init(path: String, resuming: Bool, pipeline: String, inputs: [String]) throws(GleanError) {
        let fresh = !resuming || (FileState.regularSize(path) ?? 0) == 0
        sink = try OutputSink(path: path, mode: fresh ? .truncate : .append)
        if fresh {
            var header = JSONWriter()
            header.write([
                "glean_resume": .int(Self.version), "pipeline": .string(pipeline),
                "inputs": .array(inputs.map(JSONValue.string)),
            ])
            header.writeByte(0x0A)
            try sink.write(header.bytes)
        }
    }

    /// Records that `spans` are done, with the output and error file at these lengths.
    public func commit(_ spans: [InputSpan], outputEnd: Int?, errorsEnd: Int?) throws(GleanError) {
        guard !spans.isEmpty else { return }
        var writer = JSONWriter(capacity: 64 + spans.count * 48)
        writer.writeRaw(#"{"done":["#.utf8)
        for (index, span) in spans.enumerated() {
            if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
            writer.write([.string(span.input), .int(span.firstLine), .int(span.lastLine)])
        }
        writer.writeByte(UInt8(ascii: "]"))
        if let outputEnd { writer.writeRaw(#","output_end":\#(outputEnd)"#.utf8) }
        if let errorsEnd { writer.writeRaw(#","errors_end":\#(errorsEnd)"#.utf8) }
        writer.writeRaw("}\n".utf8)
        try sink.write(writer.bytes)
    }
}
