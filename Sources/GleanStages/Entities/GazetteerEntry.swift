/// A surface form a gazetteer knows: its kind and canonical identity.
public struct GazetteerEntry: Sendable, Hashable {
    /// The kind of entity.
    public var kind: Entity.Kind
    /// The canonical id (ISO 3166-1 alpha-2 for countries; a bloc's id such as `NATO`).
    public var canonical: String
    /// The canonical name.
    public var name: String
    /// The parent bloc or country id, if any.
    public var parent: String?
    /// Whether it names a bloc, or a bloc's programme or body (`NATO`, `PFP`): an organisation
    /// states align with, unlike companies, parties and agencies.
    public var isBloc: Bool

    /// An entry.
    public init(kind: Entity.Kind, canonical: String, name: String, parent: String? = nil, isBloc: Bool = false) {
        self.kind = kind
        self.canonical = canonical
        self.name = name
        self.parent = parent
        self.isBloc = isBloc
    }
}
