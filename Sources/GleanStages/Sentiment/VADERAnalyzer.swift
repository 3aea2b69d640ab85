import Foundation
import GleanCore

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

    /// An analyzer over `lexicon`.
    public init(lexicon: VADERLexicon) {
        self.lexicon = lexicon
    }

    /// An analyzer over the shipped VADER lexicons.
    public static var shipped: VADERAnalyzer {
        get throws(GleanError) { VADERAnalyzer(lexicon: try .shipped) }
    }

    /// One token with what the rules ask of it, computed once.
    struct Token {
        /// Python's `isupper()` of the token.
        var isUpper: Bool
        /// What the lexicon knows of it.
        var entry: VADERLexicon.Entry

        /// Its lexicon valence, `nil` when it is not in the lexicon.
        var valence: Double? { entry.valence }
        /// The function word it is, if any.
        var function: VADERLexicon.FunctionWord { entry.function }
    }

    /// Scores `text`.
    public func scores(_ text: String) -> SentimentScores {
        let prepared = describingEmoji(text)
        let (tokens, idiomWords, marks) = tokenize(prepared)
        guard !tokens.isEmpty else { return .zero }
        let upperCount = tokens.reduce(0) { $0 + ($1.isUpper ? 1 : 0) }
        let capsStandOut = upperCount > 0 && upperCount < tokens.count
        var valences = [Double](repeating: 0, count: tokens.count)
        for index in tokens.indices {
            valences[index] = valence(at: index, in: tokens, idiomWords: idiomWords, capsStandOut: capsStandOut)
        }
        Self.applyBut(&valences, tokens: tokens)
        return Self.score(valences, exclamations: marks.exclamations, questions: marks.questions)
    }

    // MARK: - Reading the text

    /// The text with each emoji replaced by its description. (The reference then trims the
    /// text; that changes neither the tokens nor the `!` and `?` counts, so it is not done.)
    func describingEmoji(_ text: String) -> String {
        var hasEmoji = false
        if !VADERText.isASCII(text) {
            for scalar in text.unicodeScalars where scalar.value >= 0x80 && lexicon.emojiDescription(scalar) != nil {
                hasEmoji = true
                break
            }
        }
        guard hasEmoji else { return text }
        var out = String.UnicodeScalarView()
        var afterSpace = true
        for scalar in text.unicodeScalars {
            if let description = lexicon.emojiDescription(scalar) {
                if !afterSpace { out.append(" ") }
                out.append(contentsOf: description.unicodeScalars)
                afterSpace = false
            } else {
                out.append(scalar)
                afterSpace = scalar == " "
            }
        }
        return String(out)
    }

    /// Tokens split at white space, with leading and trailing ASCII punctuation removed unless
    /// that would leave two characters or fewer (so emoticons such as `:)` survive).
    ///
    /// Returns the tokens; for tokens that occur in idioms, their lower-cased text (other
    /// tokens' entries are empty strings); and the text's counts of `!` and `?`, which are
    /// never white space, so the pass over the tokens sees every one.
    func tokenize(_ text: String) -> (
        tokens: [Token], idiomWords: [String], marks: (exclamations: Int, questions: Int)
    ) {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 5)
            var scratch: [UInt8] = []
            var idiomWords: [String] = []
            var marks = (exclamations: 0, questions: 0)
            let table = lexicon.table
            var index = 0
            let count = bytes.count
            while index < count {
                var width = VADERText.spaceWidth(bytes, at: index)
                while width > 0 {
                    index += width
                    width = index < count ? VADERText.spaceWidth(bytes, at: index) : 0
                }
                guard index < count else { break }
                let start = index
                // One pass gathers what the later steps would otherwise scan for again.
                var nonASCII = false
                var upperASCII = false
                var lowerASCII = false
                var apostrophe = false
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte <= 0x20 && VADERText.spaceWidth(bytes, at: index) > 0 { break }
                        if byte >= 0x61 && byte <= 0x7A {
                            lowerASCII = true
                        } else if byte >= 0x41 && byte <= 0x5A {
                            upperASCII = true
                        } else if byte == UInt8(ascii: "'") {
                            apostrophe = true
                        } else if byte == UInt8(ascii: "!") {
                            marks.exclamations += 1
                        } else if byte == UInt8(ascii: "?") {
                            marks.questions += 1
                        }
                        index += 1
                    } else {
                        if VADERText.spaceWidth(bytes, at: index) > 0 { break }
                        nonASCII = true
                        index += VADERText.scalarLength(byte)
                    }
                }
                let end = min(index, count)
                var first = start
                var last = end
                while first < last, VADERText.isPunctuation(byte: bytes[first]) { first += 1 }
                while last > first, VADERText.isPunctuation(byte: bytes[last - 1]) { last -= 1 }
                var keepsPunctuation = last - first <= 2
                if !keepsPunctuation && nonASCII {
                    var scalarCount = 0
                    for position in first..<last where bytes[position] & 0xC0 != 0x80 { scalarCount += 1 }
                    keepsPunctuation = scalarCount <= 2
                }
                let word = UnsafeBufferPointer(rebasing: keepsPunctuation ? bytes[start..<end] : bytes[first..<last])
                let entry: VADERLexicon.Entry
                if !nonASCII && !upperASCII {
                    entry =
                        table.entry(word) ?? VADERLexicon.Entry(negates: apostrophe && VADERText.containsContractedNegation(word))
                } else if nonASCII && !lexicon.matchesNonASCII && !VADERText.containsKelvinSign(word) {
                    // Every key is ASCII, and only the Kelvin sign lower-cases to an ASCII letter:
                    // the word matches no entry, lower-cased or not.
                    entry = VADERLexicon.Entry(negates: apostrophe && VADERText.containsContractedNegation(word))
                } else {
                    entry = VADERText.withLowercase(word, scratch: &scratch) { lower in
                        table.entry(lower)
                            ?? VADERLexicon.Entry(negates: apostrophe && VADERText.containsContractedNegation(word))
                    }
                }
                let isUpper = nonASCII ? VADERText.isUpper(word) : (upperASCII && !lowerASCII && VADERText.isUpper(word))
                if entry.inIdiom {
                    if idiomWords.count < tokens.count { idiomWords += repeatElement("", count: tokens.count - idiomWords.count) }
                    idiomWords.append(VADERText.lowercase(word))
                }
                tokens.append(Token(isUpper: isUpper, entry: entry))
            }
            if !idiomWords.isEmpty && idiomWords.count < tokens.count {
                idiomWords += repeatElement("", count: tokens.count - idiomWords.count)
            }
            return (tokens, idiomWords, marks)
        }
    }

    // MARK: - Scoring

    /// Sums the valences, adds punctuation emphasis, normalises, and splits into proportions.
    static func score(_ valences: [Double], exclamations: Int, questions: Int) -> SentimentScores {
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
