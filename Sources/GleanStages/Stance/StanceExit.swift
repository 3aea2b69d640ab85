/// A word that names one country's leaving a bloc ("Brexit": the United Kingdom leaving the
/// EU): wherever it stands, the stage reads that actor's withdrawal from that bloc.
public struct StanceExit: Sendable, Hashable {
    /// The word, as a cue word list matches it (`brexit`, `брексит*`).
    public var words: WordMatcher
    /// The country that leaves, by ISO 3166-1 alpha-2 code.
    public var actor: String
    /// The bloc it leaves, by id.
    public var bloc: String

    /// The exit of `actor` from `bloc`, named by `words`.
    public init(words: WordMatcher, actor: String, bloc: String) {
        self.words = words
        self.actor = actor
        self.bloc = bloc
    }
}
