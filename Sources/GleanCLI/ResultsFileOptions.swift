import ArgumentParser
import GleanCore
import GleanReport

/// The options `glean export` and `glean report` share for reading a results file.
struct ResultsFileOptions: ParsableArguments {
    @Option(help: "The input field holding each document's date.")
    var dateField: String = "published"

    @Option(help: "The field holding the text: kept in the results, or in the --texts input.")
    var textField: String = "text"

    @Option(help: "Batches read at once (default: twice the number of cores available).")
    var concurrency: Int?

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
    }

    /// The field names.
    var fields: ResultFields { ResultFields(date: dateField, text: textField) }

    /// The concurrency, or the default.
    var batchesAtOnce: Int { concurrency ?? EngineOptions.defaultConcurrency }
}
