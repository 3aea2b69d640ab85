import GleanCore
import GleanText

extension StancePair {
    /// The pair as the stage outputs it, with at most `limit` evidence items (the
    /// ``shownEvidence(limit:)``) and `evidence_omitted` counting the rest when there are more.
    public func json(evidence includeEvidence: Bool, limit: Int = .max) -> JSONValue {
        var value: JSONValue = [
            "actor": ["id": .string(actor), "name": .string(actorName)], "bloc": .string(bloc), "bloc_name": .string(blocName),
            "stance": .string(stance.rawValue), "also": .array(also.map { .string($0.rawValue) }),
            "confidence": .double(confidence), "as_of": asOf.map(JSONValue.int) ?? .null,
        ]
        if includeEvidence {
            let shown = shownEvidence(limit: limit)
            if shown.count < evidence.count { value["evidence_omitted"] = .int(evidence.count - shown.count) }
            value["evidence"] = .array(
                shown.map { item in
                    [
                        "sentence": .int(item.sentence), "start": .int(item.sentenceSpan.start),
                        "end": .int(item.sentenceSpan.end),
                        "cue": .string(item.cueText), "pattern": .string(item.cue), "cue_start": .int(item.cueSpan.start),
                        "cue_end": .int(item.cueSpan.end),
                        "stance": .string(item.stance.rawValue), "negated": .bool(item.negated),
                    ]
                })
        }
        return value
    }
}

extension StancePair {
    /// At most `limit` evidence items, in text order: first those for the pair's stance, then
    /// the others of its latest time, then the rest, each group from the start of the text.
    public func shownEvidence(limit: Int) -> [StanceEvidence] {
        guard evidence.count > limit else { return evidence }
        let latest = evidence.map(\.time).max()
        func rank(_ item: StanceEvidence) -> Int {
            item.stance == stance ? 0 : item.time == latest ? 1 : 2
        }
        let chosen = evidence.indices.sorted { (rank(evidence[$0]), $0) < (rank(evidence[$1]), $1) }.prefix(max(0, limit))
        return chosen.sorted().map { evidence[$0] }
    }
}
