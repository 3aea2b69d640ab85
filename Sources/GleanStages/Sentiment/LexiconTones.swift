import GleanCore
import Synchronization

/// The shipped tone lexicons of the languages other than English that the `sentiment` stage
/// scores (``LexiconTone``), each read from `Resources/tone/LANG.tsv` the first time a document
/// in its language asks for it, then kept for the process.
public enum LexiconTones {
    /// The languages with a lexicon (ISO 639-1), English aside.
    public static let languages = ["az", "de", "es", "fr", "ru", "tr", "uk"]

    private static let loaded = Mutex<[String: LexiconTone]>([:])

    /// The lexicon of `language`, or `nil` when there is none.
    public static func tone(for language: String) throws(GleanError) -> LexiconTone? {
        guard languages.contains(language) else { return nil }
        if let tone = loaded.withLock({ $0[language] }) { return tone }
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "tone/\(language).tsv"), of: "the \(language) tone lexicon",
            remedy: "rebuild it with scripts/build-tone-lexicons.py")
        let tone = try LexiconTone(
            tsv: String(decoding: bytes, as: UTF8.self), language: language, source: "tone/\(language).tsv")
        loaded.withLock { $0[language] = tone }
        return tone
    }
}
