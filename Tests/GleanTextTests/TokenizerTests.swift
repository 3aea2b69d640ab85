import GleanText
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Tokenizer().tokens(in: scalars).map { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) }
    }

    @Test(
        "splits words, numbers and punctuation",
        arguments: [
            ("Don't stop, Euro-Atlantic partners!", ["Don't", "stop", ",", "Euro-Atlantic", "partners", "!"]),
            ("It rose 3.5% to 1,000 units.", ["It", "rose", "3.5", "%", "to", "1,000", "units", "."]),
            ("\"Quoted\" — dash", ["\"", "Quoted", "\"", "—", "dash"]),
            ("Bakı’nın  sözçüsü", ["Bakı’nın", "sözçüsü"]),
            ("Москва-Сити, 2024", ["Москва-Сити", ",", "2024"]),
            ("北京会议", ["北", "京", "会", "议"]),
            ("a - b", ["a", "-", "b"]),
            ("", []),
        ])
    func splits(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test("offsets are in Unicode scalars")
    func offsets() {
        let tokens = Tokenizer().tokens(in: "🇦🇿 Azərbaycan")
        #expect(tokens.last?.span == TextSpan(start: 3, end: 13))
        #expect(tokens.last?.kind == .word)
    }

    @Test("kinds")
    func kinds() {
        #expect(Tokenizer().tokens(in: "G7 2024 !").map(\.kind) == [.word, .number, .punctuation])
    }
}

@Suite("tokenizer abbreviations")
struct TokenizerAbbreviationTests {
    @Test(
        "abbreviations, initials and dotted acronyms keep their period",
        arguments: [
            ("Mr. Smith met U.S. officials on Dec. 5.", ["Mr.", "Smith", "met", "U.S.", "officials", "on", "Dec.", "5", "."]),
            ("J. R. R. Tolkien", ["J.", "R.", "R.", "Tolkien"]),
            ("The talks ended.", ["The", "talks", "ended", "."]),
            ("the U.N. said", ["the", "U.N.", "said"]),
        ])
    func abbreviations(text: String, expected: [String]) {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokens(in: scalars).map {
            String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end]))
        }
        #expect(tokens == expected)
    }
}
