import ArgumentParser
import Foundation
import GleanCore
import GleanEvaluation
import GleanStages
import OrderedCollections

/// `glean train`: trains the models of built-in stages.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a built-in stage's model from labelled data.",
        subcommands: [TrainEntitiesCommand.self, TrainStanceCommand.self]
    )
}

/// `glean train entities`: the entity tagger's averaged perceptron.
struct TrainEntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Train the entities stage's tagger on IOB2 files (../shared/data/ner-train by default).",
        discussion: """
            Reads each --data file (`token<TAB>tag` or `index<TAB>token<TAB>tag`, plain or gzipped), keeps \
            the sentences of the documents in --parts (the held-out documents never, unless asked), \
            trains, and writes the weights and, beside them, their provenance (the same name with \
            `.json`). Deterministic: the same data, weights, epochs and seed give the same bytes. The \
            shipped weights were made with the defaults; see docs/stages/entities.md.
            """
    )

    /// The files the shipped weights are trained on.
    static let defaultData = [
        "uner-en-ewt-train.iob2.gz", "uner-en-ewt-dev.iob2", "gum-train.iob2", "gum-dev.iob2", "wikigold.iob2",
        "btc.iob2.gz",
    ].map { "../shared/data/ner-train/" + $0 }

    /// The weights the shipped tagger is trained with: tweets count half.
    static let defaultWeights = ["btc=0.5"]

    @Option(help: ArgumentHelp("An IOB2 training file; repeatable.", valueName: "file"))
    var data: [String] = Self.defaultData

    @Option(
        help: ArgumentHelp(
            "How much one file's sentences count, as `NAME=WEIGHT` where NAME is the start of the file's name (`btc=0.5`); repeatable.",
            valueName: "name=weight"))
    var weight: [String] = Self.defaultWeights

    @Option(
        help: ArgumentHelp(
            "The parts of the document split to train on, comma-separated: train, dev, holdout. `train` alone while tuning.",
            valueName: "parts"))
    var parts = "train,dev"

    @Option(help: "Passes over the data.")
    var epochs = 15

    @Option(help: "Seeds the order the sentences are shuffled into each pass.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the weights (the provenance goes beside them, `.json`).")
    var output: String = "Sources/GleanStages/Entities/Resources/entity-tagger.bin"

    func run() async throws {
        let chosen = try Set(
            parts.split(separator: ",").map { name in
                guard let part = DocumentSplit.Part(rawValue: String(name)) else {
                    throw ValidationError("--parts takes train, dev and holdout, comma-separated; got `\(name)`")
                }
                return part
            })
        var weights: [String: Double] = [:]
        for item in weight {
            let pieces = item.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, let value = Double(pieces[1]), value >= 0 else {
                throw ValidationError("--weight takes NAME=WEIGHT, as `btc=0.5`; got `\(item)`")
            }
            weights[String(pieces[0])] = value
        }
        let sources = data.map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            let match = weights.keys.filter { name.hasPrefix($0) }.max { $0.count < $1.count }
            return EntityTrainingSet.Source(path: path, weight: match.flatMap { weights[$0] } ?? 1)
        }
        let set = try EntityTrainingSet(sources: sources, parts: chosen)
        for summary in set.summaries {
            Terminal.standardError.write(
                "\(summary.source.path): \(summary.sentences) sentences, \(summary.tokens) tokens, weight \(summary.source.weight) (\(summary.skipped) sentences in other parts)\n"
            )
        }
        let tagger = EntityTagger.train(
            set.sentences, gazetteer: try Gazetteer.shipped, names: try NameLexicon.shipped,
            clusters: try WordClusters.shipped, epochs: epochs, seed: seed
        ) { epoch, accuracy in
            Terminal.standardError.write(
                String(format: "epoch %d: %.2f%% of tokens right while training\n", epoch, 100 * accuracy))
        }
        try Data(tagger.serialized()).write(to: URL(fileURLWithPath: output))
        let provenance = set.provenance(parts: chosen, epochs: epochs, seed: seed)
        let provenancePath = URL(fileURLWithPath: output).deletingPathExtension().appendingPathExtension("json")
        try Data(JSONWriter.serialize(provenance) + [0x0A]).write(to: provenancePath)
        Terminal.standardError.write(
            "\(set.sentences.count) sentences, \(set.sentences.reduce(0) { $0 + $1.tokens.count }) tokens -> \(output), \(provenancePath.path)\n"
        )
    }
}

/// `glean train stance`: the alignment-stance model, with cross-validated scores and calibration.
struct TrainStanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance",
        abstract: "Train the alignment-stance model on labelled passages, cross-validated by document.",
        discussion: """
            Finds each passage's candidate pairs with the built-in cues (the blocs the stage \
            reports by default), grows \
            gradient-boosted trees over their features, scores them by cross-validation \
            (documents never split: a passage id's part before `#` is its document), fits the \
            confidence calibration on the cross-validated predictions, then trains on everything. \
            Passages of --extra files are always trained on and never tested. Deterministic: the \
            same data, settings and seed give the same bytes. See docs/stages/alignment-stance.md.
            """
    )

    @Option(
        help: """
            Labelled real passages (JSON Lines): trained on and cross-validated. Rows with `lang` are read \
            in that language (its cues and names), rows with `speaker` with that speaker and rows with \
            `date` as of that year, as the stage reads them (and again as plain text). Repeatable.
            """)
    var data: [String] = [
        "Evaluation/alignment-stance/real-dev.jsonl", "Evaluation/alignment-stance/real-multi-dev.jsonl",
        "Evaluation/alignment-stance/real-translated-dev.jsonl", "Evaluation/alignment-stance/real-dev-wave6.jsonl",
        "Evaluation/alignment-stance/real-dev-wave7.jsonl",
        "Evaluation/alignment-stance/real-dev-wave8.jsonl",
        "Evaluation/alignment-stance/real-dev-wave9.jsonl",
        "Evaluation/alignment-stance/real-dev-wave10.jsonl",
        "Evaluation/alignment-stance/real-dev-wave11.jsonl",
    ]

    @Option(help: "More labelled passages, always trained on, never tested. Repeatable.")
    var extra: [String] = [
        "Evaluation/alignment-stance/dev.jsonl", "Evaluation/alignment-stance/holdout.jsonl",
        "Evaluation/alignment-stance/check.jsonl", "Evaluation/alignment-stance/wire.jsonl",
    ]

    @Option(help: "How much an --extra passage's examples count against a --data one's.")
    var extraWeight = 1.0

    @Option(help: "Boosting rounds: each grows one tree per outcome.")
    var rounds = StanceForest.Settings().rounds

    @Option(help: "The deepest a tree grows.")
    var depth = StanceForest.Settings().depth

    @Option(help: "How much of each tree's fit is kept (shrinkage).")
    var learningRate = StanceForest.Settings().learningRate

    @Option(help: "Split only on features at least this many examples have.")
    var minCount = StanceForest.Settings().minCount

    @Option(help: "The fewest examples a leaf may hold.")
    var minLeaf = StanceForest.Settings().minLeaf

    @Option(
        help: "The chance each feature has of being open to a tree, drawn anew per tree from --seed (1: every feature).")
    var featureFraction = StanceForest.Settings().featureFraction

    @Option(
        help: """
            Weights each outcome's examples up by rarity: (commonest outcome's count / this outcome's) ^ POWER \
            (0: none; 1: every outcome weighs the same in total).
            """)
    var classPower = 0.25

    @Option(help: "Seeds the dealing of documents into folds.")
    var seed: UInt64 = 1

    @Option(help: "Cross-validation folds (below 2: none, and no calibration: confidence is then the raw probability).")
    var folds = 5

    @Option(
        help: """
            Fit the confidence calibration on this many cross-validations pooled, each dealing the documents \
            into folds anew (seeds SEED, SEED+1, …), so that it does not rest on one dealing's luck; the scores \
            printed are the first one's.
            """)
    var calibrationRuns = 3

    @Option(help: "Report cross-validated scores at this confidence threshold (the stage's min_confidence).")
    var threshold = 0.3

    @Option(help: "Where to write the model.")
    var output: String = "Sources/GleanStages/Stance/Resources/stance-model.json"

    @Option(help: "Write every candidate's features and label to this JSON Lines file, to inspect them.")
    var dumpFeatures: String?

    @Option(
        help: """
            Write every prediction of the first cross-validation (passage id, pair, stance, raw probability, \
            whether right, the labelled stance or `none`, every outcome's probability) to this JSON Lines file, \
            to study the errors (the calibration is fitted on --calibration-runs of them).
            """)
    var dumpPredictions: String?

    @Flag(
        help: """
            Also check the calibration on answers it was not fitted on (nested cross-validation: about six times \
            the training time) and print that reliability table.
            """)
    var nestedReliability = false

    @Option(
        help: """
            With --nested-reliability: exit 1 when a bin of the nested table is off by more than this beyond its \
            sampling error (two standard errors of its share right).
            """)
    var reliabilityGate: Double?

    @Flag(help: "Print the labelled pairs that no candidate covers, with their passage.")
    var showUncovered = false

    func validate() throws {
        if reliabilityGate != nil, !nestedReliability {
            throw ValidationError("--reliability-gate checks the nested table: add --nested-reliability")
        }
        if let flaw = settings.flaw { throw ValidationError(flaw) }
        if calibrationRuns < 1 { throw ValidationError("--calibration-runs must be 1 or more") }
    }

    /// How the trees are grown, from the options.
    var settings: StanceForest.Settings {
        StanceForest.Settings(
            rounds: rounds, depth: depth, learningRate: learningRate, minCount: minCount, minLeaf: minLeaf,
            featureFraction: featureFraction, featureSeed: seed)
    }

    /// Reads a model file written by this command.
    static func readModel(_ path: String) throws -> StanceModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the stance model `\(path)`")
        }
        return try StanceModel(json: [UInt8](data), source: path)
    }

    func run() async throws {
        let languages = try StanceLanguages(model: nil)
        var training = StanceTraining()
        training.classPower = classPower
        var reading = try LabelledReading(gazetteer: languages.recognizer.gazetteer)
        for (files, trainOnly) in [(data, false), (extra, true)] {
            for path in files {
                guard var passages = try LabelledPassage.read(file: path) else {
                    throw ValidationError("cannot read the labelled passages `\(path)`")
                }
                // Names, ids and languages are read as eval reads them (`LabelledReading`).
                for index in passages.indices { try reading.read(&passages[index]) }
                let unread = training.add(
                    passages, languages: languages, trainOnly: trainOnly, weight: trainOnly ? extraWeight : 1)
                if !unread.isEmpty {
                    let codes = Set(unread.map { $0.language ?? "en" }).sorted().joined(separator: ", ")
                    Terminal.standardError.write(
                        "\(path): \(unread.count) passages left out: no stance cues for \(codes)\n")
                }
            }
        }
        Terminal.standardError.write(reading.warning(command: "glean train stance"))
        let tested = training.passages.filter { !$0.trainOnly }
        Terminal.standardError.write(
            "\(training.passages.count) passages (\(tested.count) cross-validated), "
                + "\(training.passages.reduce(0) { $0 + $1.candidates.count }) candidates; "
                + "\(training.uncovered) labelled pairs have no candidate\n")
        if showUncovered {
            for item in training.passages where !item.trainOnly {
                let keys = Set(item.candidates.map { $0.actor + "/" + $0.bloc })
                let missed = item.passage.pairs.filter { !keys.contains($0.actor + "/" + $0.bloc) }
                guard !missed.isEmpty else { continue }
                Terminal.standardOutput.write(
                    "\(item.passage.id): \(missed.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" }.joined(separator: " "))"
                        + " (candidates: \(keys.sorted().joined(separator: " ")))\n  \(item.passage.text)\n")
            }
        }
        if let dumpFeatures {
            var lines = ""
            for item in training.passages {
                var gold: [String: String] = [:]
                for pair in item.passage.pairs { gold[pair.actor + "/" + pair.bloc] = pair.stance.rawValue }
                for candidate in item.candidates {
                    let key = candidate.actor + "/" + candidate.bloc
                    let features = candidate.features.sorted { $0.key < $1.key }.map {
                        JSONValue.array([.string($0.key), .double($0.value)])
                    }
                    let row: JSONValue = .object([
                        "id": .string(item.passage.id), "pair": .string(key), "gold": .string(gold[key] ?? "none"),
                        "train_only": .bool(item.trainOnly), "features": .array(features),
                    ])
                    lines += JSONWriter.string(row) + "\n"
                }
            }
            try Data(lines.utf8).write(to: URL(fileURLWithPath: dumpFeatures))
        }
        var calibration = StanceCalibration()
        var plainCalibration: StanceCalibration?
        var provenance = [
            "data": data.joined(separator: " "), "extra": extra.joined(separator: " "),
            "extra_weight": String(extraWeight), "rounds": String(rounds), "depth": String(depth),
            "min_count": String(minCount), "min_leaf": String(minLeaf), "l2": String(settings.l2),
            "max_thresholds": String(settings.maxThresholds), "seed": String(seed),
            "feature_fraction": String(featureFraction),
            "class_power": String(classPower), "learning_rate": String(learningRate),
            "trained_by": "glean train stance", "folds": String(folds),
        ]
        if folds > 1 {
            let runs = training.crossValidationRuns(
                calibrationRuns, folds: folds, settings: settings, seed: seed, plainToo: true)
            let (predictions, plainPredictions) = runs[0]
            calibration = StanceTraining.calibration(fitting: runs.flatMap(\.read))
            provenance["calibration_runs"] = String(calibrationRuns)
            let plain = StanceTraining.calibration(fitting: runs.flatMap(\.plain))
            plainCalibration = plain
            if let dumpPredictions {
                let lines = predictions.map { prediction -> String in
                    let row: JSONValue = .object([
                        "id": .string(training.passages[prediction.passage].passage.id),
                        "pair": .string(prediction.actor + "/" + prediction.bloc),
                        "stance": .string(prediction.stance.rawValue), "probability": .double(prediction.probability),
                        "right": .bool(prediction.right),
                        "gold": .string(prediction.gold?.rawValue ?? "none"),
                        "probabilities": .array(prediction.probabilities.map { .double($0) }),
                    ])
                    return JSONWriter.string(row) + "\n"
                }
                try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: dumpPredictions))
            }
            let score = training.score(predictions, calibration: calibration, threshold: threshold)
            let pairs = score.pairs
            Terminal.standardOutput.write(
                "cross-validated (\(folds) folds by document, threshold \(threshold)):\n"
                    + score.report(passages: tested.count))
            for candidate in stride(from: 0.1, through: 0.6, by: 0.05) {
                let trial = training.score(predictions, calibration: calibration, threshold: candidate)
                Terminal.standardOutput.write(
                    String(
                        format: "threshold %.2f: pairs P %.1f R %.1f F1 %.1f, macro F1 strict %.1f lenient %.1f\n",
                        candidate, 100 * trial.pairs.precision, 100 * trial.pairs.recall, 100 * trial.pairs.f1,
                        100 * trial.macroF1(), 100 * trial.macroF1(lenient: true)))
            }
            Terminal.standardOutput.write(
                "by language (threshold \(threshold)):  passages  pairs    P     R    F1 | macro F1\n")
            for language in Set(tested.map(\.language)).sorted() {
                let part = training.score(predictions, calibration: calibration, threshold: threshold, language: language)
                Terminal.standardOutput.write(
                    String(
                        format: "  %@ %29d %6d %5.1f %5.1f %5.1f | %8.1f\n",
                        language.padding(toLength: 4, withPad: " ", startingAt: 0),
                        tested.filter { $0.language == language }.count, part.labelled, 100 * part.pairs.precision,
                        100 * part.pairs.recall, 100 * part.pairs.f1, 100 * part.macroF1()))
                provenance["cv_" + language] = String(
                    format: "pairs F1 %.3f; macro F1 strict %.3f", part.pairs.f1, part.macroF1())
            }
            let plainScore = training.score(plainPredictions, calibration: plain, threshold: threshold)
            Terminal.standardOutput.write(
                String(
                    format: "read as plain text, without speakers or dates (their own calibration): "
                        + "pairs P %.1f R %.1f F1 %.1f, macro F1 strict %.1f\n",
                    100 * plainScore.pairs.precision, 100 * plainScore.pairs.recall, 100 * plainScore.pairs.f1,
                    100 * plainScore.macroF1()))
            let reliability = StanceReliability(
                predictions.map { (calibration($0.probability), $0.right) }.filter { $0.0 >= 0.05 })
            Terminal.standardOutput.write(
                "reliability of cross-validated candidates (confidence ≥ 0.05):\n" + reliability.markdown)
            if nestedReliability {
                let answers = training.nestedCalibration(
                    folds: folds, settings: settings, seed: seed, runs: calibrationRuns)
                let nested = StanceReliability(answers.filter { $0.confidence >= 0.05 })
                Terminal.standardOutput.write(
                    "reliability, nested (calibration fitted without the answers' folds; confidence ≥ 0.05):\n"
                        + nested.markdown + nested.gapSummary)
                if let failure = reliabilityGate.flatMap(nested.gateFailure) {
                    Terminal.standardError.write("glean train stance: nested table: \(failure)\n")
                    throw ExitCode.failure
                }
            }
            provenance["cv"] = String(
                format: "pairs P %.3f R %.3f F1 %.3f; macro F1 strict %.3f lenient %.3f", pairs.precision, pairs.recall,
                pairs.f1, score.macroF1(), score.macroF1(lenient: true))
        }
        var model = StanceModel.train(training.examples(training.passages.indices), settings: settings)
        model.calibration = calibration
        model.plainCalibration = plainCalibration
        model.provenance = provenance
        try Data(try model.json()).write(to: URL(fileURLWithPath: output))
        Terminal.standardError.write(
            "\(model.forest.trees.count) trees over \(model.forest.features.count) features -> \(output)\n")
    }
}
