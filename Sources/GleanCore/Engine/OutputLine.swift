/// Writes one document's output line: `id`, the kept fields as they were in the input, one key
/// per stage in pipeline order (trimmed to the output detail), then `skipped` and `errors` when
/// there are any.
enum OutputLine {
    /// What a written line held, for the run's counts.
    struct Written {
        /// The stages (by index) that skipped the document, with their reasons.
        var skipped: [(stage: Int, reason: String)] = []
        /// How many stages failed.
        var failed = 0
        /// The stage whose value took the most bytes, and how many.
        var largest: (stage: Int, bytes: Int)?
    }

    /// Appends the line (with its newline).
    static func write(
        _ record: RecordDecoder.Decoded,
        index: Int,
        cells: [[StageCell]],
        stages: [ConfiguredStage],
        keep: [String],
        detail: OutputDetail = .full,
        storage: UnsafeRawBufferPointer,
        into writer: inout JSONWriter
    ) -> Written {
        var written = Written()
        writer.writeRaw(#"{"id":"#.utf8)
        writer.writeString(record.document.id)
        for (fieldIndex, name) in keep.enumerated() {
            writer.writeByte(UInt8(ascii: ","))
            writer.writeString(name)
            writer.writeByte(UInt8(ascii: ":"))
            if fieldIndex < record.keptRanges.count, let range = record.keptRanges[fieldIndex] {
                writer.writeRaw(UnsafeRawBufferPointer(rebasing: storage[range]))
            } else {
                writer.write(.null)
            }
        }
        var failed: [(String, GleanError.Code, String)] = []
        for (stageIndex, stage) in stages.enumerated() {
            writer.writeByte(UInt8(ascii: ","))
            writer.writeString(stage.id)
            writer.writeByte(UInt8(ascii: ":"))
            let before = writer.bytes.count
            switch cells[stageIndex][index] {
            case .output(let value):
                writer.write(detail == .full ? value : stage.descriptor.outputTrim.apply(value, detail: detail))
            case .serialized(let json):
                writer.write(stage.descriptor.outputTrim.apply(json, detail: detail))
            case .skipped(let reason):
                writer.write(.null)
                written.skipped.append((stageIndex, reason))
            case .failed(let code, let message):
                writer.write(.null)
                failed.append((stage.id, code, message))
            }
            let size = writer.bytes.count - before
            if size > (written.largest?.bytes ?? 0) { written.largest = (stageIndex, size) }
        }
        if !written.skipped.isEmpty {
            writer.writeRaw(#","skipped":{"#.utf8)
            for (position, entry) in written.skipped.enumerated() {
                if position > 0 { writer.writeByte(UInt8(ascii: ",")) }
                writer.writeString(stages[entry.stage].id)
                writer.writeByte(UInt8(ascii: ":"))
                writer.writeString(entry.reason)
            }
            writer.writeByte(UInt8(ascii: "}"))
        }
        if !failed.isEmpty {
            writer.writeRaw(#","errors":["#.utf8)
            for (position, entry) in failed.enumerated() {
                if position > 0 { writer.writeByte(UInt8(ascii: ",")) }
                writer.write(["stage": .string(entry.0), "code": .string(entry.1.rawValue), "message": .string(entry.2)])
            }
            writer.writeByte(UInt8(ascii: "]"))
        }
        writer.writeRaw("}\n".utf8)
        written.failed = failed.count
        return written
    }
}
