/// Splits text into sentences with Unicode scalar offsets.
///
/// A sentence ends at `.`, `!`, `?`, `…` or the Arabic, Armenian, Devanagari, Ethiopic and CJK
/// full stops (with any closing quotes and brackets after them) when the next word does not
/// start in lower case; a blank line always ends one. A period after a known abbreviation
/// (`Mr.`, `Dec.`), an initial (`J.`) or a dotted acronym (`U.S.`) ends nothing, so a sentence
/// that ends in an acronym stays joined to the next one.
public struct SentenceSplitter: Sendable {
    /// Abbreviations (lower case, without the period) after which a period ends no sentence.
    public var abbreviations: Set<String>
    private let classes = CharacterClasses()

    /// Creates a splitter with the built-in English abbreviations plus `extra`.
    public init(extraAbbreviations extra: Set<String> = []) {
        abbreviations = Self.englishAbbreviations.union(extra)
    }

    /// Common English abbreviations followed by a period.
    public static let englishAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "gen", "col", "lt", "sgt", "capt", "cmdr",
        "adm", "gov", "sen", "rep", "pres", "amb", "rev", "hon", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "fig", "approx", "dept", "est",
        "e.g", "i.e", "cf", "al", "mt", "ft", "min", "max", "art", "para", "ca",
        // US states and Canadian provinces as the press abbreviates them ("Ottawa, Ont."), but
        // not those that are also words ("Ill.", "Miss.", "Wash.").
        "ariz", "calif", "colo", "conn", "fla", "ky", "md", "mich", "minn", "mont", "neb", "nev", "okla", "tenn",
        "wyo", "wis", "ont", "que", "sask", "alta",
    ]

    /// The sentences of `text`, trimmed of surrounding white space; empty text has none.
    public func sentences(in text: String) -> [TextSpan] {
        sentences(in: Array(text.unicodeScalars))
    }

    /// The sentences of `scalars`.
    public func sentences(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        let count = scalars.count
        var start = 0
        var index = 0
        func close(at end: Int) {
            var from = start
            var to = end
            while from < to, classes.isSpace(scalars[from]) { from += 1 }
            while to > from, classes.isSpace(scalars[to - 1]) { to -= 1 }
            if from < to { spans.append(TextSpan(start: from, end: to)) }
            start = end
        }
        while index < count {
            let scalar = scalars[index]
            if scalar == "\n" {
                var next = index + 1
                while next < count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\r" { next += 1 }
                if next < count, scalars[next] == "\n" {
                    close(at: index)
                    index = next + 1
                    continue
                }
            }
            guard Self.isTerminator(scalar) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, Self.isTerminator(scalars[end]) { end += 1 }
            while end < count, Self.isCloser(scalars[end]) { end += 1 }
            if Self.isFullWidthTerminator(scalar) {
                close(at: end)
                index = end
                continue
            }
            var next = end
            while next < count, classes.isSpace(scalars[next]) { next += 1 }
            if next == count {
                index = end
                continue
            }
            let sawSpace = next > end
            if !sawSpace || !startsSentence(scalars[next]) || (scalar == "." && isAbbreviation(scalars, periodAt: index)) {
                index = end
                continue
            }
            close(at: end)
            index = end
        }
        close(at: count)
        return spans
    }

    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", "؟", "۔", "։", "।", "॥", "።", "。", "！", "？", "｡": return true
        default: return false
        }
    }

    private static func isFullWidthTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "。" || scalar == "！" || scalar == "？" || scalar == "｡"
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）": return true
        default: return false
        }
    }

    /// Whether a sentence may start with `scalar`: anything but a lower-case letter. Georgian
    /// Mkhedruli letters carry Unicode's Lowercase property, but Georgian prose is caseless.
    private func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        !classes.isLowercase(scalar) || (0x10D0...0x10FF).contains(scalar.value)
    }

    /// Whether the period at `index` closes an abbreviation, an initial or a dotted acronym.
    private func isAbbreviation(_ scalars: [Unicode.Scalar], periodAt index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, classes.isWordCharacter(scalars[wordStart - 1]) || scalars[wordStart - 1] == "." {
            wordStart -= 1
        }
        guard wordStart < index else { return false }
        let word = String(scalars: scalars[wordStart..<index]).lowercased()
        if abbreviations.contains(word) { return true }
        let letters = word.split(separator: ".")
        // An initial ("J.") or a dotted acronym ("U.S", "U.K").
        if letters.allSatisfy({ $0.count == 1 }) {
            return scalars[wordStart..<index].contains { classes.isUppercase($0) }
        }
        return false
    }
}
