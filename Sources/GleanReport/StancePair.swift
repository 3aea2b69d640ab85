import GleanCore

/// One actor–bloc pair of an `alignment-stance` result.
public struct StancePair: Sendable, Hashable {
    /// The actor's ISO 3166-1 code.
    public var actorID: String
    /// The actor's name, when the output has it.
    public var actorName: String?
    /// The bloc's id (`NATO`).
    public var blocID: String
    /// The bloc's name, when the output has it.
    public var blocName: String?
    /// The primary stance.
    public var stance: String
    /// Other stances the text supports.
    public var also: [String]
    /// The confidence, 0–1, when the output has it.
    public var confidence: Double?
    /// The year the text dates the stance to.
    public var asOf: Int?
    /// The cues behind the stance, when the output has them (`full` detail).
    public var evidence: [StanceEvidence]

    /// Reads a pair from a stance result's item; `nil` when it lacks actor, bloc or stance.
    public init?(value: JSONValue) {
        guard case .object = value else { return nil }
        let actor = value["actor"]
        guard let actorID = actor?["id"]?.stringValue ?? actor?.stringValue,
            let blocID = value["bloc"]?.stringValue ?? value["bloc"]?["id"]?.stringValue,
            let stance = value["stance"]?.stringValue
        else { return nil }
        self.actorID = actorID
        self.actorName = actor?["name"]?.stringValue
        self.blocID = blocID
        self.blocName = value["bloc_name"]?.stringValue ?? value["bloc"]?["name"]?.stringValue
        self.stance = stance
        self.also = value["also"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.confidence = value["confidence"]?.doubleValue
        self.asOf = value["as_of"]?.intValue
        self.evidence = value["evidence"]?.arrayValue?.compactMap(StanceEvidence.init(value:)) ?? []
    }
}

/// One cue behind a stance pair: the sentence it is in and the words that fired.
public struct StanceEvidence: Sendable, Hashable {
    /// The sentence's index in the document.
    public var sentence: Int?
    /// The sentence's start, in Unicode scalars of the text.
    public var start: Int?
    /// The sentence's end.
    public var end: Int?
    /// The words matched.
    public var cue: String?
    /// Where the cue starts, in Unicode scalars of the text.
    public var cueStart: Int?
    /// Where the cue ends.
    public var cueEnd: Int?
    /// The stance the cue gives.
    public var stance: String?
    /// Whether the cue was negated.
    public var negated: Bool
    /// The sentence's text, when the stage wrote it.
    public var text: String?

    /// Reads an evidence item.
    public init?(value: JSONValue) {
        guard case .object = value else { return nil }
        sentence = value["sentence"]?.intValue
        start = value["start"]?.intValue
        end = value["end"]?.intValue
        cue = value["cue"]?.stringValue
        cueStart = value["cue_start"]?.intValue
        cueEnd = value["cue_end"]?.intValue
        stance = value["stance"]?.stringValue
        negated = value["negated"]?.boolValue ?? false
        text = value["text"]?.stringValue
    }
}
