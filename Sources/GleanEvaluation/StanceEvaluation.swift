import GleanCore
import GleanStages

/// Runs the `alignment-stance` analysis over labelled passages and scores it, as
/// `glean eval stance` and the development-set tests do.
public struct StanceEvaluation: Sendable {
    /// A passage whose pairs differ from its labels.
    public struct Mismatch: Sendable {
        /// The passage.
        public var passage: LabelledPassage
        /// The pairs found, with their confidence.
        public var found: [StancePair]
    }

    /// The score over every passage.
    public private(set) var score = StanceScore()
    /// Every pair found, with its confidence and whether it is labelled with that primary stance.
    public private(set) var answers: [(confidence: Double, right: Bool)] = []
    /// The reliability table of ``answers``.
    public var reliability: StanceReliability { StanceReliability(answers) }
    /// Passages whose found pairs (actor, bloc, primary stance) differ from the labelled ones.
    public private(set) var mismatches: [Mismatch] = []

    /// Scores `analyzer` (with entities from `recognizer`) on `passages`, leaving out pairs below
    /// `minConfidence`.
    public init(
        passages: [LabelledPassage], recognizer: EntityRecognizer, analyzer: StanceAnalyzer, minConfidence: Double
    ) {
        for passage in passages {
            let found = analyzer.pairs(in: passage.text, entities: recognizer.entities(in: passage.text))
                .filter { $0.confidence >= minConfidence }
            score.add(labelled: passage.pairs, found: found.map { ($0.actor, $0.bloc, $0.stance) })
            let want = Set(passage.pairs.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" })
            answers += found.map { ($0.confidence, want.contains("\($0.actor)/\($0.bloc)/\($0.stance.rawValue)")) }
            let got = Set(found.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" })
            if want != got { mismatches.append(Mismatch(passage: passage, found: found)) }
        }
    }

    /// Scores the shipped recogniser and cues, as the stage runs with its defaults.
    public static func shipped(passages: [LabelledPassage], minConfidence: Double = 0.3) throws -> StanceEvaluation {
        let recognizer = try EntityRecognizer.shipped
        let analyzer = StanceAnalyzer(
            cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer, model: try StanceModel.shipped)
        return StanceEvaluation(passages: passages, recognizer: recognizer, analyzer: analyzer, minConfidence: minConfidence)
    }
}
