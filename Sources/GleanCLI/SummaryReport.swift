import GleanCore

/// The end-of-run summary on standard error: for people, or as one JSON object.
enum SummaryReport {
    /// The most skip reasons and inputs listed in the text summary (JSON lists them all).
    static let textListLimit = 12

    /// The summary in lines for a person.
    static func text(_ summary: RunSummary, errorFile: String?) -> String {
        let seconds = max(summary.elapsed.seconds, 0.000_001)
        var lines: [String] = []
        let verb: String
        switch summary.ending {
        case .completed: verb = "done"
        case .interrupted: verb = "interrupted"
        case .tooManyErrors: verb = "stopped (too many errors)"
        }
        lines.append(
            "glean: \(verb): \(Format.count(summary.documents)) documents in \(Format.decimal(seconds, places: 2)) s "
                + "(\(Format.rate(Double(summary.documents) / seconds)) docs/s, "
                + "\(Format.rate(Double(summary.bytesProcessed) / seconds / 1_000_000)) MB/s)")
        var accounting: [String] = ["\(Format.count(summary.records)) input records"]
        if summary.documentsWithErrors > 0 {
            accounting.append("\(Format.count(summary.documentsWithErrors)) documents with errors")
        }
        if summary.failedRecords > 0 { accounting.append("\(Format.count(summary.failedRecords)) unreadable records") }
        if summary.oversizeOutputs > 0 {
            accounting.append("\(Format.count(summary.oversizeOutputs)) documents whose output was too large")
        }
        if summary.skippedResults > 0 { accounting.append("\(Format.count(summary.skippedResults)) skipped stage results") }
        if summary.otherShards > 0 { accounting.append("\(Format.count(summary.otherShards)) left to other shards") }
        if summary.alreadyDone > 0 { accounting.append("\(Format.count(summary.alreadyDone)) already in the output") }
        if summary.duplicateIDs > 0 {
            var text = "\(Format.count(summary.duplicateIDs)) duplicate id" + (summary.duplicateIDs == 1 ? "" : "s")
            if let first = summary.firstDuplicate { text += " (first `\(first.id)` at \(first.origin))" }
            accounting.append(text)
        }
        lines.append("  " + accounting.joined(separator: ", "))
        for skip in summary.skips.prefix(textListLimit) {
            lines.append("  skipped by \(skip.stage): \(skip.reason) ×\(Format.count(skip.count))")
        }
        if summary.skips.count > textListLimit {
            lines.append("  … and \(summary.skips.count - textListLimit) more skip reasons (--summary json lists them all)")
        }
        if summary.errors > 0 {
            lines.append("  failures are listed in " + (errorFile.map { "`\($0)`" } ?? "the error lines above"))
        }
        if summary.inputs.count > 1 {
            let listed = summary.inputs.prefix(textListLimit).map { "\($0.path) (\(Format.count($0.records)))" }
            let more = summary.inputs.count > textListLimit ? ", … \(summary.inputs.count - textListLimit) more" : ""
            lines.append("  \(summary.inputs.count) inputs, records each: " + listed.joined(separator: ", ") + more)
        }
        for stage in summary.stageTimes {
            lines.append("  stage \(stage.id): \(Format.decimal(stage.duration.seconds, places: 2)) s")
        }
        lines.append("  peak memory: \(Format.megabytes(PeakMemory.bytes))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as one JSON object.
    ///
    /// Keys are only ever added, never renamed: `glean summary merge` and scripts read them.
    static func json(_ summary: RunSummary) -> JSONValue {
        [
            "ending": .string(summary.ending.rawValue),
            "records": .int(summary.records),
            "documents": .int(summary.documents),
            "documents_with_errors": .int(summary.documentsWithErrors),
            "failed_records": .int(summary.failedRecords),
            "skipped_results": .int(summary.skippedResults),
            "other_shards": .int(summary.otherShards),
            "already_done": .int(summary.alreadyDone),
            "bytes_read": .int(summary.bytesRead),
            "bytes_written": .int(summary.bytesWritten),
            "elapsed_seconds": .double(summary.elapsed.seconds),
            "peak_rss_bytes": .int(PeakMemory.bytes),
            "stages": .array(
                summary.stageTimes.map { ["id": .string($0.id), "seconds": .double($0.duration.seconds)] }),
            "duplicate_ids": .int(summary.duplicateIDs),
            "duplicate_ids_counted": .bool(summary.countsDuplicateIDs),
            "first_duplicate_id": summary.firstDuplicate.map {
                ["id": .string($0.id), "input": .string($0.origin.input), "line": .int($0.origin.line)]
            } ?? .null,
            "skips": .array(
                summary.skips.map { ["stage": .string($0.stage), "reason": .string($0.reason), "count": .int($0.count)] }),
            "inputs": .array(
                summary.inputs.map { ["path": .string($0.path), "records": .int($0.records), "bytes_read": .int($0.bytesRead)] }),
            "bytes_processed": .int(summary.bytesProcessed),
            "oversize_outputs": .int(summary.oversizeOutputs),
        ]
    }
}
