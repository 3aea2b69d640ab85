import GleanCore
import GleanStages

/// How `glean eval stance` and `glean train stance` read a labelled passage before scoring or
/// training on it, so that a file labelled elsewhere is read as the project's own files are:
/// actors, blocs and speaker written as names or other codes become the stage's codes
/// (`StanceLabelNames`); a passage without `speaker`, `date` or `lang` takes what its id says of its
/// document (`CorpusMetadata`); a passage still without `lang` is read in the language the
/// detector is sure of, when the stage has cues for it (`detectLanguage(with:among:)`), and in
/// English otherwise.
public struct LabelledReading: Sendable {
    /// Reads names and codes.
    public var names: StanceLabelNames
    /// Reads ids.
    public var metadata: CorpusMetadata
    /// Finds the language of a passage without `lang` (the language model is read when one needs it).
    public private(set) var detector: LanguageDetector?
    /// The languages with stance cues.
    public var languages: Set<String>

    /// Passages given their speaker by their id.
    public private(set) var speakersFromIDs = 0
    /// Passages given their year by their id.
    public private(set) var yearsFromIDs = 0
    /// Passages given a language other than English by their id (`…@ru`) or by the detector.
    public private(set) var languagesFound = 0
    /// Labels the stage never reports (``LabelledPassage/UnreadNames/labels``).
    public private(set) var unread: Set<String> = []
    /// Speakers that name no country.
    public private(set) var unknownSpeakers: Set<String> = []

    /// Reads with the shipped country codes, language model and cue languages, and `gazetteer`.
    public init(gazetteer: Gazetteer) throws(GleanError) {
        let codes = try CountryCodes.shipped
        names = StanceLabelNames(gazetteer: gazetteer, codes: codes)
        metadata = CorpusMetadata(codes: codes)
        languages = Set(AlignmentStanceStage.supportedLanguages)
    }

    /// Reads one passage: what its id says first, then every name as the stage's code (a speaker
    /// from the id too), then its language.
    public mutating func read(_ passage: inout LabelledPassage) throws(GleanError) {
        let given = passage.complete(from: metadata)
        let unreadNames = passage.normalizeNames(with: names)
        unread.formUnion(unreadNames.labels)
        if let speaker = unreadNames.speaker {
            unknownSpeakers.insert(given.contains(.speaker) ? "\(speaker) (from the id)" : speaker)
        }
        speakersFromIDs += given.contains(.speaker) && passage.speaker != nil ? 1 : 0
        yearsFromIDs += given.contains(.year) ? 1 : 0
        if passage.language == nil {
            if detector == nil { detector = LanguageDetector(model: try LanguageModel.shipped) }
            if let detector, passage.detectLanguage(with: detector, among: languages) { languagesFound += 1 }
        } else if given.contains(.language), passage.language != "en" {
            languagesFound += 1
        }
    }

    /// Warning lines naming what could not be read as the stage reports it, or nothing.
    public func warning(command: String) -> String {
        func listed(_ names: Set<String>) -> String {
            names.sorted().prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
        }
        var lines = ""
        if !unread.isEmpty {
            lines += "\(command): labels the stage never reports (they count as missed): \(listed(unread))\n"
        }
        if !unknownSpeakers.isEmpty {
            lines +=
                "\(command): speakers that name no country the gazetteer knows, read without a speaker: "
                + "\(listed(unknownSpeakers))\n"
        }
        return lines
    }
}
