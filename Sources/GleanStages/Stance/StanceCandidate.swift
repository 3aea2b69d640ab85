import GleanText

/// An actor and a bloc that a text may pair, with the features the ``StanceModel`` reads: the
/// cues' evidence for the pair, the rules' reading of it, and where the two are named together.
public struct StanceCandidate: Sendable {
    /// The actor's ISO 3166-1 alpha-2 code.
    public var actor: String
    /// The bloc's id.
    public var bloc: String
    /// The features, by name (language-independent: stances, cue strengths, distances, lists,
    /// negation, time; never the text's own words).
    public var features: [String: Double]
    /// The cues that fired for the pair, in text order.
    public var evidence: [StanceEvidence]
    /// The rules' reading of the evidence, if any cue fired.
    public var rule: StancePair?
    /// The first sentence that names both, when no cue fired: the evidence shown for the pair.
    public var sentence: (index: Int, span: TextSpan)?
}
