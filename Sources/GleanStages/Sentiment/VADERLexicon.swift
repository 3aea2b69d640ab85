import GleanCore

/// The valences and emoji descriptions VADER scores with: the built-in VADER lexicons, plus any
/// user lexicon merged over them.
public struct VADERLexicon: Sendable {
    /// Lower-case token → mean valence (−4 … 4).
    public private(set) var valences: [String: Double]
    /// Single-scalar emoji → its description, which is scored in its place.
    public private(set) var emoji: [Unicode.Scalar: String]

    /// The lexicons shipped with Glean (VADER 3.3.2's, MIT).
    public static let builtIn = VADERLexicon(words: builtInWords, emoji: builtInEmoji)

    /// Parses `token<TAB>valence[<TAB>…]` lines and `emoji<TAB>description` lines; later lines win.
    init(words: String, emoji emojiLines: String) {
        valences = [:]
        emoji = [:]
        for line in words.split(separator: "\n") {
            if let (token, valence) = Self.entry(line) { valences[token] = valence }
        }
        for line in emojiLines.split(separator: "\n") {
            let fields = line.trimmingWhitespace().split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let scalars = fields[0].unicodeScalars
            // Text is scanned one scalar at a time, so only single-scalar emoji can match.
            if scalars.count == 1, let scalar = scalars.first { emoji[scalar] = String(fields[1]) }
        }
    }

    private static func entry(_ line: Substring) -> (String, Double)? {
        let fields = line.trimmingWhitespace().split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2, let valence = Double(fields[1]) else { return nil }
        return (String(fields[0]), valence)
    }

    /// This lexicon with the entries of a VADER-format lexicon file merged over it (its entries
    /// win). Tokens are matched lower-cased, so entries are stored lower-cased.
    ///
    /// - Throws: ``ConfigurationError`` naming the first malformed line.
    public func merging(lexiconText text: String, field: String = "lexicon") throws -> VADERLexicon {
        var merged = self
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let (token, valence) = Self.entry(trimmed) else {
                throw ConfigurationError(
                    field: field, "line \(number + 1) is not `token<TAB>valence` (a number from -4 to 4): `\(trimmed.prefix(60))`")
            }
            merged.valences[token.lowercased()] = valence
        }
        return merged
    }
}

extension Substring {
    /// Without leading and trailing white space (Python's `str.strip()`).
    func trimmingWhitespace() -> Substring {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, VADERText.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, VADERText.isSpace(last) { scalars = scalars.dropLast() }
        return Substring(scalars)
    }
}
