/// A named entity found in a text.
public struct Entity: Sendable, Hashable {
    /// The kinds of entity the `entities` stage reports.
    public enum Kind: String, Sendable, CaseIterable {
        /// People.
        case person = "PERSON"
        /// Organisations, blocs, institutions, companies.
        case organisation = "ORG"
        /// Countries, cities, states.
        case geopolitical = "GPE"
        /// Other places: regions, seas, mountains.
        case location = "LOC"
        /// Nationalities and other groups named as adjectives or nouns ("Azerbaijani").
        case group = "NORP"
        /// Calendar dates and years.
        case date = "DATE"
    }

    /// The text of the mention.
    public var text: String
    /// Its kind.
    public var kind: Kind
    /// First Unicode scalar of the mention.
    public var start: Int
    /// Unicode scalar after its end.
    public var end: Int
    /// The canonical id it links to, if any (ISO 3166-1 alpha-2 for countries).
    public var canonical: String?
    /// The canonical name, if linked.
    public var canonicalName: String?
    /// The id of the bloc or country it belongs to, if any (Partnership for Peace → NATO).
    public var parent: String?
    /// Index of the sentence it is in.
    public var sentence: Int
    /// For people and organisations, an id shared by the mentions of one entity within the
    /// document (`p1`, `o2`; ``EntityCoreference``).
    public var id: String? = nil
}
