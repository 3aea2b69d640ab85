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
        abstract: "Train the entities stage's tagger on an IOB2 file (Universal NER's English dev split by default).",
        discussion: """
            Deterministic: the same data, epochs and seed give the same bytes. The shipped weights \
            were made with the defaults; see docs/stages/entities.md.
            """
    )

    @Option(help: "The IOB2 training file.")
    var data: String = "../shared/data/ner/uner-en-ewt/dev.iob2"

    @Option(help: "Passes over the data.")
    var epochs = 15

    @Option(help: "Seeds the order the sentences are shuffled into each pass.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the weights.")
    var output: String = "Sources/GleanStages/Entities/Resources/entity-tagger.bin"

    func run() async throws {
        let corpus = try IOB2Corpus(path: data)
        let sentences = try corpus.sentences.map { sentence in
            EntityTagger.TrainingSentence(
                tokens: sentence.tokens,
                tags: try sentence.tags.map { tag in
                    guard let index = EntityTagger.tags.firstIndex(of: tag) else {
                        throw ValidationError("unknown tag `\(tag)` in \(data)")
                    }
                    return index
                })
        }
        let tagger = EntityTagger.train(
            sentences, gazetteer: try Gazetteer.shipped, names: try NameLexicon.shipped, epochs: epochs,
            seed: seed
        ) { epoch, accuracy in
            Terminal.standardError.write(
                String(format: "epoch %d: %.2f%% of tokens right while training\n", epoch, 100 * accuracy))
        }
        try Data(tagger.serialized()).write(to: URL(fileURLWithPath: output))
        Terminal.standardError.write(
            "\(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.tokens.count }) tokens -> \(output)\n")
    }
}
