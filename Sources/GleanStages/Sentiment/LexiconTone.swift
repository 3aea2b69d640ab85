import GleanCore
import GleanText

/// The tone of text in a language other than English, scored as VADER scores English but from a
/// smaller lexicon: each word's valence (−4 … 4), turned by a negator within the three words
/// before it (or, in Turkish and Azerbaijani, by a negative verb suffix or by "değil"/"deyil"
/// after it), raised by a booster or lowered by a dampener just before it. The compound and the
/// negative, neutral and positive shares are VADER's formulas.
///
/// A lexicon entry is a word as written or a stem with `*` ("угроз*" for угроза, угрозы,
/// угрозу…); a word takes its own entry, else that of the longest stem it begins with. Words are
/// compared lower-cased, split at apostrophes and hyphens ("n'a", "AB'nin").
///
/// The lexicons (`Resources/tone/LANG.tsv`) are built by `scripts/build-tone-lexicons.py`.
public struct LexiconTone: Sendable {
    /// The language (ISO 639-1).
    public let language: String
    private var words: [String: Double] = [:]
    private var stems: [String: Double] = [:]
    /// By the first two scalars of every stem, the lengths (in scalars) of the stems that begin
    /// so and of the stems shorter than two scalars, longest first: a word beginning otherwise
    /// has no stem, and is passed over without cutting it up; one beginning so is cut only at
    /// the lengths a stem of its own could have.
    private var stemLengths: [String: [Int]] = [:]
    /// The lengths that stems have, longest first: those tried for a word that holds a scalar
    /// that may compose or decompose (``mayCompose(_:)``), which can equal a stem of another
    /// length, or for every word when a stem holds one.
    private var allStemLengths: [Int] = []
    private var stemsMayCompose = false
    private var negators: Set<String> = []
    private var postNegators: Set<String> = []
    private var boosters: Set<String> = []
    private var dampeners: Set<String> = []
    private var negativeSuffixes: [String] = []

    /// How much a negation scales a valence (VADER's factor).
    static let negation = -0.74
    /// How much a booster adds to a valence's size (VADER's).
    static let boost = 0.293

    /// Reads a lexicon in the format `scripts/build-tone-lexicons.py` writes: `word<TAB>valence`,
    /// `stem*<TAB>valence` and `@negator`/`@postnegator`/`@booster`/`@dampener`/`@negsuffix<TAB>word`.
    public init(tsv: String, language: String, source: String) throws(GleanError) {
        self.language = language
        for (number, line) in tsv.splitting(atControl: "\n").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.splitting(atControl: "\t").map(String.init)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GleanError(.invalidModel, "\(source):\(number + 1): expected word<TAB>valence or @mark<TAB>word")
            }
            switch fields[0] {
            case "@negator": negators.insert(fields[1])
            case "@postnegator": postNegators.insert(fields[1])
            case "@booster": boosters.insert(fields[1])
            case "@dampener": dampeners.insert(fields[1])
            case "@negsuffix": negativeSuffixes.append(fields[1])
            default:
                guard let value = Double(fields[1]), (-4...4).contains(value) else {
                    throw GleanError(.invalidModel, "\(source):\(number + 1): `\(fields[1])` is not a valence from -4 to 4")
                }
                if fields[0].hasSuffix("*") {
                    let stem = String(fields[0].dropLast())
                    stems[stem] = value
                } else {
                    words[fields[0]] = value
                }
            }
        }
        stemLengths = Self.stemLengths(of: stems.keys)
        allStemLengths = Set(stems.keys.map(\.unicodeScalars.count)).sorted(by: >)
        stemsMayCompose = stems.keys.contains { $0.unicodeScalars.contains(where: Self.mayCompose) }
    }

    /// ``stemLengths`` for `stems`. A stem of two scalars or more begins as the words it is
    /// found in do; a shorter one may end any word's opening, so its length goes with every
    /// opening.
    private static func stemLengths(of stems: some Sequence<String>) -> [String: [Int]] {
        var byOpening: [String: Set<Int>] = [:]
        var short: Set<Int> = []
        for stem in stems {
            let length = stem.unicodeScalars.count
            byOpening[String(String.UnicodeScalarView(stem.unicodeScalars.prefix(2))), default: []].insert(length)
            if length < 2 { short.insert(length) }
        }
        return byOpening.mapValues { $0.union(short).sorted(by: >) }
    }

    /// The scores of `text`.
    public func scores(_ text: String) -> SentimentScores {
        let reading = reading(text)
        return scores(of: reading, words: 0..<reading.words.count)
    }

    /// The scores of the words `range` of `reading`: a word's booster, dampener and negators are
    /// looked for among these words only.
    func scores(of reading: Reading, words range: Range<Int>) -> SentimentScores {
        let tokens = reading.words
        var valences: [Double] = []
        valences.reserveCapacity(range.count)
        for index in range {
            guard let (found, negatedBySuffix) = reading.valences[index] else {
                valences.append(0)
                continue
            }
            var value = found
            if index > range.lowerBound, value != 0 {
                if boosters.contains(tokens[index - 1]) { value += value > 0 ? Self.boost : -Self.boost }
                if dampeners.contains(tokens[index - 1]), abs(value) > Self.boost {
                    value -= value > 0 ? Self.boost : -Self.boost
                }
            }
            let before = tokens[max(range.lowerBound, index - 3)..<index]
            let after = tokens[(index + 1)..<min(range.upperBound, index + 3)]
            if negatedBySuffix || before.contains(where: negators.contains) || after.contains(where: postNegators.contains) {
                value *= Self.negation
            }
            valences.append(value)
        }
        return Self.scores(valences)
    }

    /// The valence of `word`, and whether a negative suffix follows the stem it was found by.
    func valence(of word: String) -> (value: Double, negatedBySuffix: Bool)? {
        if let value = words[word] { return (value, false) }
        let scalars = word.unicodeScalars
        guard let openingLengths = stemLengths[String(scalars.prefix(2))] else { return nil }
        var count = 0
        var composes = stemsMayCompose
        for scalar in scalars {
            count += 1
            if !composes && Self.mayCompose(scalar) { composes = true }
        }
        for length in composes ? allStemLengths : openingLengths where length <= count {
            let end = scalars.index(scalars.startIndex, offsetBy: length)
            if let value = stems[String(scalars[..<end])] {
                let rest = String(scalars[end...])
                return (value, negativeSuffixes.contains { rest.hasPrefix($0) })
            }
        }
        return nil
    }

    /// Whether `scalar` may take part in a canonical composition or decomposition, so that a
    /// text holding it can equal one of another length in scalars: a combining mark, a Hangul
    /// jamo or syllable.
    static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        if scalar.value < UInt32(composingScalars.count) { return composingScalars[Int(scalar.value)] }
        return mayComposeByProperties(scalar)
    }

    private static func mayComposeByProperties(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return (0x1100...0x11FF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value)
        }
    }

    /// ``mayCompose(_:)`` for every scalar below U+3000 (surrogates are no scalars: false).
    private static let composingScalars: [Bool] = (0..<UInt32(0x3000)).map { value in
        Unicode.Scalar(value).map(mayComposeByProperties) ?? false
    }

    /// VADER's scores from the valences of a text's words (0 for a word without one).
    static func scores(_ valences: [Double]) -> SentimentScores {
        guard !valences.isEmpty else { return .zero }
        let sum = valences.reduce(0, +)
        let compound = sum / (sum * sum + 15).squareRoot()
        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        for value in valences {
            if value > 0 {
                positive += value + 1
            } else if value < 0 {
                negative += value - 1
            } else {
                neutral += 1
            }
        }
        let total = positive + abs(negative) + neutral
        return SentimentScores(
            negative: VADERAnalyzer.round(abs(negative) / total, places: 3),
            neutral: VADERAnalyzer.round(neutral / total, places: 3),
            positive: VADERAnalyzer.round(positive / total, places: 3),
            compound: VADERAnalyzer.round(compound, places: 4))
    }

    /// The lower-cased words of `text`, with where each lies in its scalars: runs of letters and
    /// combining marks, split at anything else; the dot above of a lower-cased Turkish "İ" is
    /// dropped ("İşgal" → "işgal").
    static func wordSpans(in text: String) -> [(word: String, span: TextSpan)] {
        var words: [(word: String, span: TextSpan)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty {
                words.append((String(current).lowercased().replacingDotAbove(), TextSpan(start: start, end: offset)))
            }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return words
    }

    /// Whether `scalar` is part of a word: alphabetic, or a combining mark. Looked up in a table
    /// below U+3000 (Latin, Cyrillic, Greek, Arabic, the Indic scripts…), where the Unicode
    /// properties cost a search each.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < UInt32(wordScalars.count) { return wordScalars[Int(scalar.value)] }
        return isWordScalarByProperties(scalar)
    }

    private static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }

    /// ``isWordScalar(_:)`` for every scalar below U+3000 (surrogates are no scalars: false).
    private static let wordScalars: [Bool] = (0..<UInt32(0x3000)).map { value in
        Unicode.Scalar(value).map(isWordScalarByProperties) ?? false
    }
}

extension String {
    /// The string without U+0307 COMBINING DOT ABOVE, which lower-casing "İ" leaves after "i".
    fileprivate func replacingDotAbove() -> String {
        guard unicodeScalars.contains("\u{0307}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\u{0307}" }))
    }
}
