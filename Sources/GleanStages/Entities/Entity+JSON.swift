import GleanCore

extension Entity {
    /// The entities in an `entities` stage result (`{"entities": [...]}`), skipping items that
    /// lack a type or offsets.
    public static func entities(fromStageOutput output: JSONValue) -> [Entity] {
        (output["entities"]?.arrayValue ?? []).compactMap { item in
            guard let kind = item["type"]?.stringValue.flatMap(Kind.init(rawValue:)), let start = item["start"]?.intValue,
                let end = item["end"]?.intValue, start <= end
            else { return nil }
            return Entity(
                text: item["text"]?.stringValue ?? "", kind: kind, start: start, end: end,
                canonical: item["canonical"]?.stringValue, canonicalName: item["name"]?.stringValue,
                parent: item["parent"]?.stringValue, sentence: item["sentence"]?.intValue ?? 0, id: item["id"]?.stringValue)
        }
    }
}
