import GleanCore

extension StageInput {
    /// A skipped result when the `language` stage ran and found another language than `code`
    /// (stages that read one language only use it); `nil` when the document should be analysed.
    func skipUnlessLanguage(_ code: String) -> StageResult? {
        guard let found = resultsByStage["language"]?["code"]?.stringValue, found != code else { return nil }
        return .skipped(reason: "unsupported language: \(found)")
    }
}
