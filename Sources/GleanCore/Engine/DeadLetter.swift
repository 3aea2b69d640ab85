import OrderedCollections

/// Entries of the error file ("dead letters"): one JSON line per input record that could not
/// be read and per stage that failed on a document, each with its provenance.
enum DeadLetter {
    /// The most bytes of a failed line copied into its entry.
    static let excerptBytes = 1000

    static func writeRecordFailure(
        _ error: GleanError,
        origin: DocumentOrigin,
        raw: UnsafeRawBufferPointer,
        into writer: inout JSONWriter
    ) {
        var entry: JSONValue = [
            "input": .string(origin.input),
            "line": .int(origin.line),
            "code": .string(error.code.rawValue),
            "message": .string(error.message),
        ]
        if !raw.isEmpty {
            let excerpt = UnsafeRawBufferPointer(rebasing: raw.prefix(excerptBytes))
            entry["excerpt"] = .string(String(decoding: excerpt, as: UTF8.self))
        }
        writer.write(entry)
        writer.writeByte(0x0A)
    }

    /// An entry for a document: one `stage` failed on it, or, without a stage, the document as
    /// a whole was not written (its line was too large).
    static func writeDocumentFailure(
        document: Document,
        stage: ConfiguredStage? = nil,
        code: GleanError.Code,
        message: String,
        into writer: inout JSONWriter
    ) {
        var entry: JSONValue = [
            "input": .string(document.origin.input), "line": .int(document.origin.line), "id": .string(document.id),
        ]
        if let stage {
            entry["stage"] = .string(stage.id)
            entry["uses"] = .string(stage.descriptor.name)
            entry["stage_version"] = .string(stage.descriptor.version)
        }
        entry["code"] = .string(code.rawValue)
        entry["message"] = .string(message)
        writer.write(entry)
        writer.writeByte(0x0A)
    }
}
