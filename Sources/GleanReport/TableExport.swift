import GleanCore

/// `glean export`: a results file to one flat table, as CSV, JSON Lines or Parquet, streaming.
public struct TableExport: Sendable {
    /// The results file (`glean run` output).
    public var results: String
    /// Which table.
    public var table: FlatTable
    /// Which format.
    public var format: TableFormat
    /// The output file (`-` for standard output; not for Parquet).
    public var output: String
    /// The names of the date and text fields.
    public var fields: ResultFields
    /// The Python with pyarrow, for Parquet (else `$GLEAN_PYTHON`, else `python3`).
    public var python: String?
    /// Batches read and flattened at once.
    public var concurrency: Int

    /// Creates an export.
    public init(
        results: String, table: FlatTable, format: TableFormat, output: String, fields: ResultFields = ResultFields(),
        python: String? = nil, concurrency: Int = EngineOptions.defaultConcurrency
    ) {
        self.results = results
        self.table = table
        self.format = format
        self.output = output
        self.fields = fields
        self.python = python
        self.concurrency = concurrency
    }

    /// What an export wrote.
    public struct Summary: Sendable {
        /// Results lines read.
        public var documents = 0
        /// Rows written.
        public var rows = 0
    }

    /// Runs the export.
    public func run() async throws(GleanError) -> Summary {
        let encoder: any RowEncoder = format == .csv ? CSVRowEncoder() : JSONLinesRowEncoder()
        let table = self.table
        let fields = self.fields
        let columns = table.columns
        var summary = Summary()
        let destination: Destination
        if format == .parquet {
            if output == "-" {
                throw GleanError(.invalidArgument, "Parquet is written to a file: give -o FILE.parquet")
            }
            destination = .parquet(try ParquetWriter(path: output, table: table, python: python))
        } else {
            let sink = try OutputSink(path: output)
            let header = try encoder.header(columns)
            if !header.isEmpty { try sink.write(header) }
            destination = .sink(sink)
        }
        let reader = ResultsReader(path: results, concurrency: concurrency)
        try await reader.run { (batch: RecordBatch) throws(GleanError) -> Flattened in
            var rows: [[FlatValue]] = []
            var documents = 0
            try batch.forEachLine { (line, origin) throws(GleanError) in
                let document = try ResultDocument(line: line, origin: origin, fields: fields, parts: table.parts)
                rows.append(contentsOf: table.rows(for: document))
                documents += 1
            }
            return Flattened(bytes: try encoder.encode(rows, columns: columns), rows: rows.count, documents: documents)
        } consume: { (flattened: Flattened) throws(GleanError) in
            summary.documents += flattened.documents
            summary.rows += flattened.rows
            switch destination {
            case .sink(let sink): try sink.write(flattened.bytes)
            case .parquet(let writer): try writer.write(jsonLines: flattened.bytes, rows: flattened.rows)
            }
        }
        if case .parquet(let writer) = destination { try writer.finish() }
        return summary
    }

    private enum Destination {
        case sink(OutputSink)
        case parquet(ParquetWriter)
    }

    private struct Flattened: Sendable {
        var bytes: [UInt8]
        var rows: Int
        var documents: Int
    }
}
