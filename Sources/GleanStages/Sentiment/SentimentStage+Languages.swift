import GleanCore

extension SentimentStage {
    /// The languages the stage scores: English with VADER, the others with ``LexiconTone``.
    static let languages = ["en"] + LexiconTones.languages

    /// The result for a document the `language` stage found in `language` (not English): its
    /// tone by the language's lexicon, with `language` and `method: lexicon` added, or a skip
    /// naming the language and those the stage reads.
    static func otherLanguage(_ text: String, language: String, report: ToneReport) throws -> StageResult {
        guard let tone = try LexiconTones.tone(for: language) else {
            return .skipped(reason: "unsupported language: \(language) (sentiment reads \(languages.joined(separator: ", ")))")
        }
        return .serialized(report.output(for: text, scores: tone.scores, language: language))
    }
}
