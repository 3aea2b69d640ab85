import GleanText
import Testing

@Suite("String(scalars:)")
struct StringScalarsTests {
    @Test(
        "the same string as a scalar view of the scalars",
        arguments: ["", "a", "Mr", "U.S", "Türkiye'de", "Североатлантического", "中国", "👍🏽 e\u{301}", "\u{10FFFF}x"])
    func same(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
        #expect(String(scalars: scalars).utf8.elementsEqual(text.utf8))
        #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }
}
