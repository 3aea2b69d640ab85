import ArgumentParser
import Foundation
import GleanCore
import GleanStages

/// `glean eval language`: the language stage on the lingua test sets, beside lingua and CLD3.
struct EvalLanguageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Accuracy of the language stage on single words, word pairs and sentences in 75 languages, beside lingua.",
        discussion: """
            Reads testdata/<code>/{single-words,word-pairs,sentences}.txt (1000 lines each) and \
            counts a line right when the detector's best language is the file's. Prints each \
            language's accuracy beside the figures lingua published for its high-accuracy mode \
            and for CLD3 (published-accuracy/lingua-go-aggregated-accuracy-values.csv), the means \
            over all languages, the load time of the model, sentences per second on one core and \
            peak memory.
            """
    )

    @Option(help: "The langid data folder (holding testdata/ and published-accuracy/).")
    var data: String = "../shared/data/langid"

    @Option(help: "Exit 1 when the mean of the three accuracies is below this percentage.")
    var gate: Double?

    @Option(help: "Read at most this many lines of each file (quick checks).")
    var limit: Int?

    @Option(help: "Only these languages (comma-separated ISO 639-1 codes).")
    var languages: String?

    @Option(help: "Print up to this many misidentified lines per file.")
    var showErrors = 0

    @Option(help: .hidden) var weights: String?
    @Option(help: .hidden) var backoff: Float?
    @Option(help: .hidden) var temperature: Float?
    @Option(help: .hidden) var nonLatin: Double?
    @Option(help: .hidden) var unseen: Float?
    @Option(help: .hidden) var margin: Float?
    @Option(help: .hidden) var names: Float?
    @Option(help: .hidden) var longWeights: String?
    @Option(help: .hidden) var longBackoff: Float?
    @Option(help: .hidden) var long: Int?

    static let kinds = ["single-words", "word-pairs", "sentences"]

    func run() async throws {
        let testdata = data + "/testdata"
        guard FileManager.default.fileExists(atPath: testdata) else {
            Terminal.standardError.write("glean eval language: no test data at `\(testdata)` (give --data); nothing evaluated\n")
            throw ExitCode.failure
        }
        let clock = ContinuousClock()
        let loadStart = clock.now
        let model = try LanguageModel.shipped
        let loadSeconds = (clock.now - loadStart).seconds
        let detector = LanguageDetector(model: model, scoring: try scoring())
        let published = Self.published(data + "/published-accuracy/lingua-go-aggregated-accuracy-values.csv")
        let selected = languages.map { Set($0.split(separator: ",").map(String.init)) }

        var report = "language       words  pairs  sents   mean | lingua-high: words  pairs  sents   mean | cld3 mean\n"
        var sums = [Double](repeating: 0, count: 4)
        var linguaSums = [Double](repeating: 0, count: 4)
        var evaluated = 0
        var sentences: [String] = []
        for language in Language.all where selected?.contains(language.code) ?? true {
            var accuracy: [Double] = []
            for kind in Self.kinds {
                let lines = try Self.lines(testdata + "/\(language.code)/\(kind).txt", limit: limit)
                if kind == "sentences" { sentences += lines }
                var right = 0
                var shown = 0
                for line in lines {
                    let found = detector.detect(line).best?.language
                    if found == language {
                        right += 1
                    } else if shown < showErrors {
                        shown += 1
                        report += "  \(language.code) \(kind): \(found?.code ?? "none"): \(line)\n"
                    }
                }
                accuracy.append(lines.isEmpty ? 0 : 100 * Double(right) / Double(lines.count))
            }
            accuracy.append(accuracy.reduce(0, +) / 3)
            let lingua = published[language.name]
            for index in 0..<4 {
                sums[index] += accuracy[index]
                linguaSums[index] += lingua?.high[index] ?? .nan
            }
            evaluated += 1
            report += language.name.padding(toLength: 13, withPad: " ", startingAt: 0) + Self.row(accuracy)
            report += " |             " + Self.row(lingua?.high ?? [.nan, .nan, .nan, .nan])
            report += " |  " + String(format: "%5.1f", lingua?.cld3Mean ?? .nan) + "\n"
        }
        guard evaluated > 0 else { throw ValidationError("no language selected") }
        let means = sums.map { $0 / Double(evaluated) }
        report += "MEAN (\(evaluated))".padding(toLength: 13, withPad: " ", startingAt: 0) + Self.row(means)
        report += " |             " + Self.row(linguaSums.map { $0 / Double(evaluated) }) + " |\n"
        Terminal.standardOutput.write(report)

        var best = Double.infinity
        var checksum = 0
        for _ in 0..<3 {
            let start = clock.now
            for sentence in sentences { checksum &+= detector.detect(sentence).letters }
            best = min(best, (clock.now - start).seconds)
        }
        Terminal.standardOutput.write(
            String(
                format: "model loaded in %.3f s; speed: %d sentences in %.3f s on one core: %.0f sentences/s; peak memory %@\n",
                loadSeconds, sentences.count, best, Double(sentences.count) / best,
                Format.megabytes(PeakMemory.bytes)))
        if let gate, means[3] < gate {
            Terminal.standardError.write(
                String(format: "glean eval language: mean accuracy %.2f%% is below the floor %.2f%%\n", means[3], gate))
            throw ExitCode.failure
        }
    }

    private func scoring() throws -> LanguageScoring {
        var scoring = LanguageScoring()
        if let weights {
            let values = weights.split(separator: ",").compactMap { Float(String($0)) }
            guard values.count == 5 else { throw ValidationError("--weights needs five numbers") }
            scoring.orderWeights = values
        }
        if let backoff { scoring.backoffPenalty = backoff }
        if let temperature { scoring.temperature = temperature }
        if let nonLatin { scoring.nonLatinPriority = nonLatin }
        if let unseen { scoring.unseenLetter = unseen }
        if let margin { scoring.earlyStopMargin = margin }
        if let names { scoring.nameWeight = names }
        if let long { scoring.longText = long }
        if let longBackoff { scoring.longTextBackoffPenalty = longBackoff }
        if let longWeights {
            let values = longWeights.split(separator: ",").compactMap { Float(String($0)) }
            guard values.count == 5 else { throw ValidationError("--long-weights needs five numbers") }
            scoring.longTextOrderWeights = values
        }
        return scoring
    }

    static func row(_ values: [Double]) -> String {
        values.map { String(format: "%6.1f", $0) }.joined(separator: " ")
    }

    static func lines(_ path: String, limit: Int?) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.unreadableInput, "cannot read `\(path)`")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return limit.map { Array(lines.prefix($0)) } ?? lines
    }

    /// lingua high-accuracy [words, pairs, sentences, mean] and CLD3's mean, by language name.
    static func published(_ path: String) -> [String: (high: [Double], cld3Mean: Double)] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        guard let header = rows.first else { return [:] }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let words = column("single-words-lingua-high"), let pairs = column("word-pairs-lingua-high"),
            let sentences = column("sentences-lingua-high"), let mean = column("average-lingua-high"),
            let cld3 = column("average-cld3")
        else { return [:] }
        var result: [String: (high: [Double], cld3Mean: Double)] = [:]
        for row in rows.dropFirst() where row.count == header.count {
            let value = { (index: Int) in Double(row[index]) ?? .nan }
            result[row[0]] = ([value(words), value(pairs), value(sentences), value(mean)], value(cld3))
        }
        return result
    }
}
