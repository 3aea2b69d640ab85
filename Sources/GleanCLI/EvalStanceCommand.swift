import ArgumentParser
import Foundation
import GleanCore
import GleanEvaluation
import GleanStages

/// `glean eval stance`: pair detection and per-stance F1 of the alignment-stance stage on a
/// labelled development set.
struct EvalStanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance",
        abstract: "Pair detection, stance accuracy and per-stance F1 of the alignment-stance stage on labelled passages.",
        discussion: """
            Runs the entities recogniser and the stance analyzer (built-in cues, default blocs, \
            min_confidence 0.3 as the stage does) over each passage and scores the pairs as \
            ../shared/stance-labels.md says: matched on actor and bloc; strict counts the primary \
            label, lenient also an acceptable second label.
            """
    )

    @Option(help: "The labelled passages (JSON Lines).")
    var data: String = "Evaluation/alignment-stance/dev.jsonl"

    @Option(help: "Exit 1 when the strict macro F1 (percent) is below this.")
    var gate: Double?

    @Option(help: "Leave out pairs below this confidence.")
    var minConfidence: Double = 0.3

    @Flag(help: "Print each passage whose pairs differ from the labels.")
    var showErrors = false

    func run() async throws {
        guard let bytes = FileManager.default.contents(atPath: data) else {
            Terminal.standardError.write("glean eval stance: no data at `\(data)` (give --data); nothing evaluated\n")
            throw ExitCode.failure
        }
        let passages = try LabelledPassage.read(jsonLines: String(decoding: bytes, as: UTF8.self), source: data)
        let recognizer = try EntityRecognizer.shipped
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer)
        let evaluation = StanceEvaluation(
            passages: passages, recognizer: recognizer, analyzer: analyzer, minConfidence: minConfidence)
        let score = evaluation.score
        if showErrors {
            for mismatch in evaluation.mismatches {
                let passage = mismatch.passage
                let want = Set(passage.pairs.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" })
                Terminal.standardOutput.write(
                    "\(passage.id): \(passage.text)\n  labelled: \(want.sorted().joined(separator: " "))\n  found:    "
                        + mismatch.found.map {
                            "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)(\(Format.decimal($0.confidence, places: 2)))"
                        }
                        .joined(separator: " ") + "\n")
            }
        }
        var report =
            "\(passages.count) passages, \(score.labelled) labelled pairs, \(score.found) found, \(score.matched) matched\n"
        let pairs = score.pairs
        report += String(format: "pairs: P %.1f  R %.1f  F1 %.1f\n", 100 * pairs.precision, 100 * pairs.recall, 100 * pairs.f1)
        report += String(
            format: "stance on matched pairs: strict %.1f %%, lenient %.1f %%\n", 100 * score.strictAccuracy,
            100 * score.lenientAccuracy)
        report += "stance       strict P     R    F1 | lenient P     R    F1\n"
        for stance in Stance.allCases {
            let strict = score.perStance(stance)
            let lenient = score.perStance(stance, lenient: true)
            report += String(
                format: "%@  %5.1f %5.1f %5.1f |   %5.1f %5.1f %5.1f\n",
                stance.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0),
                100 * strict.precision, 100 * strict.recall, 100 * strict.f1, 100 * lenient.precision, 100 * lenient.recall,
                100 * lenient.f1)
        }
        let macro = 100 * score.macroF1()
        report += String(format: "macro F1: strict %.1f, lenient %.1f\n", macro, 100 * score.macroF1(lenient: true))
        report +=
            "passages with no pairs: \(score.emptyPassages), of which \(score.emptyPassagesWithPairs) got pairs (\(score.emptyPassageFalsePairs) false pairs)\n"
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        for _ in 0..<5 {
            for passage in passages {
                count += analyzer.pairs(in: passage.text, entities: recognizer.entities(in: passage.text)).count
            }
        }
        let seconds = (clock.now - start).seconds
        report += String(
            format: "speed: %.0f passages/s on one core, entities included (%d pairs)\n", Double(5 * passages.count) / seconds,
            count / 5)
        Terminal.standardOutput.write(report)
        if let gate, macro < gate {
            Terminal.standardError.write(
                String(format: "glean eval stance: strict macro F1 %.1f is below the floor %.1f\n", macro, gate))
            throw ExitCode.failure
        }
    }
}
