import GleanCore
import GleanStages

/// Paragraphs with their entities marked inline, as in `Evaluation/entities/news.txt`:
/// `[[Azerbaijan|GPE|AZ]] and [[NATO|ORG|NATO]] met on [[Tuesday|DATE]].` One paragraph a line;
/// lines starting with `#` are comments.
public struct AnnotatedNews: Sendable {
    /// A marked entity: its span in the plain text (Unicode scalars), type and canonical id.
    public struct Mention: Sendable, Hashable {
        /// Where the mention starts in the plain text (Unicode scalars).
        public var start: Int
        /// Where the mention ends in the plain text (Unicode scalars, exclusive).
        public var end: Int
        /// The entity type (`PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `DATE`).
        public var type: String
        /// The canonical id the mention links to, when it has one.
        public var canonical: String?

        /// Creates a mention.
        public init(start: Int, end: Int, type: String, canonical: String?) {
            self.start = start
            self.end = end
            self.type = type
            self.canonical = canonical
        }
    }

    /// A paragraph: its plain text and marked entities.
    public struct Paragraph: Sendable {
        /// The paragraph without its marks.
        public var text: String
        /// The marked entities, in text order.
        public var mentions: [Mention]
    }

    /// The paragraphs.
    public var paragraphs: [Paragraph] = []
    /// The file they were read from.
    public var path: String

    /// Parses the file's text; a malformed mark is reported with its line.
    public init(_ source: String, path: String) throws {
        self.path = path
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            var plain: [Unicode.Scalar] = []
            var mentions: [Mention] = []
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count {
                if scalars[index] == "[", index + 1 < scalars.count, scalars[index + 1] == "[" {
                    var close = index + 2
                    while close + 1 < scalars.count, !(scalars[close] == "]" && scalars[close + 1] == "]") { close += 1 }
                    guard close + 1 < scalars.count else {
                        throw GleanError(
                            .invalidArgument, "`[[` without `]]`",
                            location: SourceLocation(file: path, line: number + 1, column: index + 1))
                    }
                    let fields = String(String.UnicodeScalarView(scalars[(index + 2)..<close])).split(
                        separator: "|", omittingEmptySubsequences: false
                    ).map(String.init)
                    guard fields.count == 2 || fields.count == 3, !fields[0].isEmpty, Entity.Kind(rawValue: fields[1]) != nil
                    else {
                        throw GleanError(
                            .invalidArgument,
                            "expected [[text|TYPE]] or [[text|TYPE|canonical]] with a type of the entities stage",
                            location: SourceLocation(file: path, line: number + 1, column: index + 1))
                    }
                    let start = plain.count
                    plain += fields[0].unicodeScalars
                    mentions.append(
                        Mention(start: start, end: plain.count, type: fields[1], canonical: fields.count == 3 ? fields[2] : nil))
                    index = close + 2
                } else {
                    plain.append(scalars[index])
                    index += 1
                }
            }
            paragraphs.append(Paragraph(text: String(String.UnicodeScalarView(plain)), mentions: mentions))
        }
    }
}
