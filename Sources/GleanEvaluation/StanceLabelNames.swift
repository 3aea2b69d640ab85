import Foundation
import GleanStages

/// Reads the actors and blocs of labelled pairs as the label guide's scoring says: "after
/// normalising names (country names or ISO codes; bloc ids or names)". A file may write
/// `["Azerbaijan", "North Atlantic Treaty Organization", "partner"]`, `["aze", "nato", …]` or
/// `["AZ", "NATO", …]`; all are the stage's `AZ` and `NATO`.
public struct StanceLabelNames: Sendable {
    /// A labelled bloc as read.
    public enum Bloc: Sendable, Equatable {
        /// A bloc the stage reports under this id.
        case bloc(String)
        /// A programme or body of a bloc (`PFP`): the stage counts its mentions for `parent`, so a
        /// pair labelled with it is never found.
        case part(String, of: String)
        /// A body the gazetteer knows that the stage does not report (`UN`, `IMF`).
        case unreported(String)
    }

    private let gazetteer: Gazetteer
    private let codes: CountryCodes
    /// The bloc entries by their ids in capitals.
    private let blocs: [String: GazetteerEntry]
    /// The blocs the stage reports.
    private let reported: Set<String>

    /// Reads names with the entities gazetteer (country and bloc names, ids) and the alpha-3 codes,
    /// for a stage that reports `reported` (by default, the blocs it reports unless told others).
    public init(gazetteer: Gazetteer, codes: CountryCodes, reported: Set<String> = Set(StanceAnalyzer.defaultBlocs)) {
        self.gazetteer = gazetteer
        self.codes = codes
        self.reported = reported
        blocs = Dictionary(gazetteer.blocEntries.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The stage's code of a labelled actor: an ISO 3166-1 alpha-2 or alpha-3 code in any case (and
    /// the codes the UN corpus files former states under: `CSK`, `YUG`, `DDR`, `YMD`, `YDYE`), or an
    /// English name the gazetteer knows; `nil` when it names no country.
    public func actor(_ written: String) -> String? {
        codes.country(named: written, in: gazetteer)
    }

    /// A labelled bloc: its id in any case (`nato`, `warsaw pact`) or a name the gazetteer knows;
    /// `nil` when it names no bloc the gazetteer knows.
    public func bloc(_ written: String) -> Bloc? {
        let id = written.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: " ", with: "_")
        guard let entry = blocs[id] ?? gazetteer.bloc(named: written) else { return nil }
        if let parent = entry.parent { return .part(entry.canonical, of: parent) }
        return reported.contains(entry.canonical) ? .bloc(entry.canonical) : .unreported(entry.canonical)
    }
}
