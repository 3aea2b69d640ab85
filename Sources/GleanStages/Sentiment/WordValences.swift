/// How positive or negative single words are, looked up one word at a time: what the
/// `alignment-stance` model reads as the tone around a bloc (hostility toward it, warmth).
public protocol WordValences: Sendable {
    /// The valence of a lower-cased word, from −4 (most negative) to 4, or `nil` when the word
    /// carries none.
    func valence(ofWord word: String) -> Double?
}
