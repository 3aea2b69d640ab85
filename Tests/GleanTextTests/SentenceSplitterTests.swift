import GleanText
import Testing

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().sentences(in: scalars).map {
            String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
        }
    }

    @Test(
        "splits sentences",
        arguments: [
            ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
            ("Mr. Aliyev met Dr. Sandu on Dec. 4. They talked.", ["Mr. Aliyev met Dr. Sandu on Dec. 4.", "They talked."]),
            ("The U.S. and the E.U. agreed. Talks end.", ["The U.S. and the E.U. agreed.", "Talks end."]),
            ("J. R. Smith spoke. Then left.", ["J. R. Smith spoke.", "Then left."]),
            ("He said \"we will not join.\" Then he left.", ["He said \"we will not join.\"", "Then he left."]),
            ("It grew 3.5 percent. Good.", ["It grew 3.5 percent.", "Good."]),
            ("They met in Ottawa, Ont. Last week.", ["They met in Ottawa, Ont. Last week."]),
            ("She was ill. The doctor came.", ["She was ill.", "The doctor came."]),
            ("lower case. after a period stays", ["lower case. after a period stays"]),
            ("A headline without a stop\n\nThe body begins.", ["A headline without a stop", "The body begins."]),
            ("Wait... What?! Yes.", ["Wait...", "What?!", "Yes."]),
            ("会议开始。各方发言。", ["会议开始。", "各方发言。"]),
            ("Встреча прошла в Баку. Стороны договорились.", ["Встреча прошла в Баку.", "Стороны договорились."]),
            ("თბილისში შეიკრიბა. პრეზიდენტმა მოუწოდა.", ["თბილისში შეიკრიბა.", "პრეზიდენტმა მოუწოდა."]),
            ("Կողմերը քննարկեցին։ Հաջորդ հանդիպումը։", ["Կողմերը քննարկեցին։", "Հաջորդ հանդիպումը։"]),
            ("اجتمع الوزراء. وأكد البيان؟ نعم", ["اجتمع الوزراء.", "وأكد البيان؟", "نعم"]),
            ("   ", []),
        ])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("offsets are in Unicode scalars and trimmed")
    func offsets() {
        let spans = SentenceSplitter().sentences(in: "  Əli gəldi. Bəli. ")
        #expect(spans == [TextSpan(start: 2, end: 12), TextSpan(start: 13, end: 18)])
    }
}
