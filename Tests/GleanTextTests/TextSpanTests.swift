import GleanText
import Testing

@Suite("TextSpan pieces")
struct TextSpanTests {
    private func texts(_ spans: [TextSpan], of scalars: [Unicode.Scalar]) -> [String] {
        spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test(
        "a possessive 's is cut off the end, nothing else",
        arguments: [
            ("Türkiye’s", ["Türkiye", "’s"]), ("NATO's", ["NATO", "'s"]), ("BOSS'S", ["BOSS", "'S"]), ("'s", ["'s"]),
            ("its", ["its"]), ("Ilham", ["Ilham"]),
        ])
    func possessive(word: String, expected: [String]) {
        let scalars = Array(word.unicodeScalars)
        #expect(texts(TextSpan(start: 0, end: scalars.count).splittingPossessive(in: scalars), of: scalars) == expected)
    }

    @Test(
        "separators stand alone, at the ends too",
        arguments: [
            ("l'Ukraine", ["l", "'", "Ukraine"]), ("Türkiye'de", ["Türkiye", "'", "de"]),
            ("'a''b'", ["'", "a", "'", "'", "b", "'"]),
            ("Kyiv", ["Kyiv"]),
        ])
    func separators(word: String, expected: [String]) {
        let scalars = Array(word.unicodeScalars)
        let pieces = TextSpan(start: 0, end: scalars.count).splitting(in: scalars) { $0 == "'" }
        #expect(texts(pieces, of: scalars) == expected)
    }

    @Test("a span inside a longer text keeps its offsets")
    func offsets() {
        let scalars = Array("à l'Ukraine.".unicodeScalars)
        let pieces = TextSpan(start: 2, end: 11).splitting(in: scalars) { $0 == "'" }
        #expect(pieces == [TextSpan(start: 2, end: 3), TextSpan(start: 3, end: 4), TextSpan(start: 4, end: 11)])
    }
}
