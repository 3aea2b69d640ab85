import GleanText
import Testing

@Suite("splitting(atControl:)")
struct SplittingTests {
    @Test(
        "the same pieces as splitting by the character",
        arguments: [
            "", "\n", "\n\n", "a", "a\n", "\na", "first\tAnna\nsurname\tÖzdemir\n", "a\r\nb\nc", "\r\n\r\n", "a\r\tb\t\t",
            "Москва\tRU\n# comment\n\nkey\t\tvalue", "e\u{301}\n\u{301}x\t👍🏽\n", "\r", "a\rb\n",
        ])
    func same(_ text: String) {
        for separator: Unicode.Scalar in ["\n", "\t"] {
            let expected = text.split(separator: Character(separator), omittingEmptySubsequences: false)
            #expect(text.splitting(atControl: separator) == expected)
            let inner = text.dropFirst()
            let innerExpected = inner.split(separator: Character(separator), omittingEmptySubsequences: false)
            #expect(inner.splitting(atControl: separator) == innerExpected)
        }
    }
}
