/// A text cut into tokens and sentences by the default ``Tokenizer`` and ``SentenceSplitter``,
/// with its scalars: the reading that several analyses of one text start from, made once.
///
/// A stage that tokenised a document shares this with the stages after it (through the stage
/// contract's artifacts); a stage that receives one checks ``isReading(of:)`` before using it.
public struct TokenizedText: Sendable {
    /// The text as given.
    public let source: String
    /// The text's scalars, with the UTF-8 offsets that cut a span's text in one copy.
    public let text: ScalarText
    /// The tokens, in text order.
    public let tokens: [Token]
    /// The sentences, in text order.
    public let sentences: [TextSpan]

    /// Reads `source`.
    public init(_ source: String) {
        self.source = source
        text = ScalarText(source)
        tokens = Self.tokenizer.tokens(in: text.scalars)
        sentences = Self.splitter.sentences(in: text.scalars)
    }

    private static let tokenizer = Tokenizer()
    private static let splitter = SentenceSplitter()

    /// The text's scalars.
    public var scalars: [Unicode.Scalar] { text.scalars }

    /// Whether this is the reading of `text` (so a stage may use it in place of its own).
    public func isReading(of text: String) -> Bool {
        source == text
    }
}
