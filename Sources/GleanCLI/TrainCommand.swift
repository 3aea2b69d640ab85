import ArgumentParser
import Foundation
import GleanCore
import GleanEvaluation
import GleanStages

/// `glean train`: trains the models of built-in stages.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a built-in stage's model from labelled data.",
        subcommands: [TrainEntitiesCommand.self]
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
