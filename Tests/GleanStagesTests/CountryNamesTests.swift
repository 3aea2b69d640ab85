import GleanCore
import GleanStages
import Testing

@Suite("country names in other languages")
struct CountryNamesTests {
    /// The countries the shipped names find in `text`, written in `language`: each mention's
    /// text and canonical id.
    private func countries(_ text: String, in language: String) throws -> [String] {
        let names = try #require(try CountryNames.shipped.names(in: language))
        return try EntityRecognizer.shipped.entities(in: text, knownOnly: names).map { "\($0.text)=\($0.canonical ?? "-")" }
    }

    @Test(
        "names as the language writes them, also where it writes them as English does",
        arguments: [
            ("de", "Russland und die Ukraine verhandeln in der Türkei.", ["Russland=RU", "Ukraine=UA", "Türkei=TR"]),
            ("fr", "La Moldavie et l'Ukraine ont salué la Corée du Sud.", ["Moldavie=MD", "Ukraine=UA", "Corée du Sud=KR"]),
            ("tr", "Türkiye'de enflasyon geriledi; Rusya'nın payı arttı.", ["Türkiye=TR", "Rusya=RU"]),
            ("es", "Rusia y Estados Unidos hablaron de Côte d'Ivoire.", ["Rusia=RU", "Estados Unidos=US", "Côte d'Ivoire=CI"]),
            ("ru", "Посол Кот-д’Ивуара и Российская Федерация.", ["Кот-д’Ивуара=CI", "Российская Федерация=RU"]),
            ("zh", "俄罗斯和美国讨论了乌克兰问题。", ["俄罗斯=RU", "美国=US", "乌克兰=UA"]),
        ])
    func asWritten(language: String, text: String, expected: [String]) throws {
        #expect(try countries(text, in: language) == expected)
    }

    @Test(
        "inflected forms of the names",
        arguments: [
            (
                "ru", "Президент России посетил Украину вместе с делегацией Казахстана.",
                ["России=RU", "Украину=UA", "Казахстана=KZ"]
            ),
            ("ru", "Граждане Российской Федерации и Соединённых Штатов.", ["Российской Федерации=RU", "Соединённых Штатов=US"]),
            ("uk", "Уряд України звернувся до Польщі.", ["України=UA", "Польщі=PL"]),
            ("pl", "Rząd Rosji i władze Ukrainy.", ["Rosji=RU", "Ukrainy=UA"]),
            ("fi", "Suomen presidentti vieraili Venäjällä.", ["Suomen=FI", "Venäjällä=RU"]),
            ("hu", "A tárgyalások Ukrajnában folytatódtak.", ["Ukrajnában=UA"]),
            ("de", "Deutschlands Haltung zu Russlands Krieg.", ["Deutschlands=DE", "Russlands=RU"]),
            ("hy", "Հայաստանի վարչապետը մեկնեց Ռուսաստան։", ["Հայաստանի=AM", "Ռուսաստան=RU"]),
            ("kk", "Қазақстанның сыртқы саясаты.", ["Қазақстанның=KZ"]),
            ("ka", "საქართველოს მთავრობა რუსეთში და იაპონიის დედაქალაქში.", ["საქართველოს=GE", "რუსეთში=RU", "იაპონიის=JP"]),
            ("ko", "러시아는 미국의 제안을 거부했다.", ["러시아는=RU", "미국의=US"]),
            ("lv", "Latvijā un Krievijas pierobežā.", ["Latvijā=LV", "Krievijas=RU"]),
        ])
    func inflected(language: String, text: String, expected: [String]) throws {
        #expect(try countries(text, in: language) == expected)
    }

    @Test(
        "words that only begin like a name are not its forms",
        arguments: [
            ("lt", "Palanga yra kurortas."),  // not Palau ("Pala-nga": a consonant after the dropped vowel)
            ("ru", "Российский рубль и китайский юань."),  // adjectives: endings longer than a case ending
            ("ro", "George Enescu a compus."),  // not Georgia: one letter after two dropped vowels
            ("ko", "인도적 지원이 필요하다."),  // "humanitarian" is not India (인도) with a particle
            ("de", "Die Russlandpolitik der Regierung."),  // a compound, not a genitive
        ])
    func notForms(language: String, text: String) throws {
        #expect(try countries(text, in: language) == [])
    }

    @Test("a name's stem and endings follow the language's rule")
    func inflectionRule() throws {
        let russian = try #require(NameInflection.of("ru"))
        #expect(russian.stems(of: "Россия").map(\.stem) == ["Росси", "Росс"])
        #expect(russian.stems(of: "Казахстан").map(\.dropped) == [[]])
        #expect(russian.stems(of: "Индия").map(\.stem) == ["Инди"])
        #expect(russian.stems(of: "Чад").isEmpty)
        #expect(russian.splits(ofInflected: "России").map(\.stem) == ["Росси", "Росс"])
        #expect(russian.allows("и", afterDropping: ["я"]))
        #expect(!russian.allows("нга", afterDropping: ["у"]))
        #expect(russian.allows("нга", afterDropping: []))
        #expect(russian.allows("ой", afterDropping: ["а", "я"]))
        #expect(!russian.allows("е", afterDropping: ["и", "я"]))
        let korean = try #require(NameInflection.of("ko"))
        #expect(korean.splits(ofInflected: "미국의").map(\.ending) == ["의"])
        #expect(korean.splits(ofInflected: "인도적").isEmpty)
        #expect(NameInflection.of("fr") == nil)
    }

    @Test("a stem two names share finds neither; a name written exactly still wins")
    func sharedStem() throws {
        var names = LocalizedCountryNames(inflection: NameInflection(longestEnding: 2, droppedVowels: ["a", "o"]))
        names.add("Tarka", GazetteerEntry(kind: .geopolitical, canonical: "T1", name: "Tarka"))
        names.add("Tarko", GazetteerEntry(kind: .geopolitical, canonical: "T2", name: "Tarko"))
        names.add("Moravia", GazetteerEntry(kind: .geopolitical, canonical: "M", name: "Moravia"))
        #expect(names.matches(in: ["Tarki", "and", "Moravii"]).map(\.entry.canonical) == ["M"])
        #expect(names.matches(in: ["Tarko"]).map(\.entry.canonical) == ["T2"])
    }
}
