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
            Runs the entities recogniser and the stance analyzer (built-in cues and model, the \
            blocs the stage reports by default, min_confidence 0.3 as the stage does) over each \
            passage and scores the pairs as docs/stages/alignment-stance-labels.md says: matched on \
            actor and bloc (labelled as codes or names: `AZ`, `AZE` or `Azerbaijan`; `NATO`, `nato` \
            or `North Atlantic Treaty Organization`); strict counts the primary label, lenient also \
            an acceptable second label. Prints pair P/R/F1, per-stance F1, macro F1 and the \
            confusion matrix; passages with `lang` are read with that language's cues and entities \
            (a passage without it in the language the detector is at least 0.99 sure of, when the \
            stage has cues for it, else in English), and a line per language follows; passages \
            with `speaker` (a country code or name) are read with that speaker, as the stage reads \
            documents with `speaker_field`, and passages with `date` (a year or an ISO 8601 date) \
            as of that year, as it reads `date_field`; a passage without them whose id names a \
            document of the real passages' corpora is given what its corpus records (the speaker \
            of a UN General Debate statement, a White House page, a Factbook page or a ParlaMint \
            debate; the date of those and of the Wikipedia snapshot) (--without-speakers and \
            --without-dates leave them out; both together read plain text); --reliability \
            adds the table of confidence against the share right. Several --data files are \
            scored as one set (every holdout pooled for one reliability table); \
            --reliability-gate fails the run when that table is off by more than the gate.
            """
    )

    @Option(help: "The labelled passages (JSON Lines). Repeatable: the files are scored together as one set.")
    var data: [String] = ["Evaluation/alignment-stance/dev.jsonl"]

    @Option(help: "Exit 1 when the strict macro F1 (percent) is below this.")
    var gate: Double?

    @Option(help: "Leave out pairs below this confidence.")
    var minConfidence: Double = 0.3

    @Flag(help: "Print each passage whose pairs differ from the labels.")
    var showErrors = false

    @Flag(help: "Also print a reliability table: every pair found, binned by confidence, against the share right.")
    var reliability = false

    @Option(
        help: """
            Exit 1 when a bin of the reliability table (10 or more pairs) is off by more than this beyond its sampling \
            error (two standard errors of its share right); prints the table.
            """)
    var reliabilityGate: Double?

    @Flag(help: "Decide pairs with the hand-written rules alone, without the learned model (for comparison).")
    var rules = false

    @Option(help: "A stance model file (from `glean train stance`) instead of the shipped one.")
    var model: String?

    @Flag(
        help: """
            Read every passage without its `speaker` (as the stage reads documents when `speaker_field` is not set); \
            with --without-dates, as plain text.
            """)
    var withoutSpeakers = false

    @Flag(
        help: """
            Read every passage without its `date` (as the stage reads documents when `date_field` is not set); with \
            --without-speakers, as plain text.
            """)
    var withoutDates = false

    func run() async throws {
        var passages: [LabelledPassage] = []
        for file in data {
            guard let read = try LabelledPassage.read(file: file) else {
                Terminal.standardError.write("glean eval stance: no data at `\(file)` (give --data); nothing evaluated\n")
                throw ExitCode.failure
            }
            passages += read
        }
        let languages = try StanceLanguages(
            model: rules ? nil : try model.map(TrainStanceCommand.readModel) ?? StanceModel.shipped)
        let recognizer = languages.recognizer
        var reading = try LabelledReading(gazetteer: recognizer.gazetteer)
        for index in passages.indices { try reading.read(&passages[index]) }
        Terminal.standardError.write(reading.warning(command: "glean eval stance"))
        if withoutSpeakers {
            for index in passages.indices { passages[index].speaker = nil }
        }
        if withoutDates {
            for index in passages.indices { passages[index].year = nil }
        }
        guard let analyzer = languages.analyzer(for: "en") else { throw ExitCode.failure }
        let evaluation = StanceEvaluation(
            passages: passages, recognizer: recognizer, analyzer: analyzer, minConfidence: minConfidence,
            languages: languages)
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
        var report = score.report(passages: passages.count) + evaluation.languageReport
        report +=
            "speakers: \(passages.count { $0.speaker != nil }) passages (\(withoutSpeakers ? 0 : reading.speakersFromIDs) "
            + "from their documents' names); dates: \(passages.count { $0.year != nil }) "
            + "(\(withoutDates ? 0 : reading.yearsFromIDs) from their documents' names); languages other than English: "
            + "\(passages.count { ($0.language ?? "en") != "en" }) (\(reading.languagesFound) from ids or detected)\n"
        var gateFailure: String?
        if reliability || reliabilityGate != nil {
            let all = StanceEvaluation(
                passages: passages, recognizer: recognizer, analyzer: analyzer, minConfidence: 0, languages: languages)
            gateFailure = reliabilityGate.flatMap(all.reliability.gateFailure)
            report += "reliability of every pair found (min_confidence 0; right: labelled with this primary stance):\n"
            report += all.reliability.markdown + all.reliability.gapSummary
        }
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        for _ in 0..<5 {
            for passage in passages {
                let language = passage.language ?? "en"
                count +=
                    languages.pairs(in: passage.text, language: language, speaker: passage.speaker, year: passage.year)?
                    .count ?? 0
            }
        }
        let seconds = (clock.now - start).seconds
        report += String(
            format: "speed: %.0f passages/s on one core, entities included (%d pairs)\n", Double(5 * passages.count) / seconds,
            count / 5)
        Terminal.standardOutput.write(report)
        let macro = 100 * score.macroF1()
        if let gate, macro < gate {
            Terminal.standardError.write(
                String(format: "glean eval stance: strict macro F1 %.1f is below the floor %.1f\n", macro, gate))
            throw ExitCode.failure
        }
        if let gateFailure {
            Terminal.standardError.write("glean eval stance: \(gateFailure)\n")
            throw ExitCode.failure
        }
    }
}
