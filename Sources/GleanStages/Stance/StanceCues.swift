import GleanCore

/// Everything the `alignment-stance` stage matches: cue patterns per stance, bloc programmes
/// with their own stance, and the word lists for negation, attribution, time and reference.
///
/// The built-in set is ``shipped``; a user's file is merged over it with ``merge(_:)``.
public struct StanceCues: Sendable {
    /// The language the cues are written in (an ISO 639-1 code).
    public var language = "en"
    /// The cue patterns.
    public var cues: [StanceCue] = []
    /// Bloc programmes (by id) whose mention carries a stance toward the parent bloc
    /// (`PFP` → `partner`).
    public var programmes: [String: Stance] = [:]
    /// Words that name one country's leaving a bloc ("Brexit").
    public var exits: [StanceExit] = []
    /// Words that negate a cue shortly before it.
    public var negators = WordMatcher([String]())
    /// Word forms that carry their own negation (Turkish `katılmayacak`, `*maya*`): a cue word
    /// of this form is negated.
    public var negatedForms = WordMatcher([String]())
    /// Phrases (as words) that negate a cue shortly after it.
    public var negatedAfter: [[String]] = []
    /// Words after which the sentence reports another party's claim.
    public var attributions = WordMatcher([String]())
    /// Phrases (as words) that make a cue's time past.
    public var pastMarkers: [[String]] = []
    /// Words that make a following `seeking` cue `neutral` (undecided: "considering applying").
    public var hedges = WordMatcher([String]())
    /// Words that mark the present.
    public var presentMarkers = WordMatcher([String]())
    /// Words that refer back to an actor.
    public var actorReferences = WordMatcher([String]())
    /// Words of the first person ("we", "our", "my"): a reference among them, or after one of
    /// them ("my country"), is the document's speaker when one is known. A word here that is
    /// not also in ``actorReferences`` acts only before a reference ("my" in "my country").
    public var firstPerson = WordMatcher([String]())
    /// Words that refer back to a bloc after `the`.
    public var blocReferences = WordMatcher([String]())
    /// Conjunctions that start a new clause ("but", "while").
    public var clauseWords = WordMatcher([String]())
    /// Prepositions after which a place name is a place, not an actor ("in", "from").
    public var prepositions = WordMatcher([String]())
    /// Words for events and documents that a city's name may name ("summit", "treaty"): the city
    /// before one ("the Lisbon Treaty"), or after a capitalised one and English `of` ("the Treaty
    /// of Lisbon"), is no actor.
    public var eventWords = WordMatcher([String]())
    /// Words that join a list of mentions besides commas ("and", "or", "both").
    public var listWords = WordMatcher([String]())
    /// Articles that may stand before a mention ("the").
    public var articles = WordMatcher([String]())
    /// Verbs that make the actor before them the speaker of the sentence ("said", "warned").
    public var sayingVerbs = WordMatcher([String]())
    /// Whether words are split at inner apostrophes (French `l'OTAN`, Turkish `NATO'ya`), so that
    /// names and the words around them are found.
    public var splitsApostrophes = false

    /// An empty set.
    public init() {}

    /// Adds `other` over this set: its cues are added (or replace those of the stances it lists
    /// in `replacing`), its programmes override, its word lists are added.
    public mutating func merge(_ other: StanceCues, replacing: Set<Stance> = []) {
        cues.removeAll { replacing.contains($0.stance) }
        cues += other.cues
        programmes.merge(other.programmes) { _, new in new }
        exits += other.exits
        negators.formUnion(other.negators)
        negatedForms.formUnion(other.negatedForms)
        negatedAfter += other.negatedAfter
        attributions.formUnion(other.attributions)
        pastMarkers += other.pastMarkers
        presentMarkers.formUnion(other.presentMarkers)
        hedges.formUnion(other.hedges)
        actorReferences.formUnion(other.actorReferences)
        firstPerson.formUnion(other.firstPerson)
        blocReferences.formUnion(other.blocReferences)
        clauseWords.formUnion(other.clauseWords)
        prepositions.formUnion(other.prepositions)
        eventWords.formUnion(other.eventWords)
        sayingVerbs.formUnion(other.sayingVerbs)
        listWords.formUnion(other.listWords)
        articles.formUnion(other.articles)
        splitsApostrophes = splitsApostrophes || other.splitsApostrophes
    }
}
