import GleanCore
import Synchronization

/// Country names in other languages than English (Debian iso-codes' translations and the
/// Unicode CLDR's names), one ``LocalizedCountryNames`` per language: the entities stage finds
/// and links them in documents written in those languages.
///
/// The file is read and checked at once; a language's names are indexed the first time a
/// document in that language asks for them, so that English-only runs do not pay for 148
/// languages.
///
/// Built by `scripts/build-gazetteer.py` into `Resources/country-names.tsv`.
public struct CountryNames: Sendable {
    /// Each language's names with the entries they link to, as read.
    private var entries: [String: [(name: String, entry: GazetteerEntry)]] = [:]
    /// The languages indexed so far.
    private let indexed = Cache()

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
            entries[fields[0], default: []].append((fields[1], entry))
        }
    }

    /// The languages with names (ISO 639-1 or 639-3 codes).
    public var languages: [String] { entries.keys.sorted() }

    /// The country names of `language`, if there are any.
    public func names(in language: String) -> LocalizedCountryNames? {
        guard let list = entries[language] else { return nil }
        return indexed.names(of: language) {
            var names = LocalizedCountryNames(inflection: .of(language))
            for (name, entry) in list { names.add(name, entry) }
            return names
        }
    }

    /// The languages' indexed names, shared by the copies of one ``CountryNames``.
    private final class Cache: Sendable {
        private let byLanguage = Mutex<[String: LocalizedCountryNames]>([:])

        /// The names of `language`, made by `make` the first time.
        func names(of language: String, _ make: () -> LocalizedCountryNames) -> LocalizedCountryNames {
            byLanguage.withLock { cached in
                if let names = cached[language] { return names }
                let names = make()
                cached[language] = names
                return names
            }
        }
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
