import Foundation

/// The VADER sentiment method (Hutto & Gilbert, ICWSM 2014), written for Glean from the paper
/// and the published lexicons, scoring exactly as vaderSentiment 3.3.2 does.
///
/// Each token gets a valence from the lexicon, adjusted by the words before it (boosters and
/// dampeners, negation within three words, "no", "least", idioms), by ALL-CAPS emphasis, and
/// by a following or preceding "but"; the sum, amplified by `!` and `?`, is normalised to the
/// compound score.
public struct VADERAnalyzer: Sendable {
    /// The lexicon scored with.
    public let lexicon: VADERLexicon

    /// An analyzer over `lexicon` (the built-in one by default).
    public init(lexicon: VADERLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// One token with what the rules ask of it, computed once.
    struct Token {
        /// The token lower-cased.
        var lower: String
        /// Python's `isupper()` of the token.
        var isUpper: Bool
        /// Its lexicon valence, `nil` when it is not in the lexicon.
        var valence: Double?
        /// Its booster or dampener increment, if it is one.
        var booster: Double?
    }

    /// Scores `text`.
    public func scores(_ text: String) -> SentimentScores {
        let prepared = describingEmoji(text)
        let tokens = tokenize(prepared)
        guard !tokens.isEmpty else { return .zero }
        let upperCount = tokens.reduce(0) { $0 + ($1.isUpper ? 1 : 0) }
        let capsStandOut = upperCount > 0 && upperCount < tokens.count
        var valences = [Double](repeating: 0, count: tokens.count)
        for index in tokens.indices {
            valences[index] = valence(at: index, in: tokens, capsStandOut: capsStandOut)
        }
        Self.applyBut(&valences, tokens: tokens)
        return Self.score(valences, text: prepared)
    }

    // MARK: - Reading the text

    /// The text with each emoji replaced by its description, then trimmed.
    func describingEmoji(_ text: String) -> Substring {
        var hasEmoji = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 && lexicon.emoji[scalar] != nil {
            hasEmoji = true
            break
        }
        guard hasEmoji else { return Substring(text).trimmingWhitespace() }
        var out = String.UnicodeScalarView()
        var afterSpace = true
        for scalar in text.unicodeScalars {
            if let description = lexicon.emoji[scalar] {
                if !afterSpace { out.append(" ") }
                out.append(contentsOf: description.unicodeScalars)
                afterSpace = false
            } else {
                out.append(scalar)
                afterSpace = scalar == " "
            }
        }
        return Substring(String(out)).trimmingWhitespace()
    }

    /// Tokens split at white space, with leading and trailing punctuation removed unless that
    /// would leave two characters or fewer (so emoticons such as `:)` survive).
    func tokenize(_ text: Substring) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            while index < scalars.endIndex, VADERText.isSpace(scalars[index]) { index = scalars.index(after: index) }
            guard index < scalars.endIndex else { break }
            let start = index
            while index < scalars.endIndex, !VADERText.isSpace(scalars[index]) { index = scalars.index(after: index) }
            let word = Substring(scalars[start..<index])
            tokens.append(makeToken(Self.strippingPunctuation(word)))
        }
        return tokens
    }

    private static func strippingPunctuation(_ word: Substring) -> Substring {
        var scalars = word.unicodeScalars[...]
        while let first = scalars.first, VADERText.isPunctuation(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, VADERText.isPunctuation(last) { scalars = scalars.dropLast() }
        return scalars.count <= 2 ? word : Substring(scalars)
    }

    private func makeToken(_ word: Substring) -> Token {
        let lower = VADERText.lowercase(word)
        return Token(
            lower: lower, isUpper: VADERText.isUpper(word), valence: lexicon.valences[lower],
            booster: VADERVocabulary.boosters[lower])
    }

    // MARK: - Scoring

    /// Sums the valences, adds punctuation emphasis, normalises, and splits into proportions.
    static func score(_ valences: [Double], text: Substring) -> SentimentScores {
        var exclamations = 0
        var questions = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "!") { exclamations += 1 }
            if byte == UInt8(ascii: "?") { questions += 1 }
        }
        var emphasis = Double(min(exclamations, 4)) * 0.292
        if questions > 1 { emphasis += questions <= 3 ? Double(questions) * 0.18 : 0.96 }

        var sum = 0.0
        for valence in valences { sum += valence }
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        let compound = max(-1, min(1, sum / (sum * sum + 15).squareRoot()))

        var positive = 0.0
        var negative = 0.0
        var neutral = 0
        for valence in valences {
            if valence > 0 { positive += valence + 1 }
            if valence < 0 { negative += valence - 1 }
            if valence == 0 { neutral += 1 }
        }
        if positive > abs(negative) {
            positive += emphasis
        } else if positive < abs(negative) {
            negative -= emphasis
        }
        let total = positive + abs(negative) + Double(neutral)
        return SentimentScores(
            negative: round(abs(negative / total), places: 3), neutral: round(abs(Double(neutral) / total), places: 3),
            positive: round(abs(positive / total), places: 3), compound: round(compound, places: 4))
    }

    /// Rounds to `places` decimals as Python's `round` does: by the exact binary value, ties to
    /// even. Scaling is exact enough except within a hair of a tie, where the exact decimal
    /// expansion (C's `%.*f`, correctly rounded) decides.
    static func round(_ value: Double, places: Int) -> Double {
        let scale = places == 3 ? 1e3 : 1e4
        let scaled = value * scale
        let fraction = scaled - scaled.rounded(.down)
        if abs(fraction - 0.5) > 1e-6 {
            return scaled.rounded(.toNearestOrEven) / scale
        }
        return Double(String(format: "%.\(places)f", value)) ?? scaled.rounded(.toNearestOrEven) / scale
    }
}
