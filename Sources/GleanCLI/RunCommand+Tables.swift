import ArgumentParser
import GleanCore
import GleanReport

/// `glean run --table TABLE=FILE`: flat tables written from the run's output once it is complete.
extension RunCommand {
    /// One `--table` request: which table, to which file, in which format.
    struct TableRequest: ExpressibleByArgument {
        var table: FlatTable
        var path: String
        var format: TableFormat

        init?(argument: String) {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let table = FlatTable(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
            self.table = table
            self.path = parts[1]
            self.format = TableFormat(fileName: parts[1]) ?? .csv
        }
    }

    /// Checks the requests: they read the output file, so there must be one.
    func validateTables() throws {
        if !tables.isEmpty && output == "-" {
            throw ValidationError("--table reads the run's output again: give an output file (-o FILE)")
        }
    }

    /// Writes the requested tables from the output file.
    func writeTables() async throws(GleanError) {
        for request in tables {
            let export = TableExport(results: output, table: request.table, format: request.format, output: request.path)
            let written = try await export.run()
            Terminal.standardError.write(
                "glean: \(Format.count(written.rows)) \(request.table.rawValue) rows to \(request.path)\n")
        }
    }
}
