import Foundation
import GleanCore
import GleanStages

/// A passage labelled with its stance pairs, as in `Evaluation/alignment-stance/dev.jsonl`:
/// `{"id": …, "text": …, "pairs": [[actor, bloc, stance, acceptable second stances…], …]}` (or
/// each pair as `{"actor": …, "bloc": …, "stance": …, "also": […]}`), with
/// `"lang": "de"` (or `"language"`) for a passage not in English and `"speaker": "AT"` for one
/// whose speaker is known (the stage's `speaker_field`; written as a code or name, read by
/// `normalizeNames(with:)`), and `"date": "1963-09"` for one whose date is known (the
/// stage's `date_field`; a year, or an ISO 8601 date beginning with one).
public struct LabelledPassage: Sendable, Hashable {
    /// The passage's id.
    public var id: String
    /// Its text.
    public var text: String
    /// Its labelled pairs.
    public var pairs: [StanceScore.Labelled]
    /// Its language (ISO 639-1), when the file says; `nil` is English.
    public var language: String?
    /// The country it speaks for (ISO 3166-1 alpha-2), when the file says.
    public var speaker: String?
    /// The year it was written, when the file gives its `date`.
    public var year: Int?
    /// Its document's path led by its corpus (`un-general-debate/…/BLR_12_1957.txt`), when the file
    /// gives its `source` and `path` as the corpora of `../shared/data` do.
    public var document: String?

    private struct Line: Decodable {
        var id: String
        var text: String
        var pairs: [WrittenPair]
        var lang: String?
        var language: String?
        var speaker: String?
        var date: JSONValue?
        var source: String?
        var path: String?
    }

    /// A labelled pair as a file writes it: `[actor, bloc, stance, acceptable stances…]`, or
    /// `{"actor": …, "bloc": …, "stance": …, "also": [acceptable stances…]}`.
    private struct WrittenPair: Decodable {
        /// The pair as `[actor, bloc, stance, acceptable stances…]`.
        var fields: [String]

        private enum Key: String, CodingKey {
            case actor, bloc, stance, also
        }

        init(from decoder: any Decoder) throws {
            if let fields = try? decoder.singleValueContainer().decode([String].self) {
                self.fields = fields
                return
            }
            let object = try decoder.container(keyedBy: Key.self)
            let also =
                try (try? object.decodeIfPresent([String].self, forKey: .also))
                ?? object.decodeIfPresent(String.self, forKey: .also).map { [$0] } ?? []
            fields =
                [
                    try object.decode(String.self, forKey: .actor), try object.decode(String.self, forKey: .bloc),
                    try object.decode(String.self, forKey: .stance),
                ] + also
        }
    }

    /// Reads the JSON Lines file at `path`; `nil` when there is no file to read there, and a bad
    /// line is reported with its number.
    public static func read(file path: String) throws(GleanError) -> [LabelledPassage]? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        return try read(jsonLines: String(decoding: bytes, as: UTF8.self), source: path)
    }

    /// Reads a JSON Lines file of labelled passages; a bad line is reported with its number.
    public static func read(jsonLines text: String, source: String) throws(GleanError) -> [LabelledPassage] {
        var passages: [LabelledPassage] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let location = SourceLocation(file: source, line: number + 1, column: 1)
            let decoded: Line
            do {
                decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            } catch {
                throw GleanError(.invalidArgument, "expected {\"id\", \"text\", \"pairs\"}", cause: error, location: location)
            }
            var pairs: [StanceScore.Labelled] = []
            for written in decoded.pairs {
                let pair = written.fields
                let stances = pair.dropFirst(2).map { Stance(rawValue: $0.lowercased()) }
                guard pair.count >= 3, let primary = stances.first ?? nil, !stances.contains(nil) else {
                    throw GleanError(
                        .invalidArgument,
                        "pair \(pair) is not [actor, bloc, stance, acceptable stances…] with stances from "
                            + Stance.allCases.map(\.rawValue).joined(separator: ", "), location: location)
                }
                pairs.append(
                    StanceScore.Labelled(
                        actor: pair[0], bloc: pair[1], stance: primary, also: stances.dropFirst().compactMap { $0 }))
            }
            var year: Int?
            if let date = decoded.date {
                // A file writes a year as a string or an integer, not as a decimal.
                let isDecimal = if case .double = date { true } else { false }
                guard let read = DocumentDate.year(of: date), !isDecimal else {
                    throw GleanError(
                        .invalidArgument,
                        "date `\(date.stringValue ?? "\(SerializedJSON(date))")` is not a year from \(DocumentDate.years.lowerBound) to "
                            + "\(DocumentDate.years.upperBound) or an ISO 8601 date (write `1963` or `1963-09-24`)",
                        location: location)
                }
                year = read
            }
            passages.append(
                LabelledPassage(
                    id: decoded.id, text: decoded.text, pairs: pairs, language: decoded.lang ?? decoded.language,
                    // A blank speaker is no speaker, as the stage reads a blank `speaker_field`.
                    speaker: decoded.speaker.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
                    year: year, document: decoded.source.flatMap { source in decoded.path.map { source + "/" + $0 } }))
        }
        return passages
    }
}
