import Foundation
import GleanCore
import GleanStages

/// The speaker and the date a labelled passage's corpus gives its document, read from the
/// passage's id as the corpora of the real passages name their documents, for a file that does not
/// write them in `speaker` and `date` fields.
///
/// A passage's id is its document's path in its corpus, led by the corpus's name, then `#` and the
/// paragraph (`un-general-debate/…/Session 12 - 1957/BLR_12_1957.txt#p51`; a translation adds
/// `@de`). The rules are those of `scripts/stance_speakers.py` and `scripts/stance_dates.py`, which
/// wrote the fields of the committed files; a test checks that both read every file alike.
/// ParlaMint's rule covers every parliament (`parlamint-ua` is `UA`), as the script's does.
/// - UN General Debate: the delegation of the file name's ISO 3166-1 alpha-3 code (the Soviet
///   Union's statements before 1992, filed as `RUS`, are `SU`), and the session's year;
/// - White House: the United States, and the page's date;
/// - CIA World Factbook: the page's country (its FIPS 10-4 code), and 2025, its final edition;
/// - ParlaMint: the parliament's country (`parlamint-at` is `AT`), and the sitting's date;
/// - English Wikipedia and NTREX: no speaker, and 2019, the year of their snapshot and articles;
/// - a translation (`…#p12@ru`): its language.
public struct CorpusMetadata: Sendable {
    /// The tables the Factbook's and the UN's country codes are read with.
    public var codes: CountryCodes

    /// Reads ids with `codes`.
    public init(codes: CountryCodes) {
        self.codes = codes
    }

    /// Reads ids with the shipped country code tables.
    public static func shipped() throws(GleanError) -> CorpusMetadata {
        CorpusMetadata(codes: try CountryCodes.shipped)
    }

    /// The country the document of passage `id` speaks for or describes (ISO 3166-1 alpha-2), when
    /// its corpus says.
    public func speaker(ofPassage id: String) -> String? {
        let document = Document(passage: id)
        switch document.corpus {
        case "white-house":
            return "US"
        case "factbook":
            // `europe/gm.json`: the page's FIPS code, in lower case as the Factbook writes it.
            let name = document.fileName.hasSuffix(".json") ? String(document.fileName.dropLast(5)) : document.fileName
            guard name == name.lowercased() else { return nil }
            return codes.alpha2(fips: name)
        case "un-general-debate":
            let parts = document.fileName.split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
                !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit),
                let year = Self.leadingYear(of: parts[2]), parts[2].dropFirst(4) == ".txt"
            else { return nil }
            if parts[0] == "RUS", year < 1992 { return "SU" }
            return codes.alpha2(alpha3: String(parts[0]))
        default:
            let parliament = document.corpus.split(separator: "-")
            guard parliament.count == 2, parliament[0] == "parlamint", parliament[1].count == 2,
                parliament[1].allSatisfy({ $0.isASCII && $0.isLowercase })
            else { return nil }
            return parliament[1].uppercased()
        }
    }

    /// The language of passage `id` when the id marks it as a translation: `…#p12@ru` is Russian (an
    /// ISO 639-1 code of two letters, in lower case).
    public func language(ofPassage id: String) -> String? {
        guard let hash = id.firstIndex(of: "#"), let at = id[hash...].lastIndex(of: "@") else { return nil }
        let code = id[id.index(after: at)...]
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        return String(code)
    }

    /// When the document of passage `id` was written, as its corpus gives it: a year (`1957`) or
    /// an ISO 8601 date (`2025-04-04`).
    public func date(ofPassage id: String) -> String? {
        let document = Document(passage: id)
        switch document.corpus {
        case "un-general-debate":
            // `…/Session 12 - 1957/BLR_12_1957.txt`: the folder names the session and its year.
            guard let folder = document.folders.last(where: { $0.hasPrefix("Session ") }),
                let dash = folder.range(of: " - "),
                folder[dash.upperBound...].count == 4,
                let year = Self.leadingYear(of: folder[dash.upperBound...])
            else { return nil }
            return String(year)
        case "white-house":
            // `2025-04/2025-04-04-week-11-wins-….md`: the page's name begins with its date.
            let name = document.fileName
            guard let date = Self.isoDate(at: name.startIndex, in: name),
                name.dropFirst(date.count).first == "-"
            else { return nil }
            return date
        case "factbook":
            return "2025"
        case "wikipedia", "ntrex":
            return "2019"
        default:
            guard document.corpus.hasPrefix("parlamint-") else { return nil }
            // `ParlaMint-AT_1996-04-16-…`, `…-tbmm-2017-01-14.xml`: the first date in the name.
            let name = document.fileName
            return name.indices.lazy.compactMap { Self.isoDate(at: $0, in: name) }.first
        }
    }

    /// The year four digits at the start of `text` make.
    private static func leadingYear(of text: Substring) -> Int? {
        let digits = text.prefix(4)
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    /// The date `YYYY-MM-DD` written at `start` in `text`.
    private static func isoDate(at start: String.Index, in text: String) -> String? {
        let candidate = text[start...].prefix(10)
        guard candidate.count == 10 else { return nil }
        for (offset, character) in candidate.enumerated() {
            let isDash = offset == 4 || offset == 7
            guard isDash ? character == "-" : character.isASCIIDigit else { return nil }
        }
        return String(candidate)
    }
}

extension CorpusMetadata {
    /// A passage's document: its corpus, its folders and its file name.
    private struct Document {
        var corpus: Substring
        var folders: [Substring]
        var fileName: String

        init(passage id: String) {
            let path = id.prefix { $0 != "#" }
            var components = path.split(separator: "/", omittingEmptySubsequences: false)
            fileName = String(components.popLast() ?? "")
            corpus = components.first ?? ""
            folders = Array(components.dropFirst())
        }
    }
}

extension Character {
    /// Whether this is one of the digits 0–9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
