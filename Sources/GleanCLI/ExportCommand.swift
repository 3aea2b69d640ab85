import ArgumentParser
import GleanCore
import GleanReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `glean export`: a results file to a flat table (stance pairs, entity mentions or documents) as
/// CSV, Parquet or JSON Lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Turn a results file into a flat table: CSV, Parquet or JSON Lines.",
        discussion: """
            Tables: pairs (one row per actor-bloc stance pair), entities (one row per entity \
            mention), documents (one row per document). Columns and types: docs/export-and-report.md. \
            Parquet is written by pyarrow: a Python 3 with pyarrow from --python, $GLEAN_PYTHON or \
            python3 on the PATH.
            """
    )

    @Argument(help: "The results file (glean run output; .gz read too), or - for standard input.")
    var results: String?

    @Flag(help: "Print the table's columns (name, type, meaning) as tab-separated lines, and read nothing.")
    var listColumns = false

    @Option(help: "The table: pairs, entities, documents.")
    var table: FlatTable = .pairs

    @Option(help: "csv, parquet or jsonl (default: from the output file's extension, else csv).")
    var format: TableFormat?

    @Option(name: [.short, .customLong("output")], help: "The output file, or - for standard output.")
    var output: String = "-"

    @OptionGroup var reading: ResultsFileOptions

    @Option(help: "The Python 3 with pyarrow that writes Parquet (default: $GLEAN_PYTHON, else python3).")
    var python: String?

    func validate() throws {
        if results == nil && !listColumns { throw ValidationError("give the results file to export") }
        if (format ?? TableFormat(fileName: output)) == .parquet && output == "-" {
            throw ValidationError("Parquet is written to a file: give -o FILE.parquet")
        }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        guard let results, !listColumns else {
            for column in table.columns { print("\(column.name)\t\(column.type.rawValue)\t\(column.summary)") }
            return
        }
        let export = TableExport(
            results: results, table: table, format: format ?? TableFormat(fileName: output) ?? .csv, output: output,
            fields: reading.fields, python: python,
            concurrency: reading.batchesAtOnce)
        do {
            let summary = try await export.run()
            if output != "-" {
                Terminal.standardError.write(
                    "glean: \(Format.count(summary.rows)) \(table.rawValue) rows from \(Format.count(summary.documents)) documents to \(output)\n"
                )
            }
        } catch {
            Terminal.standardError.write("glean: error: \(error)\n")
            throw ExitCode.failure
        }
    }
}

extension FlatTable: ExpressibleByArgument {}
extension TableFormat: ExpressibleByArgument {}
