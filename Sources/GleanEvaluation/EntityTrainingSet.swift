import Foundation
import GleanCore
import GleanStages

/// The sentences the entity tagger is trained on: IOB2 files, each with a weight, keeping only
/// the sentences of the chosen ``DocumentSplit`` parts; and what was read, for the provenance
/// written beside the weights.
public struct EntityTrainingSet: Sendable {
    /// A file to read and how much its sentences count (2: each is seen twice per pass; 0.5:
    /// half of them, a seeded draw, per pass).
    public struct Source: Sendable {
        /// The IOB2 file (plain or gzipped).
        public var path: String
        /// How much each of its sentences counts.
        public var weight: Double

        /// A source.
        public init(path: String, weight: Double = 1) {
            self.path = path
            self.weight = weight
        }
    }

    /// What was read from one source.
    public struct Summary: Sendable {
        /// The source.
        public var source: Source
        /// Sentences kept (in the chosen parts).
        public var sentences: Int
        /// Tokens kept (in the chosen parts).
        public var tokens: Int
        /// Sentences left out (in other parts).
        public var skipped: Int
        /// FNV-1a 64 of the file's (decompressed) bytes, hexadecimal.
        public var checksum: String
    }

    /// The training sentences, tags as indices into ``EntityTagger/tags``.
    public var sentences: [EntityTagger.TrainingSentence] = []
    /// One summary per source, in order.
    public var summaries: [Summary] = []

    /// Reads `sources`, keeping the sentences of `parts`. Tags the tagger does not have (`OTH`,
    /// `MISC`) are read as outside any entity.
    public init(sources: [Source], parts: Set<DocumentSplit.Part>) throws(GleanError) {
        for source in sources {
            let bytes = try IOB2Corpus.contents(of: source.path)
            let corpus = try IOB2Corpus(text: String(decoding: bytes, as: UTF8.self), source: source.path)
            var summary = Summary(
                source: source, sentences: 0, tokens: 0, skipped: 0,
                checksum: String(DocumentSplit.fnv1a(bytes), radix: 16))
            for sentence in corpus.sentences {
                guard parts.contains(DocumentSplit.part(ofSentence: sentence.id, inFile: source.path)) else {
                    summary.skipped += 1
                    continue
                }
                let tags = Self.indices(of: sentence.tags)
                sentences.append(EntityTagger.TrainingSentence(tokens: sentence.tokens, tags: tags, weight: source.weight))
                summary.sentences += 1
                summary.tokens += sentence.tokens.count
            }
            summaries.append(summary)
        }
    }

    /// Tag indices of IOB2 tags; unknown types become `O`, and an `I-` that cannot follow the
    /// tag before it becomes `B-`.
    static func indices(of tags: [String]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(tags.count)
        for tag in tags {
            var index = EntityTagger.tags.firstIndex(of: tag) ?? 0
            if index > 0, !EntityTagger.allowed(index, after: result.last ?? 0) { index -= 1 }
            result.append(index)
        }
        return result
    }

    /// The provenance of weights trained on this set: the sources with their weights, counts
    /// and checksums, the parts, and the training settings, as JSON.
    public func provenance(parts: Set<DocumentSplit.Part>, epochs: Int, seed: UInt64) -> JSONValue {
        let files: [JSONValue] = summaries.map { summary in
            [
                "path": .string(summary.source.path), "weight": .double(summary.source.weight),
                "sentences": .int(summary.sentences), "tokens": .int(summary.tokens),
                "skipped_sentences": .int(summary.skipped), "fnv1a64": .string(summary.checksum),
            ]
        }
        return [
            "model": "entities averaged structured perceptron",
            "trained_by": "glean train entities",
            "parts": .array(DocumentSplit.Part.allCases.filter(parts.contains).map { .string($0.rawValue) }),
            "split": .string(
                "by document; \(DocumentSplit.holdoutPercent)% held out, \(DocumentSplit.devPercent)% dev (GleanEvaluation.DocumentSplit)"
            ),
            "epochs": .int(epochs), "seed": .int(Int(seed)),
            "feature_buckets": .int(1 << EntityTagger.featureBits), "tags": .array(EntityTagger.tags.map(JSONValue.string)),
            "sentences": .int(sentences.count), "tokens": .int(sentences.reduce(0) { $0 + $1.tokens.count }),
            "files": .array(files),
        ]
    }
}
