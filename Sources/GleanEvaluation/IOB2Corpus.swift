import Foundation
import GleanCore
import GleanStages

/// Sentences of a CoNLL-style IOB2 file (Universal NER): `index<TAB>token<TAB>tag` lines, blank
/// lines between sentences, `# text = …` comments with the raw sentence.
public struct IOB2Corpus: Sendable {
    /// One sentence: its raw text (from `# text =`), tokens and IOB2 tags.
    public struct Sentence: Sendable {
        public var text: String
        public var tokens: [String]
        public var tags: [String]
    }

    /// The sentences, in file order.
    public var sentences: [Sentence] = []

    /// Reads the file at `path`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GleanError(.unreadableInput, "cannot read `\(path)`")
        }
        var current = Sentence(text: "", tokens: [], tags: [])
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# text = ") {
                current.text = String(line.dropFirst(9))
            } else if line.hasPrefix("#") {
                continue
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.tokens.isEmpty { sentences.append(current) }
                current = Sentence(text: "", tokens: [], tags: [])
            } else {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 3 else {
                    throw GleanError(.invalidArgument, "`\(path)`: not an IOB2 line (index, token, tag): `\(line)`")
                }
                current.tokens.append(String(fields[1]))
                current.tags.append(String(fields[2]))
            }
        }
        if !current.tokens.isEmpty { sentences.append(current) }
    }

    /// Entity spans (first, last inclusive, type) of BIO tags.
    public static func spans(_ tags: [String]) -> [(first: Int, last: Int, type: String)] {
        var result: [(first: Int, last: Int, type: String)] = []
        var index = 0
        while index < tags.count {
            let tag = tags[index]
            guard tag.hasPrefix("B-") || tag.hasPrefix("I-") else {
                index += 1
                continue
            }
            let type = String(tag.dropFirst(2))
            var last = index
            while last + 1 < tags.count && tags[last + 1] == "I-" + type { last += 1 }
            result.append((index, last, type))
            index = last + 1
        }
        return result
    }
}
