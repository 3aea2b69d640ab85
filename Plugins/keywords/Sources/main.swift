import Foundation
import GleanPluginKit

/// The `keywords` plugin's settings.
struct Settings: Decodable {
    var top: Int?
    var minLength: Int?

    enum CodingKeys: String, CodingKey {
        case top
        case minLength = "min_length"
    }
}

/// One keyword and how often it occurs.
struct Keyword: Encodable, Sendable {
    var word: String
    var count: Int
}

/// Common English function words, never keywords.
let stopWords: Set<String> = [
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
    "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her",
    "their", "our", "not", "no", "has", "have", "had", "will", "would", "said", "says", "than", "then", "also", "after",
]

GleanPlugin.run(name: "keywords", version: "1.0.0") { (settings: Settings) in
    let top = max(1, settings.top ?? 10)
    let minLength = max(1, settings.minLength ?? 3)
    return { document in
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        var position = 0
        for word in document.text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
            let token = word.trimmingCharacters(in: ["-"])
            guard token.count >= minLength, !stopWords.contains(token) else { continue }
            counts[token, default: 0] += 1
            if firstSeen[token] == nil {
                firstSeen[token] = position
                position += 1
            }
        }
        let ranked = counts.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : (firstSeen[lhs.key] ?? 0) < (firstSeen[rhs.key] ?? 0)
        }
        return .output(ranked.prefix(top).map { Keyword(word: $0.key, count: $0.value) })
    }
}
