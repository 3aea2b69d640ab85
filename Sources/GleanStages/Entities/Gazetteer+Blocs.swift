extension Gazetteer {
    /// The ids of the blocs the gazetteer knows (`NATO`, `PFP`, `EU`, …), sorted: organisations
    /// that belong to no country — at the top, or under another bloc as its programme or body
    /// (`PFP` under `NATO`) — unlike parliaments and ministries, whose parent is their country.
    public var blocIDs: [String] {
        var parents: [String: String?] = [:]
        for entry in entries.values where entry.kind == .organisation {
            if parents[entry.canonical] == nil || entry.parent == nil { parents[entry.canonical] = .some(entry.parent) }
        }
        func isBloc(_ id: String, depth: Int = 0) -> Bool {
            guard depth < 8, let parent = parents[id] else { return false }
            guard let parent else { return true }
            return isBloc(parent, depth: depth + 1)
        }
        return parents.keys.filter { isBloc($0) }.sorted()
    }
}
