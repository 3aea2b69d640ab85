/// The tunable constants of ``LanguageDetector``'s n-gram scoring. The defaults were chosen on
/// the evaluation sets (docs/stages/language.md gives the figures).
public struct LanguageScoring: Sendable {
    /// Weight of each n-gram order's log-probabilities, orders 1 to 5.
    public var orderWeights: [Float] = [0.5, 1, 1.5, 2, 3]
    /// Natural-log penalty added when a language lacks an n-gram and its shorter prefix's
    /// value is used instead (one step of back-off).
    public var backoffPenalty: Float = -4
    /// Divides the weighted score differences before the softmax that turns them into
    /// confidences (larger: less certain).
    public var temperature: Float = 1
    /// Texts with at least this many letters are scored with ``longTextOrderWeights`` and
    /// ``longTextBackoffPenalty``: over a sentence, the frequent short n-grams add reliable
    /// evidence, while single words need the distinctive long ones.
    public var longText = 40
    /// ``orderWeights`` for long texts.
    public var longTextOrderWeights: [Float] = [1, 1, 1, 1, 1]
    /// ``backoffPenalty`` for long texts.
    public var longTextBackoffPenalty: Float = -3
    /// Weight of a capitalised word that does not begin the text: names say less about the
    /// language around them than other words.
    public var nameWeight: Float = 0.25
    /// Long texts stop being read once this many letters have been scored and the leader's
    /// margin over the runner-up is at least ``earlyStopMargin``.
    public var earlyStopLetters = 120
    /// The weighted log-probability margin that ends reading early.
    public var earlyStopMargin: Float = 80
    /// The log-probability of a letter a language has never seen; `nil` gives each language
    /// the log of its rarest letter's probability minus one. A mild value keeps a stray
    /// letter (a mis-encoded `ý` in Turkish text) from outweighing every other letter.
    public var unseenLetter: Float? = -4
    /// A script other than Latin decides the candidates when it holds at least this share of
    /// the letters: Latin names, URLs and boilerplate are common inside text in other scripts,
    /// the reverse is rare.
    public var nonLatinPriority = 0.25

    /// The defaults.
    public init() {}
}
