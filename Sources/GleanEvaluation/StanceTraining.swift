import Foundation
import GleanCore
import GleanStages

/// Training data for the `alignment-stance` model: each labelled passage's candidate pairs with
/// their features and right outcome, cross-validation by document, and the calibration fitted
/// on the cross-validated predictions.
public struct StanceTraining: Sendable {
    /// One passage's candidates and labels.
    public struct Passage: Sendable {
        /// The labelled passage.
        public var passage: LabelledPassage
        /// The document it comes from (the id before `#`): folds never split a document.
        public var document: String
        /// Its candidate pairs, read with its speaker and date when it has them.
        public var candidates: [StanceCandidate]
        /// Its candidate pairs read without its speaker and date, when it has either (`nil`:
        /// ``candidates``).
        public var plainCandidates: [StanceCandidate]?
        /// Its candidate pairs read with its speaker but not its date, and with its date but not its
        /// speaker, when it has both (as pipelines with only `speaker_field` or only `date_field`
        /// read documents).
        public var partialCandidates: (speakerOnly: [StanceCandidate], dateOnly: [StanceCandidate])?
        /// Whether it is held out of cross-validation's test folds (always trained on).
        public var trainOnly: Bool
        /// How much its examples count.
        public var weight: Double
        /// Its language (ISO 639-1; `en` when the file gives none).
        public var language: String { passage.language ?? "en" }
        /// Each labelled pair's primary stance, by `actor/bloc`.
        var labelledStances: [String: Stance] {
            var stances: [String: Stance] = [:]
            for pair in passage.pairs { stances[pair.actor + "/" + pair.bloc] = pair.stance }
            return stances
        }
    }

    /// A candidate's prediction: the stance, its raw probability, and whether it is right
    /// (a labelled pair with that primary stance).
    public struct Prediction: Sendable {
        /// The passage's index.
        public var passage: Int
        /// The candidate.
        public var actor: String, bloc: String
        /// The most likely stance and its raw probability.
        public var stance: Stance, probability: Double
        /// The pair's labelled primary stance, if it is a labelled pair.
        public var gold: Stance?
        /// The raw probability of every outcome, in ``StanceModel/outcomes`` order.
        public var probabilities: [Double] = []

        /// Whether the pair is labelled with this primary stance.
        public var right: Bool { gold == stance }
    }

    /// The passages.
    public var passages: [Passage] = []
    /// How much each outcome's examples are weighted up by their rarity: an outcome with `n`
    /// examples counts `(most / n) ^ classPower` times, `most` the count of the commonest
    /// outcome (0: every example counts the same; 1: every outcome weighs as much in total).
    public var classPower: Double = 0

    /// Labelled pairs no candidate covers (the model cannot find them), over all passages.
    public var uncovered: Int {
        passages.reduce(0) { total, item in
            let keys = Set(item.candidates.map { $0.actor + "/" + $0.bloc })
            return total + item.passage.pairs.filter { !keys.contains($0.actor + "/" + $0.bloc) }.count
        }
    }

    /// No passages yet.
    public init() {}

    /// Adds labelled passages, each read in its own language (its cues and its entities, as the
    /// stage reads it); returns the passages left out because `languages` has no cues for theirs.
    @discardableResult
    public mutating func add(
        _ labelled: [LabelledPassage], languages: StanceLanguages, trainOnly: Bool, weight: Double = 1
    ) -> [LabelledPassage] {
        var unread: [LabelledPassage] = []
        for passage in labelled {
            let language = passage.language ?? "en"
            guard let analyzer = languages.analyzer(for: language) else {
                unread.append(passage)
                continue
            }
            append(
                passage, analyzer: analyzer, entities: languages.entities(in: passage.text, language: language),
                trainOnly: trainOnly, weight: weight)
        }
        return unread
    }

    /// Adds a passage with its candidates as `analyzer` finds them among `entities`: read with
    /// its speaker and date, without them when it has either, and with each alone when it has
    /// both.
    private mutating func append(
        _ passage: LabelledPassage, analyzer: StanceAnalyzer, entities: [Entity], trainOnly: Bool, weight: Double
    ) {
        let candidates = analyzer.candidates(
            in: passage.text, entities: entities, speaker: passage.speaker, year: passage.year)
        let readsAsPlainOnly = passage.speaker == nil && passage.year == nil
        let plainCandidates = readsAsPlainOnly ? nil : analyzer.candidates(in: passage.text, entities: entities)
        var partialCandidates: (speakerOnly: [StanceCandidate], dateOnly: [StanceCandidate])?
        if passage.speaker != nil, passage.year != nil {
            partialCandidates = (
                analyzer.candidates(in: passage.text, entities: entities, speaker: passage.speaker),
                analyzer.candidates(in: passage.text, entities: entities, year: passage.year)
            )
        }
        let document = passage.id.split(separator: "#", maxSplits: 1).first.map(String.init) ?? passage.id
        passages.append(
            Passage(
                passage: passage, document: document, candidates: candidates, plainCandidates: plainCandidates,
                partialCandidates: partialCandidates,
                trainOnly: trainOnly, weight: weight))
    }

    /// Adds labelled passages, finding their candidates with `analyzer` over `recognizer`'s entities.
    public mutating func add(
        _ labelled: [LabelledPassage], recognizer: EntityRecognizer, analyzer: StanceAnalyzer, trainOnly: Bool,
        weight: Double = 1
    ) {
        for passage in labelled {
            append(
                passage, analyzer: analyzer, entities: recognizer.entities(in: passage.text), trainOnly: trainOnly,
                weight: weight)
        }
    }

    /// The training examples of the passages at `indices`.
    public func examples(_ indices: some Sequence<Int>) -> [StanceModel.Example] {
        let examples = unweightedExamples(indices)
        guard classPower > 0 else { return examples }
        var counts = [Double](repeating: 0, count: StanceModel.outcomes.count)
        for example in examples { counts[example.outcome] += 1 }
        let most = counts.max() ?? 1
        let factor = counts.map { $0 > 0 ? pow(most / $0, classPower) : 1 }
        return examples.map { example in
            var weighted = example
            weighted.weight *= factor[example.outcome]
            return weighted
        }
    }

    private func unweightedExamples(_ indices: some Sequence<Int>) -> [StanceModel.Example] {
        indices.flatMap { index in
            let item = passages[index]
            let gold = item.labelledStances
            // A passage counts once in all: shared equally among its readings (with its speaker and
            // date, without them, and with each alone when it has both).
            var all = [item.candidates]
            if let plain = item.plainCandidates { all.append(plain) }
            if let partial = item.partialCandidates { all += [partial.speakerOnly, partial.dateOnly] }
            let readings = all.map { ($0, 1 / Double(all.count)) }
            return readings.flatMap { candidates, share in
                candidates.map { candidate in
                    let stance = gold[candidate.actor + "/" + candidate.bloc]
                    let outcome = stance.flatMap { Stance.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                    return StanceModel.Example(features: candidate.features, outcome: outcome, weight: item.weight * share)
                }
            }
        }
    }

    /// Each document's fold: documents shuffled by `seed`, then dealt round the `folds`.
    public func folds(_ folds: Int, seed: UInt64) -> [Int] {
        let documents = Array(Set(passages.filter { !$0.trainOnly }.map(\.document))).sorted()
        var order = documents
        var random = seed
        for position in stride(from: order.count - 1, to: 0, by: -1) {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(position, Int((random >> 33) % UInt64(position + 1)))
        }
        var foldOf: [String: Int] = [:]
        for (position, document) in order.enumerated() { foldOf[document] = position % folds }
        return passages.map { $0.trainOnly ? -1 : foldOf[$0.document] ?? -1 }
    }

    /// Cross-validated predictions of `runs` dealings of the documents into folds (seeds `seed`,
    /// `seed + 1`, …): in each, for each fold, a model trained on the other folds and the
    /// train-only passages predicts the fold's candidates, read with speakers and dates (`read`)
    /// and, when `plainToo`, without them (`plain`, for the calibration of texts that name no
    /// speaker). The calibration is fitted on every run pooled, so that it does not rest on one
    /// dealing's luck.
    public func crossValidationRuns(
        _ runs: Int, folds count: Int, settings: StanceForest.Settings = StanceForest.Settings(), seed: UInt64,
        plainToo: Bool
    ) -> [(read: [Prediction], plain: [Prediction])] {
        (0..<max(1, runs)).map {
            crossValidated(folds: count, settings: settings, seed: seed &+ UInt64($0), plainToo: plainToo)
        }
    }

    /// The fold models' predictions read with speakers and dates, and without them when
    /// `plainToo`.
    private func crossValidated(
        folds count: Int, settings: StanceForest.Settings, seed: UInt64, plainToo: Bool
    ) -> (read: [Prediction], plain: [Prediction]) {
        let fold = folds(count, seed: seed)
        var read: [Prediction] = []
        var plain: [Prediction] = []
        for held in 0..<count {
            let model = StanceModel.train(examples(passages.indices.filter { fold[$0] != held }), settings: settings)
            for index in passages.indices where fold[index] == held {
                read += predict(index, with: model)
                if plainToo { plain += predict(index, with: model, plain: true) }
            }
        }
        return (read, plain)
    }

    /// The calibration fitted on `predictions`: each one's raw probability against whether it
    /// was right.
    public static func calibration(fitting predictions: [Prediction]) -> StanceCalibration {
        StanceCalibration(fitting: predictions.map(\.probability), right: predictions.map(\.right))
    }

    /// Calibrated answers that no part of their fit has seen, to check the calibration itself:
    /// for each fold, inner cross-validations of the other folds alone fit a calibration, and the
    /// model trained on those folds, so calibrated, answers the fold. (The cross-validated
    /// reliability table reads predictions the calibration was fitted on, all or a share of them,
    /// so it is nearly right by construction.) The inner calibration pools `runs`
    /// cross-validations (seeds `seed`, `seed + 1`, …), as `glean train stance
    /// --calibration-runs` fits the shipped one.
    public func nestedCalibration(
        folds count: Int, settings: StanceForest.Settings = StanceForest.Settings(), seed: UInt64, runs: Int = 1
    ) -> [(confidence: Double, right: Bool)] {
        let fold = folds(count, seed: seed)
        var answers: [(confidence: Double, right: Bool)] = []
        for held in 0..<count {
            var inner = self
            inner.passages = passages.indices.filter { fold[$0] != held }.map { passages[$0] }
            let calibration = Self.calibration(
                fitting: inner.crossValidationRuns(runs, folds: count, settings: settings, seed: seed, plainToo: false)
                    .flatMap(\.read))
            let model = StanceModel.train(inner.examples(inner.passages.indices), settings: settings)
            for index in passages.indices where fold[index] == held {
                answers += predict(index, with: model).map { (calibration($0.probability), $0.right) }
            }
        }
        return answers
    }

    /// The predictions of `model` for one passage's candidates (read without its speaker and date
    /// when `plain`).
    public func predict(_ index: Int, with model: StanceModel, plain: Bool = false) -> [Prediction] {
        let item = passages[index]
        let gold = item.labelledStances
        return (plain ? item.plainCandidates ?? item.candidates : item.candidates).map { candidate in
            let decision = model.decide(candidate.features)
            return Prediction(
                passage: index, actor: candidate.actor, bloc: candidate.bloc, stance: decision.stance,
                probability: decision.probability, gold: gold[candidate.actor + "/" + candidate.bloc],
                probabilities: decision.all)
        }
    }

    /// The score, over the passages cross-validation tests, of predictions whose calibrated
    /// confidence reaches `threshold`.
    /// Only the passages in `language` count when it is given.
    public func score(
        _ predictions: [Prediction], calibration: StanceCalibration, threshold: Double, language: String? = nil
    ) -> StanceScore {
        var byPassage: [Int: [(actor: String, bloc: String, stance: Stance)]] = [:]
        for prediction in predictions where calibration(prediction.probability) >= threshold {
            byPassage[prediction.passage, default: []].append((prediction.actor, prediction.bloc, prediction.stance))
        }
        var score = StanceScore()
        for index in passages.indices
        where !passages[index].trainOnly && (language.map { passages[index].language == $0 } ?? true) {
            score.add(labelled: passages[index].passage.pairs, found: byPassage[index] ?? [])
        }
        return score
    }
}
