import GleanStages
import Testing

@Suite("WordMatcher: words, prefixes and parts of words")
struct WordMatcherTests {
    @Test(
        "a word matches a whole word, a prefix, or a part anywhere in it",
        arguments: [
            ("applied", true), ("apply", false), ("withdrew", true), ("withdrawal", true), ("draw", false),
            ("gründungsmitglied", true), ("mitglieder", true), ("mitglie", false), ("üyeliği", true), ("üye", false),
            ("", false),
        ])
    func matches(word: String, expected: Bool) {
        let matcher = WordMatcher(["applied", "withdr*", "*mitglied*", "*yeliğ*"])
        #expect(matcher.matches(word) == expected)
    }

    @Test(
        "an ending after a `*` matches the words that end so (Turkish negated forms)",
        arguments: [("katılmaz", true), ("gelmez", true), ("mazot", false), ("maz", true), ("katılmazsa", false)])
    func endings(word: String, expected: Bool) {
        let matcher = WordMatcher(["*maz", "*mez"])
        #expect(matcher.matches(word) == expected)
        #expect(matcher.suffixes == ["maz", "mez"] && matcher.words.isEmpty && !matcher.isEmpty)
    }

    @Test("a part longer than the word, or a word of other scripts, does not match")
    func lengths() {
        let matcher = WordMatcher(["*mitgliedschaft*", "член*"])
        #expect(!matcher.matches("mitglied"))
        #expect(matcher.matches("членство"))
        #expect(matcher.matches("член"))
        #expect(!matcher.matches("чле"))
        #expect(matcher.matches("членами"))
        #expect(!WordMatcher([String]()).matches("член"))
    }
}
