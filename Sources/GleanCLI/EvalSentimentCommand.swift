import ArgumentParser
import Foundation
import GleanCore
import GleanEvaluation
import GleanStages

/// `glean eval sentiment`: the sentiment stage on VADER's four human-rated sets.
struct EvalSentimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Correlation and three-class F1 of the sentiment stage on VADER's human-rated sets, beside the paper.",
        discussion: """
            Reads the four *_GroundTruth.txt sets (id, mean human rating −4…4, text). For each: \
            Pearson's r between the compound score and the mean rating, and three-class F1 (gold: \
            the sign of the mean rating; predicted: compound ≥ 0.05 positive, ≤ −0.05 negative, \
            else neutral; averaged over the classes weighted by their size), beside the paper's \
            figures and vaderSentiment 3.3.2's. Also prints texts per second on one core.
            """
    )

    @Option(help: "The folder holding the *_GroundTruth.txt files.")
    var data: String = "../shared/data/sentiment/ground-truth"

    @Option(help: "Write each text's scores as JSON Lines (set, id, compound, neg, neu, pos) to this file.")
    var scores: String?

    @Option(help: "Compare with reference scores (JSON Lines with set, id, compound), e.g. from scripts/vader-reference.sh.")
    var reference: String?

    @Flag(help: "Exit 1 when a set's correlation or F1 falls more than 0.01 below vaderSentiment 3.3.2's.")
    var gate = false

    /// A human-rated set and what the paper and vaderSentiment 3.3.2 score on it.
    struct RatedSet {
        var name: String
        var file: String
        var paperCorrelation: Double
        var referenceCorrelation: Double
        var referenceF1: Double
    }

    static let sets = [
        RatedSet(
            name: "tweets", file: "tweets_GroundTruth.txt", paperCorrelation: 0.881, referenceCorrelation: 0.872,
            referenceF1: 0.948),
        RatedSet(
            name: "movie", file: "movieReviewSnippets_GroundTruth.txt", paperCorrelation: 0.451, referenceCorrelation: 0.427,
            referenceF1: 0.590),
        RatedSet(
            name: "amazon", file: "amazonReviewSnippets_GroundTruth.txt", paperCorrelation: 0.565, referenceCorrelation: 0.590,
            referenceF1: 0.626),
        RatedSet(
            name: "nyt", file: "nytEditorialSnippets_GroundTruth.txt", paperCorrelation: 0.492, referenceCorrelation: 0.503,
            referenceF1: 0.549),
    ]

    struct Item {
        var set: String
        var id: String
        var rating: Double
        var text: String
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: data) else {
            Terminal.standardError.write("glean eval sentiment: no data at `\(data)` (give --data); nothing evaluated\n")
            throw ExitCode.failure
        }
        let analyzer = try VADERAnalyzer.shipped
        var report = "set      texts   r (ours)  r (paper)  r (3.3.2)   F1 (ours)  F1 (3.3.2)\n"
        var allItems: [Item] = []
        var allScores: [SentimentScores] = []
        var failedGate: [String] = []
        for set in Self.sets {
            let items = try Self.read(set, folder: data)
            let scored = items.map { analyzer.scores($0.text) }
            let correlation = Metrics.pearson(scored.map(\.compound), items.map(\.rating))
            let gold = items.map { $0.rating > 0 ? 1 : ($0.rating < 0 ? -1 : 0) }
            let predicted = scored.map { $0.compound >= 0.05 ? 1 : ($0.compound <= -0.05 ? -1 : 0) }
            let f1 = Metrics.weightedF1(gold: gold, predicted: predicted).f1
            report +=
                set.name.padding(toLength: 7, withPad: " ", startingAt: 0)
                + String(
                    format: " %6d   %7.3f   %7.3f    %7.3f     %7.3f    %7.3f\n", items.count, correlation, set.paperCorrelation,
                    set.referenceCorrelation, f1, set.referenceF1)
            if correlation < set.referenceCorrelation - 0.01 || f1 < set.referenceF1 - 0.01 {
                failedGate.append(set.name)
            }
            allItems += items
            allScores += scored
        }
        Terminal.standardOutput.write(report)
        Terminal.standardOutput.write(Self.speed(analyzer, texts: allItems.map(\.text)))
        if let scores { try Self.write(allItems, allScores, to: scores) }
        if let reference { Terminal.standardOutput.write(try Self.compare(allItems, allScores, reference: reference)) }
        if gate && !failedGate.isEmpty {
            Terminal.standardError.write("glean eval sentiment: below the floor on \(failedGate.joined(separator: ", "))\n")
            throw ExitCode.failure
        }
    }

    static func read(_ set: RatedSet, folder: String) throws -> [Item] {
        let path = folder + "/" + set.file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.unreadableInput, "cannot read `\(path)`")
        }
        var items: [Item] = []
        for rawLine in data.split(separator: 0x0A) {
            let bytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            let fields = bytes.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let rating = Double(String(decoding: fields[1], as: UTF8.self)) else { continue }
            items.append(
                Item(
                    set: set.name, id: String(decoding: fields[0], as: UTF8.self), rating: rating,
                    text: String(decoding: fields[2], as: UTF8.self)))
        }
        return items
    }

    /// Texts per second on one core, best of three passes over all texts.
    static func speed(_ analyzer: VADERAnalyzer, texts: [String]) -> String {
        let clock = ContinuousClock()
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<3 {
            let start = clock.now
            for text in texts { checksum += analyzer.scores(text).compound }
            best = min(best, (clock.now - start).seconds)
        }
        return String(
            format: "speed: %d texts in %.3f s on one core: %.0f texts/s (checksum %.4f)\n", texts.count, best,
            Double(texts.count) / best, checksum / 3)
    }

    static func write(_ items: [Item], _ scores: [SentimentScores], to path: String) throws {
        var writer = JSONWriter(capacity: 1 << 20)
        for (item, score) in zip(items, scores) {
            writer.write([
                "set": .string(item.set), "id": .string(item.id), "compound": .double(score.compound),
                "neg": .double(score.negative), "neu": .double(score.neutral), "pos": .double(score.positive),
            ])
            writer.writeByte(0x0A)
        }
        try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Agreement with reference scores: the share within 1e-4, and every difference listed.
    static func compare(_ items: [Item], _ scores: [SentimentScores], reference path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.unreadableInput, "cannot read the reference scores `\(path)`")
        }
        var expected: [String: Double] = [:]
        for line in data.split(separator: 0x0A) {
            guard let value = try? JSONParser.parse(Array(line)), let set = value["set"]?.stringValue,
                let id = value["id"]?.stringValue, let compound = value["compound"]?.doubleValue
            else { continue }
            expected[set + "/" + id] = compound
        }
        var matched = 0
        var compared = 0
        var differences: [String] = []
        for (item, score) in zip(items, scores) {
            guard let reference = expected[item.set + "/" + item.id] else { continue }
            compared += 1
            if abs(reference - score.compound) <= 1e-4 + 1e-12 {
                matched += 1
            } else {
                differences.append(
                    String(
                        format: "  %@/%@: ours %.4f, reference %.4f: ", item.set as NSString, item.id as NSString, score.compound,
                        reference)
                        + String(item.text.prefix(160)))
            }
        }
        var text = String(
            format: "faithfulness: %d of %d texts (%.3f%%) within 1e-4 of the reference compound\n", matched, compared,
            compared == 0 ? 0 : 100 * Double(matched) / Double(compared))
        text += differences.joined(separator: "\n") + (differences.isEmpty ? "" : "\n")
        return text
    }
}
