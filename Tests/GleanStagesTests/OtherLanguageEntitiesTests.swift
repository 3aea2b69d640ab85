import GleanCore
import GleanStages
import Testing

@Suite("entities in other languages: blocs, institutions, capitals, people")
struct OtherLanguageEntitiesTests {
    /// The stage's mentions (text, type, canonical id) in `text` written in `language`.
    private func mentions(_ text: String, language: String) async throws -> [String] {
        let stage = try StageFactory(EntitiesStage.self).makeStage(configuration: [:], context: StageContext(stageID: "entities"))
        let result = try await stage.analyze(
            StageInput(document: Document(id: "1", text: text), resultsByStage: ["language": ["code": .string(language)]]))
        guard let value = try result.outputValue else {
            Issue.record("expected output, got \(result)")
            return []
        }
        return (value["entities"]?.arrayValue ?? []).map {
            "\($0["text"]?.stringValue ?? "")|\($0["type"]?.stringValue ?? "")|\($0["canonical"]?.stringValue ?? "-")"
        }
    }

    /// The canonical ids of the stage's mentions of `type` in `text`, in text order.
    private func ids(of type: String, in text: String, language: String) async throws -> [String] {
        try await mentions(text, language: language).filter { $0.contains("|\(type)|") }.map {
            String($0.split(separator: "|").last ?? "")
        }
    }

    @Test(
        "blocs by name, abbreviation and inflected form, linked to the English ids",
        arguments: [
            (
                "ru", "Критика Североатлантического альянса и ОДКБ прозвучала в Кремле.",
                ["Североатлантического альянса|ORG|NATO", "ОДКБ|ORG|CSTO", "Кремле|ORG|KREMLIN"]
            ),
            (
                "uk", "Україна прагне до Європейського Союзу та НАТО.",
                ["Україна|GPE|UA", "Європейського Союзу|ORG|EU", "НАТО|ORG|NATO"]
            ),
            (
                "tr", "Türkiye, ŞİÖ ve KGAÖ ile görüştü; Avrupa Birliğine girmek istiyor.",
                ["Türkiye|GPE|TR", "ŞİÖ|ORG|SCO", "KGAÖ|ORG|CSTO", "Avrupa Birliğine|ORG|EU"]
            ),
            (
                "az", "Azərbaycan Aİ və NATO-ya yaxınlaşır, KTMT və ŞƏT-dən uzaqdır.",
                ["Azərbaycan|GPE|AZ", "Aİ|ORG|EU", "NATO|ORG|NATO", "KTMT|ORG|CSTO", "ŞƏT|ORG|SCO"]
            ),
            (
                "de", "Der NATO-Beitritt und die OVKS waren Thema in Brüssel.",
                ["NATO|ORG|NATO", "OVKS|ORG|CSTO", "Brüssel|GPE|BE:Brussels"]
            ),
            (
                "fr", "L'OTAN et l'UE ont répondu à l'OTSC depuis Bruxelles.",
                ["OTAN|ORG|NATO", "UE|ORG|EU", "OTSC|ORG|CSTO", "Bruxelles|GPE|BE:Brussels"]
            ),
            (
                "es", "La OTAN, la Comisión Europea y la ONU se reunieron en Moscú.",
                ["OTAN|ORG|NATO", "Comisión Europea|ORG|EC", "ONU|ORG|UN", "Moscú|GPE|RU:Moscow"]
            ),
        ])
    func blocs(language: String, text: String, expected: [String]) async throws {
        #expect(try await mentions(text, language: language) == expected)
    }

    @Test(
        "blocs of history, smaller blocs and blocs by full name are found in every language",
        arguments: [
            ("ru", "СССР возглавлял Варшавский договор и Совет экономической взаимопомощи.", ["WARSAW_PACT", "COMECON"]),
            ("uk", "Угорщина заявила про вихід з Варшавського договору.", ["WARSAW_PACT"]),
            ("tr", "Varşova Paktı dağıldı; Batı Avrupa Birliği de kapandı.", ["WARSAW_PACT", "WEU"]),
            ("az", "Ərəb Məğrib İttifaqı və Amerika Dövlətləri Təşkilatı görüşdü.", ["AMU", "OAS"]),
            ("de", "Der Warschauer Pakt und die Westeuropäische Union sind Geschichte.", ["WARSAW_PACT", "WEU"]),
            ("fr", "Le Pacte de Varsovie et l'Union du Maghreb arabe.", ["WARSAW_PACT", "AMU"]),
            ("es", "La Unión Europea Occidental precedió a la Unión Europea.", ["WEU", "EU"]),
            // Full names where the press also writes an abbreviation or the English name.
            ("ru", "Австралия не выходила из Тихоокеанского пакта безопасности.", ["ANZUS"]),
            ("ru", "Грузия осталась в Организации за демократию и экономическое развитие.", ["GUAM"]),
            ("uk", "Молдова головує в Організації за демократію та економічний розвиток.", ["GUAM"]),
            ("tr", "Arjantin, Güney Ortak Pazarı'nın dönem başkanlığını aldı.", ["MERCOSUR"]),
            ("tr", "Sudan, Hükümetlerarası Kalkınma Otoritesindeki üyeliğini askıya aldı.", ["IGAD"]),
            ("az", "Kanada Millətlər Birliyinin tamhüquqlu üzvüdür.", ["COMMONWEALTH"]),
            ("az", "Niger Qərbi Afrika Dövlətlərinin İqtisadi Birliyindən çıxıb.", ["ECOWAS"]),
            ("az", "Qabon Mərkəzi Afrika Dövlətlərinin İqtisadi Birliyinə sədrlik edir.", ["ECCAS"]),
            ("az", "Böyük İyirmiliyin sammitinə Kuba gəlmədi.", ["G20"]),
            ("de", "Die Gruppe der Zwanzig sprach über den Gipfel des Gemeinsamen Marktes des Südens.", ["G20", "MERCOSUR"]),
            ("fr", "Le Brésil préside le Marché commun du Sud cette année.", ["MERCOSUR"]),
            ("es", "Georgia firmó el Plan de Acción Individual para la Asociación con la OTAN.", ["IPAP", "NATO"]),
        ])
    func historicBlocs(language: String, text: String, expected: [String]) async throws {
        #expect(try await ids(of: "ORG", in: text, language: language) == expected)
    }

    @Test(
        "older names of today's states link to their codes",
        arguments: [
            ("ru", "Президент Македонии прилетел из Бирмы в Заир.", ["MK", "MM", "CD"]),
            ("uk", "Посол Свазіленду зустрівся з послом Берега Слонової Кістки.", ["SZ", "CI"]),
            ("tr", "Makedonya'nın başkenti Üsküp, Demokratik Kongo Cumhuriyeti'nin Kinşasa.", ["MK", "CD"]),
            ("az", "Makedoniyanın və Svazilendin nümayəndələri gəldi.", ["MK", "SZ"]),
            ("de", "Die Elfenbeinküste und Osttimor schickten Delegationen.", ["CI", "TL"]),
            ("fr", "Le Zaïre de Mobutu et la Macédoine ont voté.", ["CD", "MK"]),
            ("es", "Costa de Marfil y Suazilandia votaron con Türkiye.", ["CI", "SZ", "TR"]),
        ])
    func olderCountryNames(language: String, text: String, expected: [String]) async throws {
        #expect(try await ids(of: "GPE", in: text, language: language) == expected)
    }

    @Test(
        "people after titles, in capitalised runs, and by a surname seen before; known leaders linked, inflected too",
        arguments: [
            (
                "ru", "Президент России Владимир Путин встретился с Сергеем Лавровым. Позже Путина поддержали.",
                ["Владимир Путин|VLADIMIR_PUTIN", "Сергеем Лавровым|SERGEY_LAVROV", "Путина|VLADIMIR_PUTIN"]
            ),
            ("ru", "Президент Иван Петренко выступил.", ["Иван Петренко|-"]),
            ("uk", "Президент Володимир Зеленський подякував партнерам.", ["Володимир Зеленський|VOLODYMYR_ZELENSKYY"]),
            (
                "tr", "Cumhurbaşkanı Erdoğan, Fransa Cumhurbaşkanı Emmanuel Macron ile görüştü.",
                ["Erdoğan|RECEP_TAYYIP_ERDOGAN", "Emmanuel Macron|EMMANUEL_MACRON"]
            ),
            ("az", "Prezident İlham Əliyev çıxış etdi.", ["İlham Əliyev|ILHAM_ALIYEV"]),
            (
                "de", "Bundeskanzler Olaf Scholz traf Präsident Macron; Die Deutsche Bank schwieg.",
                ["Olaf Scholz|OLAF_SCHOLZ", "Macron|EMMANUEL_MACRON"]
            ),
            ("fr", "Le président français Emmanuel Macron a parlé.", ["Emmanuel Macron|EMMANUEL_MACRON"]),
            ("es", "El presidente Pedro Sánchez habló con el Banco Central.", ["Pedro Sánchez|PEDRO_SANCHEZ"]),
        ])
    func people(language: String, text: String, expected: [String]) async throws {
        let found = try await mentions(text, language: language).filter { $0.contains("|PERSON|") }
        #expect(found == expected.map { $0.split(separator: "|").joined(separator: "|PERSON|") })
    }

    @Test("a run of capitalised words naming an organisation is no person")
    func organisations() async throws {
        let found = try await mentions("Türkiye Merkez Bankası faizi artırdı.", language: "tr")
        #expect(!found.contains { $0.contains("|PERSON|") })
    }

    @Test("every title, bloc and capital line of the shipped names loads")
    func shipped() throws {
        let names = try CountryNames.shipped
        #expect(names.languagesWithTitles == ["az", "de", "es", "fr", "ru", "tr", "uk"])
        for language in names.languagesWithTitles {
            #expect(names.people(in: language) != nil)
        }
    }

    @Test("a bad line of the other languages' names is reported with its number")
    func badLine() {
        var names = CountryNames()
        #expect(throws: GleanError.self) { try names.addOtherNames(tsv: "ru\tНАТО\tORG\n", source: "x.tsv") }
        #expect(throws: GleanError.self) { try names.addOtherNames(tsv: "ru\tНАТО\tBLOC\tNATO\tNATO\t-\n", source: "x.tsv") }
    }
}
