/// Reads a small JSON Lines file of glean's own (a resume file) value by value.
enum JSONLinesReader {
    /// Calls `body` with each line's value and line number; blank lines are passed over.
    ///
    /// - Throws: ``GleanError`` when the file cannot be read or a line is not JSON, and whatever
    ///   `body` throws.
    static func forEach(
        in path: String,
        _ body: (JSONValue, Int) throws(GleanError) -> Void
    ) throws(GleanError) {
        let source = LineRecordSource(source: try FileByteSource(path: path), inputName: path)
        var sequence = 0
        while let batch = try source.nextBatch(sequence: sequence, maxRecords: 4096, maxBytes: 4 << 20) {
            sequence += 1
            for record in batch.records {
                if let problem = record.problem { throw problem }
                let value: JSONValue
                do {
                    value = try batch.storage.withUnsafeBytes { storage throws(JSONSyntaxError) in
                        try JSONParser.parse(UnsafeRawBufferPointer(rebasing: storage[record.range]))
                    }
                } catch {
                    throw GleanError(.malformedJSON, "`\(path)`:\(record.origin.line) is not valid JSON: \(error)")
                }
                try body(value, record.origin.line)
            }
        }
    }
}
