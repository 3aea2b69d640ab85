import ArgumentParser
import Foundation
import GleanCore
import GleanReport

/// `glean report`: a results file to one self-contained HTML page.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make a self-contained HTML report of a results file.",
        discussion: """
            The page shows where each country stands toward each bloc (a matrix linked to its \
            evidence), stance and tone over time when documents carry a date, tone by country, \
            languages, the most mentioned names and the run's accounting. It needs no network. \
            See docs/export-and-report.md.
            """
    )

    @Argument(help: "The results file (glean run output; .gz read too), or - for standard input.")
    var results: String

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write, or - for standard output.")
    var output: String = "report.html"

    @OptionGroup var reading: ResultsFileOptions

    @Option(help: "The run's input (JSON Lines), read for the text of the evidence sentences.")
    var texts: String?

    @Option(help: "The id field of the --texts input.")
    var textsIDField: String = "id"

    @Option(help: "The run's summary (glean run --summary json 2> FILE), for run time and throughput.")
    var runSummary: String?

    @Option(help: "The page's title.")
    var title: String = "Glean report"

    @Option(help: "Documents kept as evidence per matrix cell; the rest are counted.")
    var evidencePerCell: Int = 8

    @Option(help: "Countries shown as matrix rows, most pairs first.")
    var maxActors: Int = 40

    @Option(help: "Actor-bloc timelines drawn, most pairs first.")
    var maxTimelines: Int = 12

    func validate() throws {
        if evidencePerCell < 0 || maxActors < 1 || maxTimelines < 0 {
            throw ValidationError("--evidence-per-cell and --max-timelines must be 0 or more, --max-actors 1 or more")
        }
    }

    func run() async throws {
        var limits = ReportAggregate.Limits()
        limits.evidencePerCell = evidencePerCell
        let builder = ReportBuilder(
            results: results, fields: reading.fields, limits: limits,
            concurrency: reading.batchesAtOnce, texts: texts, textsIDField: textsIDField)
        var options = ReportOptions()
        options.title = title
        options.source = results == "-" ? "standard input" : (results as NSString).lastPathComponent
        options.generator = "glean \(GleanVersion.current)"
        options.dateField = reading.dateField
        options.maxActors = maxActors
        options.maxTimelines = maxTimelines
        do {
            if let runSummary { options.runSummary = try Self.readSummary(runSummary) }
            let aggregate = try await builder.build()
            let page = ReportPage.render(aggregate, options: options)
            let sink = try OutputSink(path: output)
            try sink.write(Array(page.utf8))
            if output != "-" {
                Terminal.standardError.write(
                    "glean: report of \(Format.count(aggregate.documents)) documents to \(output) "
                        + "(\(Format.megabytes(page.utf8.count)))\n")
            }
        } catch {
            Terminal.standardError.write("glean: error: \(error)\n")
            throw ExitCode.failure
        }
    }

    /// The last line of `path` that is a run summary object (so a whole standard-error log works).
    static func readSummary(_ path: String) throws(GleanError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.unreadableInput, "cannot read the run summary `\(path)`")
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").reversed() {
            if let value = try? JSONParser.parse(String(line)), value["elapsed_seconds"] != nil { return value }
        }
        throw GleanError(
            .unreadableInput, "`\(path)` holds no run summary: write one with `glean run … --summary json 2> \(path)`")
    }
}
