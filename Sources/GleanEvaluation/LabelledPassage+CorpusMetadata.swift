import GleanStages

extension LabelledPassage {
    /// What `complete(from:)` gave a passage.
    public struct Completion: OptionSet, Sendable {
        /// The raw bits.
        public var rawValue: UInt8
        /// The set of `rawValue`.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The speaker was read from the passage's id.
        public static let speaker = Completion(rawValue: 1)
        /// The year was read from the passage's id.
        public static let year = Completion(rawValue: 2)
        /// The language was read from the passage's id.
        public static let language = Completion(rawValue: 4)
    }

    /// Gives this passage the speaker, the year and the language its id names (`CorpusMetadata`),
    /// or else its `source` and `path`, where its file gave none, as a pipeline with `speaker_field` and
    /// `date_field` would read its document, and says which it gave.
    @discardableResult
    public mutating func complete(from metadata: CorpusMetadata) -> Completion {
        var given: Completion = []
        let names = [id] + (document.map { [$0] } ?? [])
        if speaker == nil, let found = names.lazy.compactMap(metadata.speaker(ofPassage:)).first {
            speaker = found
            given.insert(.speaker)
        }
        if year == nil, let date = names.lazy.compactMap(metadata.date(ofPassage:)).first,
            let found = DocumentDate.year(of: date)
        {
            year = found
            given.insert(.year)
        }
        if language == nil, let found = metadata.language(ofPassage: id) {
            language = found
            given.insert(.language)
        }
        return given
    }
}
