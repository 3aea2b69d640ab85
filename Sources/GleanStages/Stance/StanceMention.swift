/// A mention of an actor or a bloc in a ``StanceText``, over a range of its words.
struct StanceMention: Sendable, Hashable {
    /// What a mention refers to.
    enum Referent: Sendable, Hashable {
        /// A country, by ISO 3166-1 alpha-2 code.
        case actor(String)
        /// A bloc, by id, and the id of what is named: the bloc itself or one of its programmes
        /// (Partnership for Peace: bloc `NATO`, named `PFP`).
        case bloc(String, named: String)
        /// A word that refers back to an actor ("it", "the country").
        case actorReference
    }

    /// What it refers to.
    var referent: Referent
    /// Its words.
    var words: Range<Int>
    /// Its sentence.
    var sentence: Int
    /// Whether it follows a preposition ("in Baku", "the war in Ukraine"): a place, not an actor.
    var afterPreposition = false
    /// Whether it is part of a hyphenated word ("Russian-led"): only a pattern's `ACTOR` takes it.
    var isModifier = false
    /// Whether it names a person who acts for the actor (a known leader: "Putin" for Russia).
    var isPerson = false
    /// Whether it is a reference in the first person ("we", "our", "my country"): the speaker,
    /// when the document names one.
    var isFirstPerson = false
    /// Whether it names a bloc by an adjective alone ("non-aligned"): its words stay open to cues
    /// (a neutral "non-aligned status"), and it pairs only with actors the membership table has
    /// ever listed in the bloc, so that "Ukraine's non-aligned status" is no Non-Aligned Movement.
    var isAdjective = false

    /// The actor's code, if it names one.
    var actor: String? {
        if case .actor(let code) = referent { code } else { nil }
    }

    /// The bloc's id, if it names one.
    var bloc: String? {
        if case .bloc(let id, _) = referent { id } else { nil }
    }

    /// Whether it names a bloc by a name, not by an adjective alone: a bloc that a cue, "the
    /// alliance" or the next sentence may take as theirs.
    var isBlocName: Bool { bloc != nil && !isAdjective }
}
