extension VADERLexicon: WordValences {
    /// The word's valence in the VADER lexicon, without VADER's rules around it.
    public func valence(ofWord word: String) -> Double? {
        entries[word]?.valence
    }
}
