import Foundation
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
    /// The score of each language's passages, by code (`en` for passages without `lang`).
    public private(set) var scoreByLanguage: [String: StanceScore] = [:]
    /// How many passages each language has.
    public private(set) var passagesByLanguage: [String: Int] = [:]
    /// Every pair found, with its confidence and whether it is labelled with that primary stance.
    public private(set) var answers: [(confidence: Double, right: Bool)] = []
    /// The reliability table of ``answers``.
    public var reliability: StanceReliability { StanceReliability(answers) }
    /// Passages whose found pairs (actor, bloc, primary stance) differ from the labelled ones.
    public private(set) var mismatches: [Mismatch] = []

    /// Scores `analyzer` (with entities from `recognizer`) on `passages`, leaving out pairs below
    /// `minConfidence`; passages in another language than English are read by `languages`
    /// (with no pairs when it is `nil` or has no cues for theirs).
    public init(
        passages: [LabelledPassage], recognizer: EntityRecognizer, analyzer: StanceAnalyzer, minConfidence: Double,
        languages: StanceLanguages? = nil
    ) {
        for passage in passages {
            let language = passage.language ?? "en"
            let pairs =
                language == "en"
                ? analyzer.pairs(
                    in: passage.text, entities: recognizer.entities(in: passage.text), speaker: passage.speaker,
                    year: passage.year)
                : languages?.pairs(in: passage.text, language: language, speaker: passage.speaker, year: passage.year)
                    ?? []
            let found = pairs.filter { $0.confidence >= minConfidence }
            let predicted = found.map { ($0.actor, $0.bloc, $0.stance) }
            score.add(labelled: passage.pairs, found: predicted)
            scoreByLanguage[language, default: StanceScore()].add(labelled: passage.pairs, found: predicted)
            passagesByLanguage[language, default: 0] += 1
            let want = Set(passage.pairs.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" })
            answers += found.map { ($0.confidence, want.contains("\($0.actor)/\($0.bloc)/\($0.stance.rawValue)")) }
            let got = Set(found.map { "\($0.actor)/\($0.bloc)/\($0.stance.rawValue)" })
            if want != got { mismatches.append(Mismatch(passage: passage, found: found)) }
        }
    }

    /// Scores the shipped recogniser and cues of every language, as the stage runs with its
    /// defaults.
    public static func shipped(passages: [LabelledPassage], minConfidence: Double = 0.3) throws -> StanceEvaluation {
        let languages = try StanceLanguages(model: try StanceModel.shipped)
        guard let analyzer = languages.analyzer(for: "en") else {
            throw GleanError(.invalidModel, "no English stance cues")
        }
        return StanceEvaluation(
            passages: passages, recognizer: languages.recognizer, analyzer: analyzer, minConfidence: minConfidence,
            languages: languages)
    }

    /// One line per language (when there is more than one): passages, labelled pairs, pair
    /// P/R/F1, strict macro F1 over the five stances and over the stances labelled in that
    /// language's passages.
    public var languageReport: String {
        guard scoreByLanguage.count > 1 else { return "" }
        var report = "by language:  passages  pairs    P     R    F1 | macro F1 (5 stances) (labelled stances)\n"
        for (language, score) in scoreByLanguage.sorted(by: { $0.key < $1.key }) {
            let pairs = score.pairs
            report += String(
                format: "  %@ %12d %6d %5.1f %5.1f %5.1f | %19.1f %18.1f\n",
                language.padding(toLength: 4, withPad: " ", startingAt: 0),
                passagesByLanguage[language] ?? 0, score.labelled, 100 * pairs.precision, 100 * pairs.recall, 100 * pairs.f1,
                100 * score.macroF1(), 100 * score.macroF1OverLabelledStances())
        }
        return report
    }
}
