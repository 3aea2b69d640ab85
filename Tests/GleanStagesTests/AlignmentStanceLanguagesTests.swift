import Foundation
import GleanCore
import GleanStages
import Testing

/// The stance stage in each language with cues: one sentence per stance per language (our own
/// translations of the English tests' sentences), and the skip for a language without cues.
@Suite("alignment-stance in other languages")
struct AlignmentStanceLanguagesTests {
    private static let stage: Result<any Stage, any Error> = Result {
        try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: [:], context: StageContext(stageID: "stance", baseDirectory: "."))
    }

    /// `actor/bloc/stance` for each pair of `text` in `language`, sorted.
    private func pairs(_ text: String, language: String) async throws -> [String] {
        let result = try await Self.stage.get().analyze(
            StageInput(document: Document(id: "1", text: text), resultsByStage: ["language": ["code": .string(language)]]))
        guard case .output(let value) = result else {
            Issue.record("expected output, got \(result)")
            return []
        }
        return value.arrayValue?.map {
            "\($0["actor"]?["id"]?.stringValue ?? "?")/\($0["bloc"]?.stringValue ?? "?")/\($0["stance"]?.stringValue ?? "?")"
        }.sorted() ?? []
    }

    @Test(
        "each stance from its cues, per language",
        arguments: [
            ("ru", "Казахстан является членом-основателем ШОС.", "KZ/SCO/member"),
            ("ru", "Грузия подала заявку на вступление в ЕС.", "GE/EU/seeking"),
            ("ru", "Япония является одним из глобальных партнёров НАТО.", "JP/NATO/partner"),
            ("ru", "Туркменистан сохраняет нейтралитет и отказывается вступать в ОДКБ.", "TM/CSTO/neutral"),
            ("ru", "Министр иностранных дел России Сергей Лавров назвал НАТО угрозой.", "RU/NATO/opposed"),
            ("uk", "Казахстан є членом-засновником ШОС.", "KZ/SCO/member"),
            ("uk", "Грузія подала заявку на вступ до ЄС.", "GE/EU/seeking"),
            ("uk", "Японія є одним із глобальних партнерів НАТО.", "JP/NATO/partner"),
            ("uk", "Туркменістан зберігає нейтралітет і відмовляється вступати до ОДКБ.", "TM/CSTO/neutral"),
            ("uk", "Міністр закордонних справ Росії Сергій Лавров назвав НАТО загрозою.", "RU/NATO/opposed"),
            ("tr", "Kazakistan, ŞİÖ'nün kurucu üyesidir.", "KZ/SCO/member"),
            ("tr", "Gürcistan AB üyeliği için başvurdu.", "GE/EU/seeking"),
            ("tr", "Japonya, NATO'nun küresel ortaklarından biridir.", "JP/NATO/partner"),
            ("tr", "Türkmenistan tarafsız kalıyor ve KGAÖ'ye katılmayı reddediyor.", "TM/CSTO/neutral"),
            ("tr", "Rusya Dışişleri Bakanı Sergey Lavrov, NATO'yu bir tehdit olarak nitelendirdi.", "RU/NATO/opposed"),
            ("az", "Qazaxıstan Şanxay Əməkdaşlıq Təşkilatının təsisçi üzvüdür.", "KZ/SCO/member"),
            ("az", "Gürcüstan Avropa İttifaqına üzv olmaq üçün müraciət edib.", "GE/EU/seeking"),
            ("az", "Yaponiya NATO-nun qlobal tərəfdaşlarından biridir.", "JP/NATO/partner"),
            (
                "az", "Türkmənistan neytral qalır və Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatına qoşulmaqdan imtina edir.",
                "TM/CSTO/neutral"
            ),
            ("az", "Rusiya xarici işlər naziri Sergey Lavrov NATO-nu təhdid adlandırıb.", "RU/NATO/opposed"),
            ("de", "Kasachstan ist Gründungsmitglied der Schanghaier Organisation für Zusammenarbeit.", "KZ/SCO/member"),
            ("de", "Georgien hat einen Antrag auf Aufnahme in die EU gestellt.", "GE/EU/seeking"),
            ("de", "Japan ist einer der globalen Partner der NATO.", "JP/NATO/partner"),
            ("de", "Turkmenistan bleibt neutral und lehnt einen Beitritt zur OVKS ab.", "TM/CSTO/neutral"),
            ("de", "Russland nennt die NATO eine Bedrohung, sagte Außenminister Sergej Lawrow.", "RU/NATO/opposed"),
            ("fr", "Le Kazakhstan est membre fondateur de l'Organisation de coopération de Shanghai.", "KZ/SCO/member"),
            ("fr", "La Géorgie a déposé une demande d'adhésion à l'Union européenne.", "GE/EU/seeking"),
            ("fr", "Le Japon est l'un des partenaires mondiaux de l'OTAN.", "JP/NATO/partner"),
            ("fr", "Le Turkménistan reste neutre et refuse d'adhérer à l'OTSC.", "TM/CSTO/neutral"),
            ("fr", "La Russie considère l'OTAN comme une menace, a déclaré Sergueï Lavrov.", "RU/NATO/opposed"),
            ("es", "Kazajistán es miembro fundador de la Organización de Cooperación de Shanghái.", "KZ/SCO/member"),
            ("es", "Georgia ha solicitado la adhesión a la Unión Europea.", "GE/EU/seeking"),
            ("es", "Japón es uno de los socios globales de la OTAN.", "JP/NATO/partner"),
            ("es", "Turkmenistán sigue siendo neutral y rechaza ingresar en la OTSC.", "TM/CSTO/neutral"),
            ("es", "Rusia considera a la OTAN una amenaza, dijo Serguéi Lavrov.", "RU/NATO/opposed"),
        ])
    func stances(language: String, text: String, expected: String) async throws {
        let found = try await pairs(text, language: language)
        #expect(found == [expected])
    }

    @Test(
        "negation in each language turns seeking into neutral",
        arguments: [
            ("ru", "Молдова не стремится вступить в НАТО.", "MD/NATO/neutral"),
            ("uk", "Молдова не прагне вступити до НАТО.", "MD/NATO/neutral"),
            ("tr", "Moldova NATO'ya katılmayacak.", "MD/NATO/neutral"),
            ("az", "Moldova NATO-ya qoşulmayacaq.", "MD/NATO/neutral"),
            ("de", "Moldau will der NATO nicht beitreten.", "MD/NATO/neutral"),
            ("fr", "La Moldavie ne veut pas adhérer à l'OTAN.", "MD/NATO/neutral"),
            ("es", "Moldavia no quiere ingresar en la OTAN.", "MD/NATO/neutral"),
        ])
    func negation(language: String, text: String, expected: String) async throws {
        let found = try await pairs(text, language: language)
        #expect(found == [expected])
    }

    @Test("a language without cues is skipped, naming the languages read")
    func unsupported() async throws {
        let result = try await Self.stage.get().analyze(
            StageInput(
                document: Document(id: "1", text: "La Georgia ha chiesto di aderire all'Unione europea."),
                resultsByStage: ["language": ["code": "it"]]))
        guard case .skipped(let reason) = result else {
            Issue.record("expected a skip, got \(result)")
            return
        }
        #expect(reason.hasPrefix("unsupported language: it (alignment-stance reads "))
        #expect(reason.contains("ru") && reason.contains("tr") && reason.contains("en"))
    }

    @Test(
        "the words around a bloc give the model their tone, from each language's lexicon",
        arguments: [
            ("en", "Russia condemns the aggressive and dangerous expansion of NATO."),
            ("ru", "Россия осуждает агрессивное и опасное расширение НАТО."),
            ("de", "Russland verurteilt die aggressive und gefährliche Erweiterung der NATO."),
            ("tr", "Rusya, NATO'nun saldırgan ve tehlikeli genişlemesini kınıyor."),
        ])
    func tone(language: String, text: String) throws {
        let languages = try StanceLanguages(model: nil)
        let analyzer = try #require(languages.analyzer(for: language))
        let candidates = analyzer.candidates(in: text, entities: languages.entities(in: text, language: language))
        let pair = try #require(candidates.first { $0.actor == "RU" && $0.bloc == "NATO" })
        #expect((pair.features["tone.sentence.negative"] ?? 0) > 0, "\(pair.features.keys.sorted())")
        #expect((pair.features["tone.near_bloc.negative"] ?? 0) > 0)
    }

    @Test("Turkish lower-casing: I is ı and İ is i, so cues written in lower case match capitals")
    func turkishCase() async throws {
        // Unicode's default would lower `İşbirliği` to `i̇şbirliği` (with a combining dot), which no
        // cue matches.
        let found = try await pairs("Japonya NATO ile İşbirliği yapıyor.", language: "tr")
        #expect(found == ["JP/NATO/partner"])
    }

    @Test("a user's cue file adds patterns for another language under `languages:`")
    func userLanguages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stance-cues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cues.yaml")
        try "languages:\n  de:\n    stances:\n      seeking: [{ pattern: liebäugelt mit, weight: 1.5 }]\n".write(
            to: file, atomically: true, encoding: .utf8)
        let stage = try StageFactory(AlignmentStanceStage.self).makeStage(
            configuration: ["cues": .string(file.path), "min_confidence": 0],
            context: StageContext(stageID: "stance", baseDirectory: "."))
        // Kazakhstan is no candidate, so without the cue nothing says seeking (the membership table
        // alone makes a built-in Georgia–EU pair seeking). One cue in a short sentence is weak
        // evidence for the model, whose stance may go either way, so every pair is shown
        // (min_confidence 0) and the user's cue is looked for among its evidence.
        let text = "Kasachstan liebäugelt mit der EU."
        let input = StageInput(document: Document(id: "1", text: text), resultsByStage: ["language": ["code": "de"]])
        guard case .output(let value) = try await stage.analyze(input) else {
            Issue.record("expected output")
            return
        }
        let pair = try #require(value.arrayValue?.first { $0["actor"]?["id"] == "KZ" && $0["bloc"] == "EU" })
        let evidence = pair["evidence"]?.arrayValue ?? []
        #expect(evidence.contains { $0["pattern"] == "liebäugelt mit" && $0["stance"] == "seeking" }, "\(evidence)")
        let builtIn = try await pairs(text, language: "de")
        #expect(!builtIn.contains("KZ/EU/seeking"))
    }
}
