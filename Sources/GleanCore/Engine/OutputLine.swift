/// Writes one document's output line: `id`, the kept fields as they were in the input, one key
/// per stage in pipeline order (trimmed to the output detail), then `skipped` and `errors` when
/// there are any.
enum OutputLine {
    /// Appends the line (with its newline); returns how many stages skipped and failed.
    static func write(
        _ record: RecordDecoder.Decoded,
        index: Int,
        cells: [[StageCell]],
        stages: [ConfiguredStage],
        keep: [String],
        detail: OutputDetail = .full,
        storage: UnsafeRawBufferPointer,
        into writer: inout JSONWriter
    ) -> (skipped: Int, failed: Int) {
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
        var skipped: [(String, String)] = []
        var failed: [(String, GleanError.Code, String)] = []
        for (stageIndex, stage) in stages.enumerated() {
            writer.writeByte(UInt8(ascii: ","))
            writer.writeString(stage.id)
            writer.writeByte(UInt8(ascii: ":"))
            switch cells[stageIndex][index] {
            case .output(let value):
                writer.write(detail == .full ? value : stage.descriptor.outputTrim.apply(value, detail: detail))
            case .skipped(let reason):
                writer.write(.null)
                skipped.append((stage.id, reason))
            case .failed(let code, let message):
                writer.write(.null)
                failed.append((stage.id, code, message))
            }
        }
        if !skipped.isEmpty {
            writer.writeRaw(#","skipped":{"#.utf8)
            for (position, entry) in skipped.enumerated() {
                if position > 0 { writer.writeByte(UInt8(ascii: ",")) }
                writer.writeString(entry.0)
                writer.writeByte(UInt8(ascii: ":"))
                writer.writeString(entry.1)
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
        return (skipped.count, failed.count)
    }
}
