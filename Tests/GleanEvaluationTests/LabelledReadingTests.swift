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
        for index in passages.indices { try reading.read(&passages[index]) }
        #expect(passages.map(\.language) == ["ru", nil, nil, "de"])
        #expect(reading.languagesFound == 1)
    }

    @Test("a file's speaker that names no country is dropped, not replaced by the id's, and named in a warning")
    func unknownSpeaker() throws {
        var reading = try #require(Self.reading)
        let lines = [
            #"{"id":"un-general-debate/x/Session 59 - 2004/LVA_59_2004.txt#p1","speaker":"Atlantis","text":"t","pairs":[]}"#,
            #"{"id":"un-general-debate/x/Session 59 - 2004/LVA_59_2004.txt#p2","speaker":"Estonia","text":"t","pairs":[]}"#,
            #"{"id":"un-general-debate/x/Session 59 - 2004/LVA_59_2004.txt#p3","text":"t","pairs":[["Latvia","Nato","member"]]}"#,
        ]
        var passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "s.jsonl")
        for index in passages.indices { try reading.read(&passages[index]) }
        #expect(passages.map(\.speaker) == [nil, "EE", "LV"])
        #expect(passages[2].pairs.map { "\($0.actor)/\($0.bloc)" } == ["LV/NATO"])
        #expect(reading.speakersFromIDs == 1 && reading.yearsFromIDs == 3)
        #expect(
            reading.warning(command: "eval")
                == "eval: speakers that name no country the gazetteer knows, read without a speaker: Atlantis\n")
    }

    @Test("a language an id names is counted when it is not English; a blank speaker is none")
    func idLanguages() throws {
        var reading = try #require(Self.reading)
        let lines = [
            #"{"id":"white-house/a/2024-07-01-x.md#p1@ru","text":"t","pairs":[]}"#,
            #"{"id":"white-house/a/2024-07-01-x.md#p1@en","speaker":" ","text":"t","pairs":[]}"#,
        ]
        var passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "i.jsonl")
        for index in passages.indices { try reading.read(&passages[index]) }
        #expect(passages.map(\.language) == ["ru", "en"])
        #expect(reading.languagesFound == 1)
        // The blank speaker is none, so the id's is taken, as for the first.
        #expect(passages.map(\.speaker) == ["US", "US"] && reading.speakersFromIDs == 2)
        #expect(reading.warning(command: "eval").isEmpty)
    }

    /// Every committed English passage (no `lang`) must stay English, and every other keep its own.
    @Test("no committed labelled passage changes language")
    func committedFiles() throws {
        let reading = try #require(Self.reading)
        let detector = LanguageDetector(model: try LanguageModel.shipped)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Evaluation/alignment-stance")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix("agreement-") }.sorted()
        var read = 0
        for file in files {
            for passage in try #require(try LabelledPassage.read(file: folder.appendingPathComponent(file).path)) {
                var again = passage
                again.detectLanguage(with: detector, among: reading.languages)
                #expect(again.language == passage.language, "\(file): \(passage.id)")
                read += 1
            }
        }
        #expect(read > 6_000)
    }
}
