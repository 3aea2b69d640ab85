import Foundation
import GleanCore

extension Gazetteer {
    /// Organisations of the whole world that are no bloc one aligns with: the UN and its bodies,
    /// the financial institutions, the courts.
    public static let globalBodies: Set<String> = ["UN", "UNSC", "IMF", "WB", "WTO", "WHO", "IAEA", "ICC"]

    /// The ids of the blocs the gazetteer knows (`NATO`, `PFP`, `EU`, …), sorted: the entries
    /// marked as blocs (the rows of `scripts/gazetteer/blocs.tsv`: blocs, their programmes and
    /// bodies), not parliaments, ministries, companies or parties.
    public var blocIDs: [String] {
        blocEntries.keys.sorted()
    }

    /// Every bloc entry (blocs, their programmes and bodies), by its id: `PFP` is Partnership for
    /// Peace, with `NATO` as its parent.
    public var blocEntries: [String: GazetteerEntry] {
        var found: [String: GazetteerEntry] = [:]
        for entry in entries.values where entry.kind == .organisation && entry.isBloc {
            found[entry.canonical] = entry
        }
        return found
    }

    /// The bloc a surface form names as written (`NATO`, "North Atlantic Treaty Organization",
    /// "Partnership for Peace"); `nil` for one that names no bloc.
    public func bloc(named value: String) -> GazetteerEntry? {
        guard let entry = entry(for: tokens(of: value.trimmingCharacters(in: .whitespacesAndNewlines))[...]),
            entry.kind == .organisation, entry.isBloc
        else { return nil }
        return entry
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

    /// The shipped gazetteer's bloc ids (``blocIDs``) and default stance blocs (``blocs``), read
    /// from its marked lines without building the gazetteer: stage descriptors need them at every
    /// `glean` start, before any stage is built.
    public static var shippedBlocs: (ids: [String], topLevel: [String]) {
        get throws(GleanError) { try scannedShippedBlocs.get() }
    }

    private static let scannedShippedBlocs = Result { () throws(GleanError) -> (ids: [String], topLevel: [String]) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "gazetteer.tsv"), of: "the gazetteer",
            remedy: "rebuild it with scripts/build-gazetteer.py")
        var ids = Set<String>()
        var topLevel = Set<String>()
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count > 5, fields[1].elementsEqual("ORG".utf8), fields[5].elementsEqual("bloc".utf8) else { continue }
            let id = String(decoding: fields[2], as: UTF8.self)
            ids.insert(id)
            if fields[4].isEmpty || fields[4].elementsEqual("-".utf8) { topLevel.insert(id) }
        }
        return (ids.sorted(), topLevel.subtracting(globalBodies).sorted())
    }
}
