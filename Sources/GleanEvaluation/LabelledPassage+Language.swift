import GleanStages

extension LabelledPassage {
    /// The confidence the language detector must reach before a passage without `lang` is read in
    /// another language than English: one English passage in 6,140 labelled ones (a Polish trade
    /// union's name) is taken for another language at this confidence, and that language has no
    /// stance cues.
    public static let detectionConfidence = 0.99

    /// Gives a passage whose file names no language the one `detector` finds, when it is one of
    /// `languages` (those with stance cues) other than English and the detector is at least
    /// ``detectionConfidence`` sure; the passage is read as English otherwise (a labelled file's
    /// passages are English unless they say, and a lower bar would read some as another
    /// language). Says whether it gave one.
    @discardableResult
    public mutating func detectLanguage(with detector: LanguageDetector, among languages: Set<String>) -> Bool {
        guard language == nil, let best = detector.detect(text).ranking.first,
            best.confidence >= Self.detectionConfidence, best.language.code != "en",
            languages.contains(best.language.code)
        else { return false }
        language = best.language.code
        return true
    }
}
