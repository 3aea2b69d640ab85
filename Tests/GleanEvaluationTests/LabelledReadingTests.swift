import Foundation
import GleanEvaluation
import GleanStages
import Testing

@Suite("labelled passages read as the project's own")
struct LabelledReadingTests {
    static let reading: LabelledReading? = try? LabelledReading(gazetteer: Gazetteer.shipped)

    @Test("a passage without `lang` is read in the language the detector is sure of, when it has stance cues")
    func detects() throws {
        var reading = try #require(Self.reading)
        let lines = [
            #"{"id":"r","text":"Азербайджан сотрудничает с НАТО в рамках программы «Партнёрство ради мира» с 1994 года и не стремится к членству в альянсе.","pairs":[]}"#,
            #"{"id":"e","text":"Azerbaijan has cooperated with NATO through the Partnership for Peace since 1994.","pairs":[]}"#,
            // Polish has no stance cues: the passage stays English, as before.
            #"{"id":"p","text":"Polska przystąpiła do Sojuszu Północnoatlantyckiego w 1999 roku i jest jego aktywnym członkiem.","pairs":[]}"#,
            #"{"id":"g","lang":"de","text":"Azerbaijan has cooperated with NATO.","pairs":[]}"#,
        ]
        var passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "l.jsonl")
        for index in passages.indices { reading.read(&passages[index]) }
        #expect(passages.map(\.language) == ["ru", nil, nil, "de"])
        #expect(reading.languagesFound == 1)
    }

    /// Every committed English passage (no `lang`) must stay English, and every other keep its own.
    @Test("no committed labelled passage changes language")
    func committedFiles() throws {
        let reading = try #require(Self.reading)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Evaluation/alignment-stance")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix("agreement-") }.sorted()
        var read = 0
        for file in files {
            for passage in try #require(try LabelledPassage.read(file: folder.appendingPathComponent(file).path)) {
                var again = passage
                again.detectLanguage(with: reading.detector, among: reading.languages)
                #expect(again.language == passage.language, "\(file): \(passage.id)")
                read += 1
            }
        }
        #expect(read > 6_000)
    }
}
