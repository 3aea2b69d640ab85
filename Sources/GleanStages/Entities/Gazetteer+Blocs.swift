extension Gazetteer {
    /// The ids of the blocs the gazetteer knows (`NATO`, `PFP`, `EU`, …), sorted: the entries
    /// marked as blocs (the rows of `scripts/gazetteer/blocs.tsv`: blocs, their programmes and
    /// bodies), not parliaments, ministries, companies or parties.
    public var blocIDs: [String] {
        Set(entries.values.lazy.filter { $0.kind == .organisation && $0.isBloc }.map(\.canonical)).sorted()
    }
}
