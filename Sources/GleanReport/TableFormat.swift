/// The file formats `glean export` writes.
public enum TableFormat: String, Sendable, CaseIterable {
    /// Comma-separated values (RFC 4180), a header row, nulls as empty fields.
    case csv
    /// Apache Parquet, written by pyarrow (see ``ParquetWriter``).
    case parquet
    /// JSON Lines: one object per row, the columns as keys, nulls as `null`.
    case jsonl

    /// The format a file name's extension names, if any.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".parquet") || lowered.hasSuffix(".pq") {
            self = .parquet
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonl
        } else {
            return nil
        }
    }
}
