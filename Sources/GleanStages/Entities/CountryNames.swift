import GleanCore

/// Country names in other languages than English (Debian iso-codes' translations), as one
/// gazetteer per language: the entities stage finds and links them in documents written in
/// those languages.
///
/// Built by `scripts/build-gazetteer.py` into `Resources/country-names.tsv`.
public struct CountryNames: Sendable {
    private var gazetteers: [String: Gazetteer] = [:]

    /// No names.
    public init() {}

    /// Reads `language<TAB>name<TAB>alpha-2` lines (`#` comments); each name links to its
    /// country's code, with the country's English name from `english` when it has one.
    public init(tsv: String, source: String, english: Gazetteer) throws(GleanError) {
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw GleanError(.invalidModel, "\(source):\(number + 1): expected language<TAB>name<TAB>alpha-2")
            }
            let entry = GazetteerEntry(kind: .geopolitical, canonical: fields[2], name: english.name(of: fields[2]) ?? fields[1])
            gazetteers[fields[0], default: Gazetteer()].add(fields[1], entry)
        }
    }

    /// The languages with names (ISO 639-1 or 639-3 codes).
    public var languages: [String] { gazetteers.keys.sorted() }

    /// The country names of `language`, if there are any.
    public func gazetteer(for language: String) -> Gazetteer? {
        gazetteers[language]
    }
}

extension CountryNames {
    /// The names that ship with Glean, loaded once.
    public static var shipped: CountryNames {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "country-names.tsv"), of: "the translated country names",
            remedy: "rebuild them with scripts/build-gazetteer.py")
        return try CountryNames(
            tsv: String(decoding: bytes, as: UTF8.self), source: "country-names.tsv", english: try Gazetteer.shipped)
    }
}
