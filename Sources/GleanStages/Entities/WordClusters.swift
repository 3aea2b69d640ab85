import GleanCore
import GleanText

/// Word clusters learnt from raw English text (word2vec vectors grouped by k-means, a fine and a
/// coarse level), seen by ``EntityTagger`` as features: words used alike ("ministry", "agency",
/// "commission"; "aliyev", "erdogan") share a cluster, so what the tagger learnt about one
/// carries to words it never saw labelled.
///
/// Built by `scripts/build-word-clusters.py`; see docs/stages/entities.md.
public struct WordClusters: Sendable {
    /// Fine and coarse cluster codes per lower-case word.
    private var clusters: [String: (fine: String, coarse: String)] = [:]

    /// No clusters (every word's code is `-`).
    public init() {}

    /// Reads `word<TAB>fine<TAB>coarse` lines (`#` comments); `source` names the text in messages.
    public init(tsv: String, source: String) throws(GleanError) {
        for (number, line) in tsv.splitting(atControl: "\n").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.splitting(atControl: "\t")
            guard fields.count == 3, !fields[0].isEmpty, Int(fields[1]) != nil, Int(fields[2]) != nil else {
                throw GleanError(.invalidModel, "\(source):\(number + 1): expected word<TAB>fine cluster<TAB>coarse cluster")
            }
            clusters[String(fields[0])] = ("f" + fields[1], "c" + fields[2])
        }
    }

    /// How many words have a cluster.
    public var count: Int { clusters.count }

    /// Per lower-case token, its fine and coarse cluster codes (`-` for a word without one).
    func codes(lowercased lower: [String]) -> (fine: [String], coarse: [String]) {
        var fine: [String] = []
        var coarse: [String] = []
        fine.reserveCapacity(lower.count)
        coarse.reserveCapacity(lower.count)
        for word in lower {
            let found = clusters[word]
            fine.append(found?.fine ?? "-")
            coarse.append(found?.coarse ?? "-")
        }
        return (fine, coarse)
    }
}

extension WordClusters {
    /// The clusters that ship with Glean (`Resources/word-clusters.tsv`), loaded once.
    public static var shipped: WordClusters {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "word-clusters.tsv"), of: "the word clusters",
            remedy: "rebuild them with scripts/build-word-clusters.py")
        return try WordClusters(tsv: String(decoding: bytes, as: UTF8.self), source: "word-clusters.tsv")
    }
}
