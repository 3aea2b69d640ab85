extension StanceAnalyzer {
    /// One element of a cue's pattern (``StanceCue/Element``) as matching reads it: a word
    /// step names its matcher by index, so walking a pattern copies no matcher (each copy of a
    /// ``WordMatcher`` retains and releases its sets).
    enum PatternStep: Equatable {
        /// A word of the matcher at this index.
        case word(Int)
        /// Up to ``StanceCue/maximumGap`` words, not across a clause boundary.
        case gap
        /// A mention of a bloc.
        case bloc
        /// A mention of a country.
        case actor
    }

    /// The steps of each cue's pattern, in the cues' order, and the word matchers they name.
    static func compile(_ cues: [StanceCue]) -> (patterns: [[PatternStep]], matchers: [WordMatcher]) {
        var matchers: [WordMatcher] = []
        let patterns = cues.map { cue in
            cue.elements.map { element -> PatternStep in
                switch element {
                case .word(let matcher):
                    matchers.append(matcher)
                    return .word(matchers.count - 1)
                case .gap: return .gap
                case .bloc: return .bloc
                case .actor: return .actor
                }
            }
        }
        return (patterns, matchers)
    }
}
