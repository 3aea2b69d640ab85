extension LexiconTone: WordValences {
    /// The word's valence, by its own entry or its longest stem, turned by a negative suffix
    /// (Turkish and Azerbaijani) as the tone scorer turns it.
    public func valence(ofWord word: String) -> Double? {
        guard let (value, negated) = valence(of: word) else { return nil }
        return negated ? value * Self.negation : value
    }
}
