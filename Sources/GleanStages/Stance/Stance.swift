/// Where an actor stands toward aligning with a bloc (see docs/stages/alignment-stance.md).
public enum Stance: String, Sendable, Hashable, CaseIterable, Codable {
    /// Belongs to the bloc: member, founder, leader, full participant.
    case member
    /// Wants or applies to join, or is in an accession process.
    case seeking
    /// Cooperates institutionally without being a member or seeking membership.
    case partner
    /// Declares neutrality or non-alignment, declines to join, or is undecided.
    case neutral
    /// Hostile to the bloc, or withdraws, suspends or freezes its own participation.
    case opposed

    /// The stance a negated cue of this stance gives when the cue does not say ("does not seek
    /// membership" is `neutral`; "is not a member" is `neutral`; other negated cues say nothing).
    public var negatedByDefault: Stance? {
        switch self {
        case .seeking, .member: .neutral
        case .partner, .neutral, .opposed: nil
        }
    }
}
