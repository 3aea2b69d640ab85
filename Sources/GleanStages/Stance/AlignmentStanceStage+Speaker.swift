import GleanCore
import Logging
import OrderedCollections

extension AlignmentStanceStage {
    /// The country `document` speaks for: its `speaker_field` read as a country code (ISO 3166-1
    /// alpha-2 or alpha-3) or name.
    /// A value that names no country is logged once, as a warning, and the document is read
    /// without a speaker.
    func speaker(of document: Document) -> String? {
        guard let field = speakerField, let value = document.fields[field], value != JSONValue.null else { return nil }
        guard case .string(let text) = value else {
            if unknownSpeakers.isNew("(\(value.typeName))") {
                logger.warning(
                    "`\(field)` should be a country code or name, got \(value.typeName); read without a speaker")
            }
            return nil
        }
        guard !text.isEmpty else { return nil }
        // `countryCodes` is read whenever the stage has a `speaker_field`.
        if let code = countryCodes?.country(named: text, in: languages.recognizer.gazetteer) { return code }
        if unknownSpeakers.isNew(text) {
            logger.warning(
                "`\(field)` names no country the gazetteer knows: `\(text)` (give an ISO 3166-1 alpha-2 or alpha-3 code or an English name); read without a speaker"
            )
        }
        return nil
    }
}
