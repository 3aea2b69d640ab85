import GleanCore

/// The end-of-run summary on standard error: for people, or as one JSON object.
enum SummaryReport {
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
                + "(\(Format.count(Int(Double(summary.documents) / seconds))) docs/s, "
                + "\(Format.decimal(Double(summary.bytesRead) / seconds / 1_000_000, places: 1)) MB/s)")
        var accounting: [String] = ["\(Format.count(summary.records)) input records"]
        if summary.documentsWithErrors > 0 {
            accounting.append("\(Format.count(summary.documentsWithErrors)) documents with errors")
        }
        if summary.failedRecords > 0 { accounting.append("\(Format.count(summary.failedRecords)) unreadable records") }
        if summary.skippedResults > 0 { accounting.append("\(Format.count(summary.skippedResults)) skipped stage results") }
        if summary.otherShards > 0 { accounting.append("\(Format.count(summary.otherShards)) left to other shards") }
        if summary.alreadyDone > 0 { accounting.append("\(Format.count(summary.alreadyDone)) already in the output") }
        lines.append("  " + accounting.joined(separator: ", "))
        if summary.errors > 0 {
            lines.append("  failures are listed in " + (errorFile.map { "`\($0)`" } ?? "the error lines above"))
        }
        for stage in summary.stageTimes {
            lines.append("  stage \(stage.id): \(Format.decimal(stage.duration.seconds, places: 2)) s")
        }
        lines.append("  peak memory: \(Format.megabytes(PeakMemory.bytes))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as one JSON object.
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
        ]
    }
}
