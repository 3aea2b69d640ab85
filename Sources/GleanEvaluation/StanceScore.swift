import GleanStages

/// Scores stance pairs against labelled ones as `stance-labels.md` says: pairs are matched on
/// actor and bloc; then pair detection precision, recall and F1, stance accuracy on matched
/// pairs (strict: the primary label; lenient: primary or an acceptable second label), per-stance
/// F1 and their macro average, and false positives on passages that have no pairs.
public struct StanceScore: Sendable {
    /// A labelled pair: actor and bloc ids, the primary stance and acceptable second ones.
    public struct Labelled: Sendable, Hashable {
        /// Actor id (ISO 3166-1 alpha-2).
        public var actor: String
        /// Bloc id.
        public var bloc: String
        /// The primary label.
        public var stance: Stance
        /// Acceptable second labels.
        public var also: [Stance]

        /// Creates a labelled pair.
        public init(actor: String, bloc: String, stance: Stance, also: [Stance] = []) {
            self.actor = actor
            self.bloc = bloc
            self.stance = stance
            self.also = also
        }
    }

    /// Pairs found and labelled, and found that were labelled.
    public private(set) var found = 0, labelled = 0, matched = 0
    /// Matched pairs with the primary label, and with an acceptable one.
    public private(set) var strictRight = 0, lenientRight = 0
    /// Pairs found in passages labelled with none, and such passages with any.
    public private(set) var emptyPassageFalsePairs = 0, emptyPassagesWithPairs = 0, emptyPassages = 0
    /// Pairs by labelled and found stance (`nil`: not labelled, or not found).
    public private(set) var confusion: [Stance?: [Stance?: Int]] = [:]
    private var strict: [Stance: (right: Int, found: Int, labelled: Int)] = [:]
    private var lenient: [Stance: (right: Int, found: Int, labelled: Int)] = [:]

    /// An empty score.
    public init() {}

    /// Adds one passage: its labelled pairs and the pairs found (actor, bloc, stance).
    public mutating func add(labelled gold: [Labelled], found predicted: [(actor: String, bloc: String, stance: Stance)]) {
        found += predicted.count
        labelled += gold.count
        if gold.isEmpty {
            emptyPassages += 1
            emptyPassageFalsePairs += predicted.count
            if !predicted.isEmpty { emptyPassagesWithPairs += 1 }
        }
        var goldByKey: [String: Labelled] = [:]
        for pair in gold { goldByKey[pair.actor + "/" + pair.bloc] = pair }
        let foundKeys = Set(predicted.map { $0.actor + "/" + $0.bloc })
        for pair in predicted {
            confusion[goldByKey[pair.actor + "/" + pair.bloc]?.stance, default: [:]][pair.stance, default: 0] += 1
        }
        for pair in gold where !foundKeys.contains(pair.actor + "/" + pair.bloc) {
            confusion[pair.stance, default: [:]][nil, default: 0] += 1
        }
        for pair in predicted {
            let key = pair.actor + "/" + pair.bloc
            strict[pair.stance, default: (0, 0, 0)].found += 1
            guard let truth = goldByKey[key] else {
                lenient[pair.stance, default: (0, 0, 0)].found += 1
                continue
            }
            matched += 1
            let acceptable = pair.stance == truth.stance || truth.also.contains(pair.stance)
            if pair.stance == truth.stance { strictRight += 1 }
            if acceptable { lenientRight += 1 }
            if pair.stance == truth.stance { strict[pair.stance, default: (0, 0, 0)].right += 1 }
            let lenientStance = acceptable ? truth.stance : pair.stance
            lenient[lenientStance, default: (0, 0, 0)].found += 1
            if acceptable { lenient[truth.stance, default: (0, 0, 0)].right += 1 }
        }
        for pair in gold {
            strict[pair.stance, default: (0, 0, 0)].labelled += 1
            lenient[pair.stance, default: (0, 0, 0)].labelled += 1
        }
    }

    /// Precision, recall and F1 (0 to 1) of pair detection.
    public var pairs: (precision: Double, recall: Double, f1: Double) {
        Self.prf(right: matched, found: found, labelled: labelled)
    }

    /// Share of matched pairs given the primary label.
    public var strictAccuracy: Double { matched == 0 ? 0 : Double(strictRight) / Double(matched) }
    /// Share of matched pairs given an acceptable label.
    public var lenientAccuracy: Double { matched == 0 ? 0 : Double(lenientRight) / Double(matched) }

    /// Precision, recall and F1 of one stance over all pairs (a pair found with another stance,
    /// or not labelled, is a false positive; `lenient` counts acceptable second labels as right).
    public func perStance(_ stance: Stance, lenient useLenient: Bool = false) -> (precision: Double, recall: Double, f1: Double) {
        let entry = (useLenient ? lenient : strict)[stance] ?? (0, 0, 0)
        return Self.prf(right: entry.right, found: entry.found, labelled: entry.labelled)
    }

    /// The mean of the five stances' F1.
    public func macroF1(lenient useLenient: Bool = false) -> Double {
        Stance.allCases.map { perStance($0, lenient: useLenient).f1 }.reduce(0, +) / Double(Stance.allCases.count)
    }

    /// The mean F1 of the stances that are labelled at least once (a language's passages may
    /// hold no pair of some stance, whose F1 is then 0 in ``macroF1(lenient:)``).
    public func macroF1OverLabelledStances(lenient useLenient: Bool = false) -> Double {
        let present = Stance.allCases.filter { ((useLenient ? lenient : strict)[$0]?.labelled ?? 0) > 0 }
        guard !present.isEmpty else { return 0 }
        return present.map { perStance($0, lenient: useLenient).f1 }.reduce(0, +) / Double(present.count)
    }

    private static func prf(right: Int, found: Int, labelled: Int) -> (precision: Double, recall: Double, f1: Double) {
        let precision = found == 0 ? 0 : Double(right) / Double(found)
        let recall = labelled == 0 ? 0 : Double(right) / Double(labelled)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }
}
