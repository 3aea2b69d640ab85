import GleanCore
import GleanText
import Synchronization

/// Country names in other languages than English (Debian iso-codes' translations and the
/// Unicode CLDR's names), one ``LocalizedCountryNames`` per language: the entities stage finds
/// and links them in documents written in those languages.
///
/// The file is read and checked at once; a language's names are indexed the first time a
/// document in that language asks for them, so that English-only runs do not pay for 148
/// languages.
///
/// Built by `scripts/build-gazetteer.py` into `Resources/country-names.tsv`. Blocs,
/// institutions, capitals, known leaders and the titles before people's names in some languages
/// (`Resources/names-i18n.tsv`, by `scripts/build-names-i18n.py`) are added with
/// ``addOtherNames(tsv:source:)``.
public struct CountryNames: Sendable {
    /// Each language's names with the entries they link to, as read.
    private var entries: [String: [(name: String, entry: GazetteerEntry)]] = [:]
    /// Each language's titles before people's names, lower-cased ("президент", "cumhurbaşkanı").
    private var titleWords: [String: [String]] = [:]
    /// Each language's beginnings of words that make capitalised words an organisation's or a
    /// place's name rather than a person's ("bankas", "министерств").
    private var organisationWords: [String: Set<String>] = [:]
    /// The languages indexed so far.
    private let indexed = Cache()

    /// No names.
    public init() {}

    /// Reads `language<TAB>name<TAB>alpha-2` lines (`#` comments); each name links to its
    /// country's code, with the country's English name from `english` when it has one.
    public init(tsv: String, source: String, english: Gazetteer) throws(GleanError) {
        for (number, line) in tsv.splitting(atControl: "\n").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.splitting(atControl: "\t").map(String.init)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw GleanError(.invalidModel, "\(source):\(number + 1): expected language<TAB>name<TAB>alpha-2")
            }
            let entry = GazetteerEntry(kind: .geopolitical, canonical: fields[2], name: english.name(of: fields[2]) ?? fields[1])
            entries[fields[0], default: []].append((fields[1], entry))
        }
    }

    /// Reads `language<TAB>form<TAB>kind<TAB>id<TAB>name<TAB>parent` lines (`#` comments): a
    /// bloc's, institution's, city's or known leader's name in a language, linked as the English
    /// gazetteer links it (parent `-` for none), or with kind `TITLE` a title before people's
    /// names, or with kind `NOTPERSON` the beginning of words that mark an organisation's or a
    /// place's name or a date.
    public mutating func addOtherNames(tsv: String, source: String) throws(GleanError) {
        for (number, line) in tsv.splitting(atControl: "\n").enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.splitting(atControl: "\t").map(String.init)
            guard fields.count == 6, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GleanError(
                    .invalidModel, "\(source):\(number + 1): expected language<TAB>form<TAB>kind<TAB>id<TAB>name<TAB>parent")
            }
            if fields[2] == "TITLE" {
                titleWords[fields[0], default: []].append(fields[1])
                continue
            }
            if fields[2] == "NOTPERSON" {
                organisationWords[fields[0], default: []].insert(fields[1])
                continue
            }
            guard let kind = Entity.Kind(rawValue: fields[2]) else {
                throw GleanError(.invalidModel, "\(source):\(number + 1): unknown kind `\(fields[2])`")
            }
            let entry = GazetteerEntry(
                kind: kind, canonical: fields[3], name: fields[4], parent: fields[5] == "-" ? nil : fields[5])
            entries[fields[0], default: []].append((fields[1], entry))
        }
    }

    /// The languages with names (ISO 639-1 or 639-3 codes).
    public var languages: [String] { entries.keys.sorted() }

    /// The languages with titles before people's names, whose people are found too.
    public var languagesWithTitles: [String] { titleWords.keys.sorted() }

    /// The finder of people in documents in `language`, if it has titles.
    public func people(in language: String) -> OtherLanguagePeople? {
        titles(in: language).map {
            OtherLanguagePeople(language: language, titles: $0, organisationWords: organisationWords[language] ?? [])
        }
    }

    /// The titles before people's names in `language` as names (each linked to itself, as a
    /// person), matched in lower-cased words with the language's inflection, if it has any.
    public func titles(in language: String) -> LocalizedCountryNames? {
        guard let list = titleWords[language] else { return nil }
        return indexed.names(of: "title:" + language) {
            var names = LocalizedCountryNames(inflection: .of(language))
            for title in list { names.add(title, GazetteerEntry(kind: .person, canonical: title, name: title)) }
            return names
        }
    }

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
        var names = try CountryNames(
            tsv: String(decoding: bytes, as: UTF8.self), source: "country-names.tsv", english: try Gazetteer.shipped)
        let others = try StageResources.bytes(
            at: StageResources.url(named: "names-i18n.tsv"), of: "the blocs' and titles' names in other languages",
            remedy: "rebuild them with scripts/build-names-i18n.py")
        try names.addOtherNames(tsv: String(decoding: others, as: UTF8.self), source: "names-i18n.tsv")
        return names
    }
}
