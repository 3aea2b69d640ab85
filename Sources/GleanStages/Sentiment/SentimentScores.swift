/// VADER's scores for a text: the proportions of negative, neutral and positive tokens and the
/// normalised compound score.
public struct SentimentScores: Sendable, Hashable {
    /// Share of negative sentiment, rounded to three decimals as VADER does.
    public var negative: Double
    /// Share of neutral tokens, three decimals.
    public var neutral: Double
    /// Share of positive sentiment, three decimals.
    public var positive: Double
    /// The sum of valences normalised to −1 … 1, four decimals.
    public var compound: Double

    /// Creates scores.
    public init(negative: Double, neutral: Double, positive: Double, compound: Double) {
        self.negative = negative
        self.neutral = neutral
        self.positive = positive
        self.compound = compound
    }

    /// All zero: a text without tokens.
    public static let zero = SentimentScores(negative: 0, neutral: 0, positive: 0, compound: 0)
}
