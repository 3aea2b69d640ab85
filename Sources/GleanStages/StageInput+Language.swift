import GleanCore

extension StageInput {
    /// The document's language as an upstream stage found it: the `language` stage's code, or
    /// the `language` the `entities` stage records for a document not in English.
    var upstreamLanguage: String? {
        resultsByStage["language"]?["code"]?.stringValue ?? resultsByStage["entities"]?["language"]?.stringValue
    }

    /// A skipped result when an upstream stage found another language than `code` (stages that
    /// read one language only use it); `nil` when the document should be analysed.
    func skipUnlessLanguage(_ code: String) -> StageResult? {
        guard let found = upstreamLanguage, found != code else { return nil }
        return .skipped(reason: "unsupported language: \(found)")
    }
}
