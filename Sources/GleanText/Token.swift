/// A token found by ``Tokenizer``.
public struct Token: Sendable, Hashable {
    /// What kind of token it is.
    public enum Kind: Sendable, Hashable {
        /// Letters (with inner apostrophes and hyphens), possibly mixed with digits.
        case word
        /// Digits, with inner separators (`3.5`, `1,000`).
        case number
        /// Any other visible character.
        case punctuation
    }

    /// Where the token is.
    public var span: TextSpan
    /// Its kind.
    public var kind: Kind

    /// Creates a token.
    public init(span: TextSpan, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}
