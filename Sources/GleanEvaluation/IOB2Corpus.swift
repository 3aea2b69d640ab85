import Foundation
import GleanCore
import GleanStages

/// Sentences of a CoNLL-style IOB2 file: Universal NER's `index<TAB>token<TAB>tag[<TAB>…]` lines
/// or `ner-train`'s `token<TAB>tag` lines, blank lines between sentences, `# sent_id = …` and
/// `# text = …` comments; gzipped files (`.gz` or the gzip magic bytes) are read too.
public struct IOB2Corpus: Sendable {
    /// One sentence: its id (from `# sent_id =`), raw text (from `# text =`), tokens and IOB2 tags.
    public struct Sentence: Sendable {
        /// The `# sent_id` comment's value, empty when the file has none.
        public var id: String
        /// The `# text` comment's value, empty when the file has none.
        public var text: String
        /// The tokens.
        public var tokens: [String]
        /// One IOB2 tag per token.
        public var tags: [String]

        /// A sentence.
        public init(id: String = "", text: String = "", tokens: [String], tags: [String]) {
            self.id = id
            self.text = text
            self.tokens = tokens
            self.tags = tags
        }
    }

    /// The sentences, in file order.
    public var sentences: [Sentence] = []

    /// Sentences given directly.
    public init(sentences: [Sentence]) {
        self.sentences = sentences
    }

    /// Reads the file at `path`, plain or gzipped.
    public init(path: String) throws(GleanError) {
        try self.init(text: String(decoding: try Self.contents(of: path), as: UTF8.self), source: path)
    }

    /// Parses IOB2 text; `source` names it in messages.
    public init(text: String, source: String) throws(GleanError) {
        var current = Sentence(tokens: [], tags: [])
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.hasPrefix("# text = ") {
                current.text = String(line.dropFirst(9))
            } else if line.hasPrefix("# sent_id = ") {
                current.id = String(line.dropFirst(12))
            } else if line.hasPrefix("#") {
                continue
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.tokens.isEmpty { sentences.append(current) }
                current = Sentence(tokens: [], tags: [])
            } else {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                // `index, token, tag, …` when the first of three or more fields is a number, else `token, tag`.
                let indexed = fields.count >= 3 && !fields[0].isEmpty && fields[0].allSatisfy(\.isNumber)
                guard indexed || fields.count == 2 else {
                    throw GleanError(
                        .invalidArgument,
                        "\(source):\(number + 1): not an IOB2 line (`token<TAB>tag` or `index<TAB>token<TAB>tag`): `\(line)`")
                }
                current.tokens.append(String(fields[indexed ? 1 : 0]))
                current.tags.append(String(fields[indexed ? 2 : 1]))
            }
        }
        if !current.tokens.isEmpty { sentences.append(current) }
    }

    /// The bytes of the file at `path`, decompressed when it is gzip.
    static func contents(of path: String) throws(GleanError) -> [UInt8] {
        let file = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        var source: any ByteSource = file
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var first = true
        while true {
            let count = try Self.read(from: source, into: &buffer)
            if first && count >= 2 && buffer[0] == 0x1F && buffer[1] == 0x8B {
                // Gzip: start again through the decompressor.
                source = try GzipByteSource(upstream: try FileByteSource(path: path), name: path)
                first = false
                continue
            }
            first = false
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Fills `buffer` from `source`; the count read.
    private static func read(from source: any ByteSource, into buffer: inout [UInt8]) throws(GleanError) -> Int {
        let result: Result<Int, GleanError> = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(GleanError) -> Int in try source.read(into: raw) }
        }
        return try result.get()
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
