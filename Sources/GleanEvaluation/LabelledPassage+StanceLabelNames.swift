import GleanStages

extension LabelledPassage {
    /// Writes this passage's labelled actors and blocs, and its speaker, as the stage's codes and
    /// ids (`StanceLabelNames`), and returns what cannot be scored as the stage reports it: names
    /// that are no country or bloc the gazetteer knows (kept as written; an unknown speaker is
    /// dropped), and programmes and bodies the stage counts for their bloc (`PFP (for NATO)`).
    @discardableResult
    public mutating func normalizeNames(with names: StanceLabelNames) -> [String] {
        var unread: [String] = []
        if let written = speaker {
            speaker = names.actor(written)
            if speaker == nil { unread.append("speaker \(written)") }
        }
        for index in pairs.indices {
            if let actor = names.actor(pairs[index].actor) {
                pairs[index].actor = actor
            } else {
                unread.append(pairs[index].actor)
            }
            switch names.bloc(pairs[index].bloc) {
            case .bloc(let id):
                pairs[index].bloc = id
            case .part(let id, let parent):
                pairs[index].bloc = id
                unread.append("\(id) (counted for \(parent))")
            case nil:
                unread.append(pairs[index].bloc)
            }
        }
        return unread
    }
}
