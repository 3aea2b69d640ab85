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
        // The text's words are read and looked up once, for it and for its sentences.
        let reading = tone.reading(text)
        return .serialized(
            report.output(
                for: text, whole: tone.scores(of: reading, words: 0..<reading.words.count),
                sentenceScores: { span, sentence in tone.scores(of: reading, in: span) ?? tone.scores(String(sentence)) },
                language: language))
    }
}
