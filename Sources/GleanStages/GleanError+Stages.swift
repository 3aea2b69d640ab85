import GleanCore

extension GleanError.Code {
    /// A model or lexicon resource a built-in stage needs is missing or damaged.
    public static let invalidModel = GleanError.Code("invalid_model")
}
