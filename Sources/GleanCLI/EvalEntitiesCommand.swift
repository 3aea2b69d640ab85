import ArgumentParser
import Foundation
import GleanCore
import GleanEvaluation
import GleanStages

/// `glean eval entities`: entity-level precision, recall and F1 on Universal NER's test split.
struct EvalEntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Entity-level precision, recall and F1 of the entities stage on an IOB2 file (PER, ORG, LOC).",
        discussion: """
            Tags each sentence's gold tokens; PERSON counts as PER, ORG as ORG, GPE and LOC as LOC; \
            gold OTH and predicted NORP and DATE are left out. A mention is right when its tokens and \
            type match exactly. Also prints tokens per second on one core, recognising the raw \
            sentences (tokenizing included).
            """
    )

    @Option(help: "The IOB2 test file.")
    var data: String = "../shared/data/ner/uner-en-ewt/test.iob2"

    @Option(
        help: ArgumentHelp(
            "Score only the sentences of these parts of the document split (train, dev, holdout; comma-separated), as `glean train entities` chose them; all when absent.",
            valueName: "parts"))
    var parts: String?

    @Option(help: "Exit 1 when the overall F1 (percent) is below this.")
    var gate: Double?

    @Option(
        name: .customLong("type-gate"),
        help: ArgumentHelp(
            "Exit 1 when one type's F1 (percent) is below a floor, as `LOC=73.8`; repeatable.", valueName: "type=floor"),
        transform: TypeGate.init(argument:))
    var typeGates: [TypeGate] = []

    @Flag(inversion: .prefixedNo, help: "Measure tokens per second on the raw sentences (about three seconds).")
    var speed = true

    @Flag(help: "Print each Universal NER sentence whose PER, ORG and LOC mentions differ from the gold ones.")
    var showErrors = false

    @Option(
        help: ArgumentHelp(
            "Hand-annotated news paragraphs ([[text|TYPE|canonical]] marks), evaluated too when present; repeatable.",
            valueName: "file"))
    var news: [String] = [
        "Evaluation/entities/news.txt", "Evaluation/entities/news-holdout.txt", "Evaluation/entities/news-check.txt",
    ]

    @Option(
        help: ArgumentHelp(
            "Exit 1 when the overall F1 (percent) on a news file is below this; one per --news file, in their order.",
            valueName: "F1"))
    var newsGate: [Double] = []

    /// A floor for one type's F1 on Universal NER (`--type-gate LOC=73.8`).
    struct TypeGate {
        /// PER, ORG or LOC.
        var type: String
        /// The lowest acceptable F1, percent.
        var floor: Double

        init(argument: String) throws {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["PER", "ORG", "LOC"].contains(parts[0]), let floor = Double(parts[1]) else {
                throw ValidationError("--type-gate takes TYPE=F1 with TYPE PER, ORG or LOC, as `LOC=73.8`; got `\(argument)`")
            }
            type = parts[0]
            self.floor = floor
        }
    }

    func validate() throws {
        for name in parts?.split(separator: ",") ?? [] where DocumentSplit.Part(rawValue: String(name)) == nil {
            throw ValidationError("--parts takes train, dev and holdout, comma-separated; got `\(name)`")
        }
        guard newsGate.isEmpty || newsGate.count == news.count else {
            throw ValidationError("give one --news-gate per --news file (\(news.count)), or none")
        }
    }

    func run() async throws {
        let recognizer = try EntityRecognizer.shipped
        var failed = false
        for (index, path) in news.enumerated() {
            let floor = newsGate.isEmpty ? nil : newsGate[index]
            guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
                if floor != nil {
                    Terminal.standardError.write("glean eval entities: no news paragraphs at `\(path)`\n")
                    failed = true
                }
                continue
            }
            let f1 = try evaluateNews(AnnotatedNews(text, path: path), recognizer: recognizer)
            if let floor, f1 < floor {
                Terminal.standardError.write(
                    String(format: "glean eval entities: F1 %.1f on %@ is below the floor %.1f\n", f1, path, floor))
                failed = true
            }
        }
        guard FileManager.default.fileExists(atPath: data) else {
            Terminal.standardError.write("glean eval entities: no data at `\(data)` (give --data); Universal NER not evaluated\n")
            throw ExitCode.failure
        }
        try evaluateUNER(recognizer: recognizer)
        if failed { throw ExitCode.failure }
    }

    private func evaluateUNER(recognizer: EntityRecognizer) throws {
        var corpus = try IOB2Corpus(path: data)
        if let parts {
            let chosen = Set(parts.split(separator: ",").compactMap { DocumentSplit.Part(rawValue: String($0)) })
            corpus.sentences.removeAll { !chosen.contains(DocumentSplit.part(ofSentence: $0.id, inFile: data)) }
        }
        var counts = MentionCounts()
        for sentence in corpus.sentences {
            let gold = Set(
                IOB2Corpus.spans(sentence.tags).filter { $0.type != "OTH" }.map { "\($0.first):\($0.last):\($0.type)" })
            var predicted = Set<String>()
            for mention in recognizer.recognize(sentence.tokens) {
                let type: String
                switch mention.kind {
                case .person: type = "PER"
                case .organisation: type = "ORG"
                case .geopolitical, .location: type = "LOC"
                default: continue
                }
                predicted.insert("\(mention.first):\(mention.last):\(type)")
            }
            if showErrors, predicted != gold {
                func describe(_ keys: Set<String>) -> String {
                    keys.sorted().map { key in
                        let parts = key.split(separator: ":")
                        let first = Int(parts[0]) ?? 0
                        let last = Int(parts[1]) ?? 0
                        return sentence.tokens[first...last].joined(separator: " ") + "/" + parts[2]
                    }.joined(separator: ", ")
                }
                Terminal.standardOutput.write(
                    sentence.tokens.joined(separator: " ") + "\n  missed: " + describe(gold.subtracting(predicted))
                        + "\n  extra:  "
                        + describe(predicted.subtracting(gold)) + "\n")
            }
            counts.add(gold: gold, found: predicted) { String($0.split(separator: ":").last ?? "") }
        }
        // spaCy's figures are for Universal NER's English test split only.
        let spacy = data.hasSuffix("uner-en-ewt/test.iob2") ? ["PER": 62.2, "ORG": 38.4, "LOC": 69.7, "ALL": 56.1] : [:]
        let table = counts.table(["PER", "ORG", "LOC"], width: 4) {
            spacy.isEmpty ? "" : String(format: " | %5.1f", spacy[$0] ?? .nan)
        }
        let overall = table.f1["ALL"] ?? 0
        let report =
            "\(data): \(corpus.sentences.count) sentences\(parts.map { " (parts: \($0))" } ?? "")\n"
            + "type   gold   found   right      P      R     F1"
            + (spacy.isEmpty ? "\n" : " | spaCy en_core_web_sm 3.8 F1 (issue; scripts/entities-reference.sh)\n")
            + table.text
        Terminal.standardOutput.write(report)
        if speed { measureSpeed(corpus, recognizer: recognizer) }
        var failed = false
        if let gate, overall < gate {
            Terminal.standardError.write(String(format: "glean eval entities: F1 %.1f is below the floor %.1f\n", overall, gate))
            failed = true
        }
        for typeGate in typeGates {
            let f1 = table.f1[typeGate.type] ?? 0
            if f1 < typeGate.floor {
                Terminal.standardError.write(
                    String(format: "glean eval entities: %@ F1 %.1f is below the floor %.1f\n", typeGate.type, f1, typeGate.floor)
                )
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// Prints tokens per second recognising the corpus's raw sentences (tokenizing included).
    private func measureSpeed(_ corpus: IOB2Corpus, recognizer: EntityRecognizer) {
        let texts = corpus.sentences.map(\.text)
        let tokenCount = corpus.sentences.reduce(0) { $0 + $1.tokens.count }
        // The fastest of the passes made in about three seconds (at least three): a pass takes a
        // fraction of a second, so one pass would measure the machine's noise as much as Glean.
        let clock = ContinuousClock()
        var best = Double.infinity
        var passes = 0
        var entityCount = 0
        let started = clock.now
        while passes < 3 || (clock.now - started).seconds < 3 {
            let start = clock.now
            entityCount = texts.reduce(0) { $0 + recognizer.entities(in: $1).count }
            best = min(best, (clock.now - start).seconds)
            passes += 1
        }
        Terminal.standardOutput.write(
            String(
                format:
                    "speed: %d sentences, %d tokens in %.3f s on one core: %.0f tokens/s (fastest of %d passes; %d entities)\n",
                texts.count, tokenCount, best, Double(tokenCount) / best, passes, entityCount))
    }

    /// Scores the recogniser on hand-annotated news: exact span and type per type, and linking
    /// of the matched mentions that have a canonical id; returns the overall F1 (percent).
    private func evaluateNews(_ annotated: AnnotatedNews, recognizer: EntityRecognizer) throws -> Double {
        var counts = MentionCounts()
        var linked = (right: 0, total: 0)
        for paragraph in annotated.paragraphs {
            let gold = Set(
                paragraph.mentions.map { AnnotatedNews.Mention(start: $0.start, end: $0.end, type: $0.type, canonical: nil) })
            let found = recognizer.entities(in: paragraph.text)
            let predicted = Set(
                found.map { AnnotatedNews.Mention(start: $0.start, end: $0.end, type: $0.kind.rawValue, canonical: nil) })
            counts.add(gold: gold, found: predicted, type: \.type)
            for mention in paragraph.mentions where mention.canonical != nil {
                linked.total += 1
                if found.contains(where: {
                    $0.start == mention.start && $0.end == mention.end && $0.canonical == mention.canonical
                }) {
                    linked.right += 1
                }
            }
        }
        var report = "\(annotated.path): \(annotated.paragraphs.count) hand-annotated news paragraphs, exact span and type\n"
        report += "type     gold   found   right      P      R     F1\n"
        let table = counts.table(Entity.Kind.allCases.map(\.rawValue), width: 6)
        let overall = table.f1["ALL"] ?? 0
        report += table.text
        report += String(
            format: "linked: %d of %d mentions with a canonical id found with that id (%.1f %%)\n\n", linked.right, linked.total,
            100 * Double(linked.right) / Double(max(linked.total, 1)))
        Terminal.standardOutput.write(report)
        return overall
    }
}
