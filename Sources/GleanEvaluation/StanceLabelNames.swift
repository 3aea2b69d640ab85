import GleanStages

/// Reads the actors and blocs of labelled pairs as the label guide's scoring says: "after
/// normalising names (country names or ISO codes; bloc ids or names)". A file may write
/// `["Azerbaijan", "North Atlantic Treaty Organization", "partner"]`, `["aze", "nato", …]` or
/// `["AZ", "NATO", …]`; all are the stage's `AZ` and `NATO`.
public struct StanceLabelNames: Sendable {
    private let gazetteer: Gazetteer
    private let codes: CountryCodes

    /// Reads names with the entities gazetteer (country and bloc names, ids) and the alpha-3 codes.
    public init(gazetteer: Gazetteer, codes: CountryCodes) {
        self.gazetteer = gazetteer
        self.codes = codes
    }

    /// The stage's code of a labelled actor: an ISO 3166-1 alpha-2 or alpha-3 code in any case, or
    /// an English name the gazetteer knows; `nil` when it names no country.
    public func actor(_ written: String) -> String? {
        if let code = gazetteer.country(named: written) { return code }
        return written.count == 3 ? codes.alpha2(alpha3: written) : nil
    }

    /// The stage's id of a labelled bloc: its id in any case or a name the gazetteer knows; `nil`
    /// when it names no bloc the gazetteer knows.
    public func bloc(_ written: String) -> String? {
        gazetteer.bloc(named: written)
    }
}

extension LabelledPassage {
    /// Writes this passage's labelled actors and blocs as the stage's codes and ids
    /// (`StanceLabelNames`), and returns the names it could not read, which stay as written.
    @discardableResult
    public mutating func normalizeNames(with names: StanceLabelNames) -> [String] {
        var unread: [String] = []
        for index in pairs.indices {
            if let actor = names.actor(pairs[index].actor) {
                pairs[index].actor = actor
            } else {
                unread.append(pairs[index].actor)
            }
            if let bloc = names.bloc(pairs[index].bloc) {
                pairs[index].bloc = bloc
            } else {
                unread.append(pairs[index].bloc)
            }
        }
        return unread
    }
}
