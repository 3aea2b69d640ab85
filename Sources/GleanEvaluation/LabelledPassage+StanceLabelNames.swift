import GleanStages

extension LabelledPassage {
    /// What ``normalizeNames(with:)`` could not read as the stage reports it.
    public struct UnreadNames: Sendable, Equatable {
        /// Labelled actors and blocs the stage never reports, kept as written: names that are no
        /// country or bloc the gazetteer knows, bodies it does not report (`UN`), and programmes
        /// and bodies it counts for their bloc (`PFP (counted for NATO)`).
        public var labels: [String] = []
        /// A speaker that names no country; the passage is read without one.
        public var speaker: String?
    }

    /// Writes this passage's labelled actors and blocs, and its speaker, as the stage's codes and
    /// ids (`StanceLabelNames`), and returns what it could not read so.
    @discardableResult
    public mutating func normalizeNames(with names: StanceLabelNames) -> UnreadNames {
        var unread = UnreadNames()
        if let written = speaker {
            speaker = names.actor(written)
            if speaker == nil { unread.speaker = written }
        }
        for index in pairs.indices {
            if let actor = names.actor(pairs[index].actor) {
                pairs[index].actor = actor
            } else {
                unread.labels.append(pairs[index].actor)
            }
            switch names.bloc(pairs[index].bloc) {
            case .bloc(let id):
                pairs[index].bloc = id
            case .part(let id, let parent):
                pairs[index].bloc = id
                unread.labels.append("\(id) (counted for \(parent))")
            case .unreported(let id):
                pairs[index].bloc = id
                unread.labels.append("\(id) (not reported)")
            case nil:
                unread.labels.append(pairs[index].bloc)
            }
        }
        return unread
    }
}
