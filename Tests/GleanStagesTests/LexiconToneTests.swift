import GleanCore
import GleanText
import Testing

@testable import GleanStages

@Suite("tone in other languages (LexiconTone)")
struct LexiconToneTests {
    private func compound(_ text: String, _ language: String) throws -> Double {
        try #require(try LexiconTones.tone(for: language)).scores(text).compound
    }

    @Test(
        "clear sentences take their sign in each language",
        arguments: [
            ("ru", "Встреча прошла успешно, это большой успех и дружба.", "Война и агрессия вызвали ужасный кризис."),
            ("uk", "Співпраця є успішною, ми вдячні за підтримку.", "Окупанти обстріляли місто, є загиблі."),
            (
                "tr", "Toplantı başarılı geçti ve işbirliği güçlendi.",
                "Saldırılar yüzünden kriz derinleşiyor ve savaş tehdidi büyüyor."
            ),
            ("az", "Əməkdaşlıq uğurlu oldu və dostluq möhkəmləndi.", "Müharibə və təcavüz böyük fəlakətə səbəb oldu."),
            ("de", "Die Zusammenarbeit ist ein großer Erfolg.", "Der Krieg bringt schreckliches Leid."),
            ("fr", "La coopération est un excellent succès.", "La guerre a provoqué une terrible catastrophe."),
            ("es", "El acuerdo de paz fue un gran éxito.", "La guerra provocó una terrible tragedia."),
        ])
    func signs(language: String, positive: String, negative: String) throws {
        #expect(try compound(positive, language) > 0.3)
        #expect(try compound(negative, language) < -0.3)
    }

    @Test(
        "a negation turns the word after it, or a suffix or word after it in Turkish and Azerbaijani",
        arguments: [
            ("ru", "Это хорошо.", "Это не хорошо."),
            ("de", "Das ist gut.", "Das ist nicht gut."),
            ("fr", "C'est un succès.", "Ce n'est pas un succès."),
            ("es", "Es un éxito.", "No es un éxito."),
            ("tr", "Türkiye bu planı destekliyor.", "Türkiye bu planı desteklemiyor."),
            ("tr", "Durum iyi.", "Durum iyi değil."),
            ("az", "Azərbaycan bu planı dəstəkləyir.", "Azərbaycan bu planı dəstəkləmir."),
        ])
    func negation(language: String, plain: String, negated: String) throws {
        #expect(try compound(plain, language) > 0)
        #expect(try compound(negated, language) < 0)
    }

    @Test("a stem matches any ending; the word itself wins over a stem; a booster raises a valence")
    func stems() throws {
        let tone = try LexiconTone(
            tsv: "угроз*\t-2\nдобр*\t2\nдоброволь*\t0\n@booster\tочень\n", language: "ru", source: "test")
        #expect(tone.scores("угрозы").compound < 0)
        #expect(tone.scores("добровольцы").compound == 0)
        #expect(tone.scores("очень добрый").compound > tone.scores("добрый").compound)
        #expect(LexiconTone.wordSpans(in: "İşgal l'OTAN").map(\.word) == ["işgal", "l", "otan"])
    }

    @Test(
        "a word is cut at the lengths of the stems of its opening, of stems shorter than that, and at every length when it may compose"
    )
    func stemLengths() throws {
        let tone = try LexiconTone(tsv: "ét*\t2\nétat*\t-2\nx*\t1\nabcd*\t3\n", language: "fr", source: "test")
        #expect(tone.valence(of: "états")?.value == -2)
        #expect(tone.valence(of: "éte")?.value == 2)
        #expect(tone.valence(of: "abcde")?.value == 3)
        #expect(tone.valence(of: "xylophone") == nil)  // no stem begins "xy"
        #expect(tone.valence(of: "x")?.value == 1)
        // "e\u{301}" is the stem "é" in two scalars, where the stem has one: found, as it always
        // was, at another stem's length.
        let composed = try LexiconTone(tsv: "é*\t2\nab*\t1\n", language: "fr", source: "test")
        #expect(composed.valence(of: "e\u{301}tats")?.value == 2)
        #expect(LexiconTone.mayCompose("\u{301}"))
        #expect(LexiconTone.mayCompose("\u{AC00}"))
        #expect(!LexiconTone.mayCompose("é"))
        #expect(!LexiconTone.mayCompose("ж"))
    }

    @Test("a sentence scored from the text's reading scores as its own text does")
    func sentencesFromReading() throws {
        let tone = try #require(try LexiconTones.tone(for: "ru"))
        let text = "Это не хорошо. Очень большой успех! Война и угрозы, но не кризис.\nДружба."
        let reading = tone.reading(text)
        let scalars = Array(text.unicodeScalars)
        let spans = SentenceSplitter().sentences(in: scalars)
        #expect(spans.count == 4)
        for span in spans {
            let sentence = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            #expect(tone.scores(of: reading, in: span) == tone.scores(sentence))
        }
        // A span that cuts a word in two is left to the sentence's own text.
        #expect(tone.scores(of: reading, in: TextSpan(start: 2, end: 14)) == nil)
        #expect(tone.scores(of: reading, in: TextSpan(start: 0, end: 9)) == nil)
    }

    @Test("a bad lexicon line is reported with its place")
    func badLine() {
        #expect(throws: GleanError.self) { try LexiconTone(tsv: "слово\t9\n", language: "ru", source: "bad.tsv") }
        #expect(throws: GleanError.self) { try LexiconTone(tsv: "слово\n", language: "ru", source: "bad.tsv") }
    }

    @Test("every shipped lexicon loads, and no other language has one")
    func shipped() throws {
        for language in LexiconTones.languages { #expect(try LexiconTones.tone(for: language) != nil) }
        #expect(try LexiconTones.tone(for: "it") == nil)
    }
}
