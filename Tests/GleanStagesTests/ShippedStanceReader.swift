import GleanStages

/// The shipped entity recognizer and English stance analyzer, read once per suite, as the stance
/// tests that work on candidates need them.
struct ShippedStanceReader {
    /// The shipped entities stage's recognizer.
    let recognizer: EntityRecognizer
    /// The English cues over the shipped gazetteer and membership table (no model: the tests
    /// read candidates and their evidence).
    let analyzer: StanceAnalyzer

    init() throws {
        recognizer = try EntityRecognizer.shipped
        analyzer = StanceAnalyzer(
            cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer, memberships: try BlocMemberships.shipped)
    }
}
