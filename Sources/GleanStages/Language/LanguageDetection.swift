import GleanText

/// What ``LanguageDetector`` found in a text.
public struct LanguageDetection: Sendable {
    /// Why no language could be named.
    public enum Failure: String, Sendable {
        /// The text has no letters (numbers, URLs, emoji or punctuation only).
        case noLetters = "no-letters"
        /// The letters are in a writing system none of the candidate languages uses.
        case unsupportedScript = "unsupported-script"
    }

    /// How the ranking was decided.
    public enum Method: String, Sendable {
        /// The writing system left one candidate.
        case script
        /// Character n-gram statistics ranked the candidates.
        case ngrams
    }

    /// A candidate language and its confidence in [0, 1].
    public struct Candidate: Sendable {
        /// The language.
        public var language: Language
        /// Probability that the text is in this language, among the candidates.
        public var confidence: Double
    }

    /// The candidates, most likely first (empty when ``failure`` is set).
    public var ranking: [Candidate]
    /// Why there is no ranking, if there is none.
    public var failure: Failure?
    /// How the ranking was decided.
    public var method: Method
    /// Letters in the text.
    public var letters: Int
    /// Letters the statistics read before the winner was certain (long texts stop early).
    public var lettersRead: Int
    /// The writing system of most letters.
    public var script: Script?

    /// The most likely language, if any.
    public var best: Candidate? { ranking.first }
}
