import GleanCore
import GleanText

/// Which states belong to, are candidates of, or partner with which blocs, and in which years:
/// the world knowledge the stance model weighs against what a passage says.
///
/// Read from `Resources/bloc-members.tsv` (built by `scripts/build-bloc-members.py` from
/// `scripts/gazetteer/bloc-members.tsv`, written here from the public record; see
/// docs/stages/alignment-stance.md#what-the-model-knows). The model learns how much to trust it:
/// a passage's own words still decide, as the label guide says.
public struct BlocMemberships: Sendable {
    /// A state's standing with a bloc.
    public enum Standing: String, Sendable, CaseIterable {
        /// A full member (founders included).
        case member
        /// An applicant, candidate or state in an accession process.
        case candidate
        /// A partner, observer, associate or dialogue partner.
        case partner
        /// A member whose membership was suspended.
        case suspended
    }

    /// One standing over a span of years.
    public struct Period: Sendable, Hashable {
        /// The standing.
        public var standing: Standing
        /// The first year (`nil`: not known, taken as always).
        public var from: Int?
        /// The last year (`nil`: still so).
        public var to: Int?

        /// Creates a period.
        public init(standing: Standing, from: Int?, to: Int?) {
            self.standing = standing
            self.from = from
            self.to = to
        }

        /// Whether the standing held in `year`.
        public func covers(_ year: Int) -> Bool {
            (from.map { $0 <= year } ?? true) && (to.map { year <= $0 } ?? true)
        }

        /// Whether the standing holds today.
        public var isCurrent: Bool { to == nil }
    }

    private var periods: [String: [Period]] = [:]
    /// The blocs the table covers (a state absent for one of them has no standing with it).
    public private(set) var blocs: Set<String> = []

    /// An empty table.
    public init() {}

    /// Reads the table: `bloc<TAB>actor<TAB>standing<TAB>from<TAB>to[<TAB>note]` lines, `#` comments.
    public init(tsv: String, source: String) throws(GleanError) {
        for (number, line) in tsv.splitting(atControl: "\n").enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.splitting(atControl: "\t").map(String.init)
            guard fields.count >= 5, let standing = Standing(rawValue: fields[2]),
                fields[3].isEmpty || Int(fields[3]) != nil, fields[4].isEmpty || Int(fields[4]) != nil
            else {
                throw GleanError(
                    .invalidModel,
                    "\(source):\(number + 1): expected bloc, actor, standing (member, candidate, partner, suspended), "
                        + "from year and to year, tab-separated")
            }
            blocs.insert(fields[0])
            periods[fields[1] + "/" + fields[0], default: []].append(
                Period(standing: standing, from: Int(fields[3]), to: Int(fields[4])))
        }
    }

    /// The standings of `actor` with `bloc`, in the table's order.
    public func periods(actor: String, bloc: String) -> [Period] {
        periods[actor + "/" + bloc] ?? []
    }

    /// The year the shipped table is written as of (`scripts/gazetteer/bloc-members.tsv`: "as known
    /// in 2025"): a text written then or later is read at today's standings.
    public static let writtenAsOf = 2025

    /// The shipped table (`Resources/bloc-members.tsv`), read once.
    public static var shipped: BlocMemberships {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "bloc-members.tsv"), of: "the bloc membership table",
            remedy: "run scripts/build-bloc-members.py")
        return try BlocMemberships(tsv: String(decoding: bytes, as: UTF8.self), source: "bloc-members.tsv")
    }
}
