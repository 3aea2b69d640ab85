import GleanCore

/// A pattern of words that signals a stance ("applied to join", "BLOC member", "withdr*").
///
/// Patterns are matched on the lower-cased words of one sentence; see the syntax at the top of
/// `Resources/stance-cues/en.yaml` and in docs/stages/alignment-stance.md.
public struct StanceCue: Sendable, Hashable {
    /// One element of a pattern.
    public enum Element: Sendable, Hashable {
        /// One word from a set.
        case word(WordMatcher)
        /// Up to ``StanceCue/maximumGap`` words, not across a clause boundary.
        case gap
        /// A mention of a bloc.
        case bloc
        /// A mention of a country: the cue's actor.
        case actor
    }

    /// The longest gap `...` stands for, in words.
    public static let maximumGap = 5

    /// The pattern as written.
    public var pattern: String
    /// The stance it signals.
    public var stance: Stance
    /// How strongly (1 is an ordinary cue).
    public var weight: Double
    /// The stance it signals when negated, or `nil` when a negated cue says nothing.
    public var negated: Stance?
    /// The elements, in order.
    public var elements: [Element]
    /// Words that must not come just before the match (`!from|among` at the start of a pattern).
    public var notAfter: WordMatcher?
    /// Whether it signals leaving, suspending or freezing participation.
    public var isWithdrawal = false

    /// Parses `pattern`. Throws with a message naming what is wrong.
    public init(pattern: String, stance: Stance, weight: Double = 1, negated: Stance?? = nil) throws(GleanError) {
        self.pattern = pattern
        self.stance = stance
        self.weight = weight
        self.negated = negated ?? stance.negatedByDefault
        var parts = pattern.split(separator: " ").map(String.init)
        if let first = parts.first, first.hasPrefix("!") {
            notAfter = WordMatcher(first.dropFirst().split(separator: "|").map(String.init))
            parts.removeFirst()
        }
        elements = []
        for part in parts {
            switch part {
            case "...": elements.append(.gap)
            case "BLOC": elements.append(.bloc)
            case "ACTOR": elements.append(.actor)
            default:
                let alternatives = part.split(separator: "|").map(String.init)
                guard !alternatives.isEmpty, alternatives.allSatisfy({ $0 != "*" }) else {
                    throw GleanError(
                        .invalidConfiguration, "cue `\(pattern)`: `\(part)` is not a word, `a|b`, `word*`, `...`, BLOC or ACTOR")
                }
                elements.append(.word(WordMatcher(alternatives)))
            }
        }
        guard elements.contains(where: { if case .word = $0 { true } else { false } }) else {
            throw GleanError(.invalidConfiguration, "cue `\(pattern)` has no word to match")
        }
        if case .gap = elements.first {
            throw GleanError(.invalidConfiguration, "cue `\(pattern)` starts with a gap `...`")
        }
        if case .gap = elements.last {
            throw GleanError(.invalidConfiguration, "cue `\(pattern)` ends with a gap `...`")
        }
        guard weight > 0, weight.isFinite else {
            throw GleanError(.invalidConfiguration, "cue `\(pattern)`: weight must be a positive number")
        }
    }

    /// Whether the pattern names its actor (`ACTOR`).
    public var namesActor: Bool { elements.contains(.actor) }

    /// Whether `word` is one of the pattern's own words (not a word in a gap).
    public func isOwnWord(_ word: String) -> Bool {
        elements.contains { if case .word(let matcher) = $0 { matcher.matches(word) } else { false } }
    }
}
