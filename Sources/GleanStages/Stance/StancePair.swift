import GleanText

/// One actor's stance toward one bloc in a document, with the evidence for it.
public struct StancePair: Sendable, Hashable {
    /// The actor's ISO 3166-1 alpha-2 code.
    public var actor: String
    /// The actor's name.
    public var actorName: String
    /// The bloc's id (`NATO`, `CSTO`, …).
    public var bloc: String
    /// The bloc's name.
    public var blocName: String
    /// The stance the document supports best (for its most recent time).
    public var stance: Stance
    /// Other stances the text also supports, strongest first.
    public var also: [Stance]
    /// How sure the stage is, from 0 to 1.
    public var confidence: Double
    /// The year the text dates the stance to, if it does.
    public var asOf: Int?
    /// The cues that fired for this pair, in text order.
    public var evidence: [StanceEvidence]
}

/// A cue that fired for a pair: where, which, and what it signalled.
public struct StanceEvidence: Sendable, Hashable {
    /// The stance it signalled (after negation and programmes).
    public var stance: Stance
    /// Its weight.
    public var weight: Double
    /// The cue pattern, as written in the cue file.
    public var cue: String
    /// The words the cue matched, as written in the text.
    public var cueText: String
    /// The words the cue matched, in Unicode scalars.
    public var cueSpan: TextSpan
    /// The sentence's index.
    public var sentence: Int
    /// The sentence's span, in Unicode scalars.
    public var sentenceSpan: TextSpan
    /// Whether a negation turned the cue around.
    public var negated: Bool
    /// Whether the cue signals leaving, suspending or freezing participation.
    public var isWithdrawal: Bool
    /// The year the clause gives, if any.
    public var year: Int?
    /// When the cue's state holds, for ordering: a year, or earlier than any year for marked past
    /// ("had been"), or later than any for the present.
    public var time: Double
}
