import GleanCore
import GleanText

/// The `alignment-stance` analysis in every language it has cues for: one ``StanceAnalyzer`` per
/// language (the built-in cue files, with a user's cues merged over them), and the entities of
/// a text in its language when no `entities` result is given.
public struct StanceLanguages: Sendable {
    /// The analyzer of each language, by ISO 639-1 code.
    public private(set) var analyzers: [String: StanceAnalyzer]
    /// Finds the countries and blocs of English texts.
    public let recognizer: EntityRecognizer
    /// The names of countries, blocs and institutions in other languages.
    let names: CountryNames

    /// The languages read, sorted.
    public var languages: [String] { analyzers.keys.sorted() }

    /// Builds the analyzers of every language with built-in cues, and of every language of
    /// `extra` (a user's cues by language, merged over the built-in ones), reporting `blocs`,
    /// deciding with `model` (the rules alone when `nil`).
    public init(
        extra: [String: StanceCues.Parsed] = [:], blocs: Set<String> = Set(StanceAnalyzer.defaultBlocs),
        model: StanceModel?
    ) throws(GleanError) {
        recognizer = try EntityRecognizer.shipped
        names = try CountryNames.shipped
        var analyzers: [String: StanceAnalyzer] = [:]
        let memberships = try BlocMemberships.shipped
        for language in Set(try StanceCues.shippedLanguages).union(extra.keys) {
            var cues = try StanceCues.shipped(language: language) ?? StanceCues()
            cues.language = language
            if let added = extra[language] { cues.merge(added.cues, replacing: added.replacing) }
            let tone: (any WordValences)? = language == "en" ? try VADERLexicon.shipped : try LexiconTones.tone(for: language)
            analyzers[language] = StanceAnalyzer(
                cues: cues, gazetteer: recognizer.gazetteer, blocs: blocs, model: model, memberships: memberships,
                tone: tone)
        }
        self.analyzers = analyzers
    }

    /// The analyzer of `language` (`nil`: unsupported).
    public func analyzer(for language: String) -> StanceAnalyzer? {
        analyzers[language]
    }

    /// The countries, blocs and institutions of `text` in `language`, found as the `entities`
    /// stage finds them (English by its recogniser; other languages by their names alone).
    public func entities(in text: String, language: String) -> [Entity] {
        entities(in: TokenizedText(text), language: language)
    }

    /// The countries, blocs and institutions of a text already cut into tokens and sentences.
    public func entities(in text: TokenizedText, language: String) -> [Entity] {
        guard language != "en", let localized = names.names(in: language) else { return recognizer.entities(in: text) }
        let people = names.titles(in: language).map { OtherLanguagePeople(language: language, titles: $0) }
        return recognizer.entities(in: text, knownOnly: localized, people: people)
    }

    /// The stance pairs of `text` in `language` (entities found here when `entities` is `nil`),
    /// or `nil` when the language has no cues; `speaker` is the country the text speaks for and
    /// `year` the year it was written, when known.
    public func pairs(
        in text: String, language: String, entities: [Entity]? = nil, speaker: String? = nil, year: Int? = nil
    ) -> [StancePair]? {
        guard let analyzer = analyzers[language] else { return nil }
        return analyzer.pairs(
            in: text, entities: entities ?? self.entities(in: text, language: language), speaker: speaker, year: year)
    }
}
