import GleanCore
import GleanText

extension StancePair {
    /// The pair as the stage outputs it.
    public func json(evidence includeEvidence: Bool) -> JSONValue {
        var value: JSONValue = [
            "actor": ["id": .string(actor), "name": .string(actorName)], "bloc": .string(bloc), "bloc_name": .string(blocName),
            "stance": .string(stance.rawValue), "also": .array(also.map { .string($0.rawValue) }),
            "confidence": .double(confidence), "as_of": asOf.map(JSONValue.int) ?? .null,
        ]
        if includeEvidence {
            value["evidence"] = .array(
                evidence.map { item in
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
