import Foundation
import GleanCore

/// Writes a synthetic corpus of news-length JSON Lines documents for `glean bench`.
///
/// Articles are assembled from sentence patterns in English (most), Russian, French, German,
/// Turkish and Azerbaijani, with countries, organisations, people and numbers drawn by a
/// seeded generator: the same size and seed give the same bytes on every machine.
struct BenchCorpus {
    /// The approximate size to write, in bytes.
    var targetBytes: Int
    /// Whether documents are one sentence (about 150 bytes) instead of news-length.
    var short = false
    /// The generator's seed.
    var seed: UInt64 = 2026

    /// Writes the corpus to `path`; returns the number of documents and bytes.
    func write(to path: String) throws -> (documents: Int, bytes: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw GleanError(.unwritableOutput, "cannot create the corpus file `\(path)`")
        }
        defer { try? handle.close() }
        var random = SplitMix64(seed: seed)
        var written = 0
        var documents = 0
        var chunk = JSONWriter(capacity: 1 << 20)
        while written + chunk.bytes.count < targetBytes {
            documents += 1
            chunk.write(article(number: documents, random: &random))
            chunk.writeByte(0x0A)
            if chunk.bytes.count >= 1 << 20 {
                try handle.write(contentsOf: chunk.bytes)
                written += chunk.bytes.count
                chunk = JSONWriter(capacity: 1 << 20)
            }
        }
        try handle.write(contentsOf: chunk.bytes)
        written += chunk.bytes.count
        return (documents, written)
    }

    private func article(number: Int, random: inout SplitMix64) -> JSONValue {
        let roll = random.next(below: 100)
        let language: Language = roll < 70 ? .english : Language.allCases[1 + random.next(below: Language.allCases.count - 1)]
        let patterns = language.patterns
        var sentences: [String] = []
        var length = 0
        let target = short ? 1 : 2_000 + random.next(below: 3_000)
        while length < target {
            var sentence = patterns[random.next(below: patterns.count)]
            for (slot, pool) in Self.slots {
                while let range = sentence.range(of: slot) {
                    sentence.replaceSubrange(range, with: pool[random.next(below: pool.count)])
                }
            }
            while let range = sentence.range(of: "{n}") {
                sentence.replaceSubrange(range, with: String(2 + random.next(below: 9_000)))
            }
            sentences.append(sentence)
            length += sentence.utf8.count + 1
        }
        let title = sentences[0].split(separator: " ").prefix(8).joined(separator: " ")
        return [
            "id": .string(String(format: "doc-%07d", number)),
            "title": .string(title),
            "url": .string("https://news.example.org/\(language.rawValue)/\(number)"),
            "published": .string(String(format: "2026-%02d-%02dT%02d:00:00Z", 1 + number % 12, 1 + number % 28, number % 24)),
            "text": .string(sentences.joined(separator: number % 5 == 0 ? "\n\n" : " ")),
        ]
    }

    private static let slots: [(String, [String])] = [
        (
            "{country}",
            [
                "Azerbaijan", "Georgia", "Armenia", "Türkiye", "Finland", "Sweden", "Moldova", "Kazakhstan", "Serbia", "Ukraine",
                "Norway", "Austria", "Mongolia", "Uzbekistan", "Belarus", "Côte d’Ivoire",
            ]
        ),
        (
            "{org}",
            [
                "NATO", "the European Union", "the CSTO", "the Shanghai Cooperation Organisation", "BRICS", "the OSCE",
                "the United Nations", "the Eurasian Economic Union", "GUAM",
            ]
        ),
        (
            "{person}",
            [
                "Ilham Aliyev", "Maia Sandu", "Alexander Stubb", "Kassym-Jomart Tokayev", "Ursula von der Leyen", "Mark Rutte",
                "Nikol Pashinyan", "Irakli Kobakhidze",
            ]
        ),
        ("{city}", ["Baku", "Tbilisi", "Yerevan", "Ankara", "Helsinki", "Brussels", "Astana", "Chișinău", "Vienna", "Belgrade"]),
    ]

    private enum Language: String, CaseIterable {
        case english = "en", russian = "ru", french = "fr", german = "de", turkish = "tr", azerbaijani = "az"

        var patterns: [String] {
            switch self {
            case .english:
                return [
                    "{person} met officials from {org} in {city} on Tuesday to discuss regional security.",
                    "The foreign ministry of {country} said it would deepen cooperation with {org} next year.",
                    "Analysts in {city} expect trade between {country} and {country} to grow by {n} million dollars.",
                    "{country} has taken part in {n} joint exercises with {org} since the programme began.",
                    "Officials declined to comment on reports that {country} was considering an application to join {org}.",
                    "\"We remain committed to a balanced foreign policy,\" {person} told reporters in {city}.",
                    "The parliament of {country} approved the agreement by {n} votes, opening the way for ratification.",
                    "Protesters gathered outside the government building in {city}, demanding early elections.",
                    "A delegation from {org} arrived in {city} for two days of talks on energy and transport.",
                    "Inflation in {country} slowed to {n} basis points above target, the central bank said.",
                    "The summit ended without a joint statement after {country} objected to the final wording.",
                    "Mr. {person} said the decision was \"not on the agenda\" for the coming months.",
                ]
            case .russian:
                return [
                    "{person} провёл переговоры с представителями {org} в городе {city}.",
                    "Министерство иностранных дел заявило, что сотрудничество будет продолжено в следующем году.",
                    "По словам экспертов, товарооборот между странами вырастет на {n} миллионов долларов.",
                    "Парламент одобрил соглашение большинством в {n} голосов.",
                ]
            case .french:
                return [
                    "{person} a rencontré des responsables de {org} à {city} pour discuter de sécurité régionale.",
                    "Le ministère des affaires étrangères a déclaré que la coopération serait approfondie l’an prochain.",
                    "Selon les analystes, les échanges commerciaux devraient croître de {n} millions de dollars.",
                    "Le parlement a approuvé l’accord par {n} voix, ouvrant la voie à la ratification.",
                ]
            case .german:
                return [
                    "{person} traf sich in {city} mit Vertretern von {org}, um über regionale Sicherheit zu sprechen.",
                    "Das Außenministerium erklärte, die Zusammenarbeit solle im nächsten Jahr vertieft werden.",
                    "Nach Einschätzung von Fachleuten wird der Handel um {n} Millionen Dollar wachsen.",
                    "Das Parlament billigte das Abkommen mit {n} Stimmen.",
                ]
            case .turkish:
                return [
                    "{person}, {city} kentinde {org} yetkilileriyle bölgesel güvenliği görüştü.",
                    "Dışişleri Bakanlığı, işbirliğinin gelecek yıl derinleştirileceğini açıkladı.",
                    "Uzmanlara göre iki ülke arasındaki ticaret {n} milyon dolar artacak.",
                    "Meclis anlaşmayı {n} oyla onayladı.",
                ]
            case .azerbaijani:
                return [
                    "{person} {city} şəhərində {org} nümayəndələri ilə regional təhlükəsizliyi müzakirə etdi.",
                    "Xarici İşlər Nazirliyi əməkdaşlığın gələn il dərinləşdiriləcəyini bildirdi.",
                    "Ekspertlərin fikrincə, ticarət dövriyyəsi {n} milyon dollar artacaq.",
                    "Parlament sazişi {n} səslə təsdiqlədi.",
                ]
            }
        }
    }
}
