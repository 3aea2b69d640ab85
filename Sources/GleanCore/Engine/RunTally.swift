/// The counts a run keeps across batches beyond plain sums: skipped results by stage and
/// reason, and the ids seen, for the duplicate count. Used by the engine's writing task only.
struct RunTally {
    /// The most distinct skip reasons kept per stage; further ones are counted together, so a
    /// stage that puts a document's details in its reasons cannot grow the summary without end.
    static let reasonsPerStage = 100
    /// The reason under which reasons beyond ``reasonsPerStage`` are counted.
    static let otherReasons = "(other reasons)"

    private var skipCounts: [[String: Int]]
    private var seen = Set<Int>()
    /// Documents whose id an earlier one had.
    private(set) var duplicateIDs = 0

    init(stageCount: Int) {
        skipCounts = Array(repeating: [:], count: stageCount)
    }

    /// Adds a batch's skips.
    mutating func add(_ skips: [BatchProcessor.SkipKey: Int]) {
        for (key, count) in skips where key.stage < skipCounts.count {
            var reason = key.reason
            if skipCounts[key.stage][reason] == nil, skipCounts[key.stage].count >= Self.reasonsPerStage {
                reason = Self.otherReasons
            }
            skipCounts[key.stage][reason, default: 0] += count
        }
    }

    /// Adds a batch's ids; returns the first that repeats an earlier one, if any.
    mutating func add(_ ids: [BatchProcessor.IDSighting]) -> RunSummary.RepeatedID? {
        var first: RunSummary.RepeatedID?
        for sighting in ids where !seen.insert(sighting.hash).inserted {
            duplicateIDs += 1
            if first == nil { first = RunSummary.RepeatedID(id: sighting.id, origin: sighting.origin) }
        }
        return first
    }

    /// The skips in pipeline order, then most frequent first, then by reason.
    func skips(stageIDs: [String]) -> [RunSummary.Skip] {
        zip(stageIDs, skipCounts).flatMap { stage, reasons in
            reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { RunSummary.Skip(stage: stage, reason: $0.key, count: $0.value) }
        }
    }
}
