import GleanText
import Testing

@Suite("Writing systems")
struct ScriptTests {
    @Test(
        "letters map to their script",
        arguments: [
            ("a", Script.latin), ("Z", .latin), ("ə", .latin), ("ş", .latin), ("ж", .cyrillic), ("Ә", .cyrillic),
            ("ა", .georgian), ("Ա", .armenian), ("α", .greek), ("ש", .hebrew), ("ب", .arabic), ("پ", .arabic),
            ("क", .devanagari), ("ก", .thai), ("中", .han), ("ひ", .hiragana), ("カ", .katakana), ("한", .hangul),
            ("አ", .ethiopic), ("𠀀", .han),
        ])
    func letters(text: String, script: Script) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(Script(letter: scalar) == script)
    }

    @Test("non-letters have no script", arguments: ["1", " ", ".", "—", "😀", "٣", "\u{301}"])
    func nonLetters(text: String) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(Script(letter: scalar) == nil)
    }

    @Test("the counter gives shares, largest first")
    func counter() {
        var counter = ScriptCounter()
        for scalar in "Москва and Baku 123".unicodeScalars { counter.add(scalar) }
        #expect(counter.letters == 13)
        #expect(counter.shares.map(\.script) == [.latin, .cyrillic])
        #expect(counter.count(of: .cyrillic) == 6)
        #expect(abs(counter.shares[0].share - 7.0 / 13.0) < 1e-12)
    }

    @Test("names")
    func names() {
        #expect(Script.latin.name == "Latin" && Script.han.name == "Han" && Script.other.name == "Other")
    }
}
