extension Gazetteer {
    /// Organisations of the whole world that are no bloc one aligns with: the UN and its bodies,
    /// the financial institutions, the courts.
    public static let globalBodies: Set<String> = ["UN", "UNSC", "IMF", "WB", "WTO", "WHO", "IAEA", "ICC"]

    /// The ids of the blocs the gazetteer knows (`NATO`, `PFP`, `EU`, …), sorted: the entries
    /// marked as blocs (the rows of `scripts/gazetteer/blocs.tsv`: blocs, their programmes and
    /// bodies), not parliaments, ministries, companies or parties.
    public var blocIDs: [String] {
        Set(entries.values.lazy.filter { $0.kind == .organisation && $0.isBloc }.map(\.canonical)).sorted()
    }

    /// The blocs the stance stage reports by default: bloc ids without a parent (programmes and
    /// institutions of a bloc have their bloc as parent), less ``globalBodies``; sorted.
    public var blocs: [String] {
        var ids = Set<String>()
        for entry in entries.values where entry.kind == .organisation && entry.isBloc && entry.parent == nil {
            ids.insert(entry.canonical)
        }
        return ids.subtracting(Self.globalBodies).sorted()
    }
}
