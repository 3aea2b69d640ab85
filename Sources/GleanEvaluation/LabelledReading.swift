import GleanCore
import GleanStages

/// How `glean eval stance` and `glean train stance` read a labelled passage before scoring or
/// training on it, so that a file labelled elsewhere is read as the project's own files are:
/// actors, blocs and speaker written as names or other codes become the stage's codes
/// (`StanceLabelNames`); a passage without `speaker`, `date` or `lang` takes what its id says of its
/// document (`CorpusMetadata`); a passage still without `lang` is read in the language the
/// detector is sure of, when the stage has cues for it (`detectLanguage(with:among:)`).
public struct LabelledReading: Sendable {
    /// Reads names and codes.
    public var names: StanceLabelNames
    /// Reads ids.
    public var metadata: CorpusMetadata
    /// Finds the language of a passage without `lang`.
    public var detector: LanguageDetector
    /// The languages with stance cues.
    public var languages: Set<String>

    /// Passages given their speaker by their id.
    public private(set) var speakersFromIDs = 0
    /// Passages given their year by their id.
    public private(set) var yearsFromIDs = 0
    /// Passages given their language by their id (`…@ru`) or by the detector.
    public private(set) var languagesFound = 0
    /// What could not be read as the stage reports it (``LabelledPassage/normalizeNames(with:)``).
    public private(set) var unread: Set<String> = []

    /// Reads with the shipped country codes, language model and cue languages, and `gazetteer`.
    public init(gazetteer: Gazetteer) throws(GleanError) {
        let codes = try CountryCodes.shipped
        names = StanceLabelNames(gazetteer: gazetteer, codes: codes)
        metadata = CorpusMetadata(codes: codes)
        detector = LanguageDetector(model: try LanguageModel.shipped)
        languages = Set(AlignmentStanceStage.supportedLanguages)
    }

    /// Reads one passage.
    public mutating func read(_ passage: inout LabelledPassage) {
        unread.formUnion(passage.normalizeNames(with: names))
        let given = passage.complete(from: metadata)
        speakersFromIDs += given.contains(.speaker) ? 1 : 0
        yearsFromIDs += given.contains(.year) ? 1 : 0
        let detected = passage.detectLanguage(with: detector, among: languages)
        languagesFound += given.contains(.language) || detected ? 1 : 0
    }

    /// A warning line naming what could not be read as the stage reports it, or nothing.
    public func warning(command: String) -> String {
        guard !unread.isEmpty else { return "" }
        let listed = unread.sorted().prefix(12).joined(separator: ", ") + (unread.count > 12 ? ", …" : "")
        return "\(command): labels the stage never reports, scored as written (they count as missed): \(listed)\n"
    }
}
