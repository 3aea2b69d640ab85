import Foundation
import GleanEvaluation
import GleanStages
import Testing

@Suite("corpus metadata from passage ids")
struct CorpusMetadataTests {
    static let metadata: CorpusMetadata? = try? CorpusMetadata.shipped()

    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var speaker: String?
        var date: String?
        var language: String? = nil
        var testDescription: String { id }
    }

    static let cases: [Case] = [
        Case(id: "un-general-debate/data/data_original/TXT/Session 12 - 1957/BLR_12_1957.txt#p51", speaker: "BY", date: "1957"),
        // The Soviet Union's statements are filed as RUS; from 1992 they are Russia's.
        Case(id: "un-general-debate/x/Session 17 - 1962/RUS_17_1962.txt#p3", speaker: "SU", date: "1962"),
        Case(id: "un-general-debate/x/Session 47 - 1992/RUS_47_1992.txt#p3", speaker: "RU", date: "1992"),
        Case(id: "un-general-debate/x/Session 30 - 1975/YUG_30_1975.txt#p9@de", speaker: "YU", date: "1975", language: "de"),
        Case(id: "un-general-debate/x/Session 30 - 1975/notes.txt#p9", speaker: nil, date: "1975"),
        Case(id: "un-general-debate/x/Session 30 - 1975/XXQ_30_1975.txt#p9", speaker: nil, date: "1975"),
        Case(
            id: "white-house/articles/2025-04/2025-04-04-week-11-wins.md#p3.36", speaker: "US", date: "2025-04-04"),
        Case(id: "white-house/articles/2025-04/briefing.md#p3", speaker: "US", date: nil),
        Case(id: "factbook/europe/gm.json#Government: note", speaker: "DE", date: "2025"),
        Case(id: "factbook/europe/zz.json#note", speaker: nil, date: "2025"),
        // The Factbook writes its FIPS codes and ParlaMint its parliaments in lower case, as the scripts read them.
        Case(id: "factbook/europe/GM.json#note", speaker: nil, date: "2025"),
        Case(id: "parlamint-AT/ParlaMint-AT_1996-04-16.txt#u1", speaker: nil, date: "1996-04-16"),
        Case(id: "parlamint-at/ParlaMint-AT_1996-04-16-020-XX-NRSITZ-00018.txt#u12", speaker: "AT", date: "1996-04-16"),
        Case(id: "parlamint-tr/ParlaMint-TR_T26-tbmm-2017-01-14.xml#u3", speaker: "TR", date: "2017-01-14"),
        Case(id: "wikipedia/Page/Hungary.md#p123", speaker: nil, date: "2019"),
        Case(id: "ntrex/newstest2019-en.txt#12@ru", speaker: nil, date: "2019", language: "ru"),
        Case(id: "wikipedia/Page/Tom@Home.md#p1", speaker: nil, date: "2019"),
        Case(id: "uk-wikipedia/test.jsonl#7", speaker: nil, date: nil),
        Case(id: "own-7", speaker: nil, date: nil),
    ]

    @Test("speaker and date read from an id", arguments: cases)
    func readsID(_ example: Case) throws {
        let metadata = try #require(Self.metadata)
        #expect(metadata.speaker(ofPassage: example.id) == example.speaker)
        #expect(metadata.date(ofPassage: example.id) == example.date)
        #expect(metadata.language(ofPassage: example.id) == example.language)
    }

    @Test("a passage keeps what its file gives and takes only what is missing")
    func completes() throws {
        let metadata = try #require(Self.metadata)
        let lines = [
            #"{"id":"white-house/a/2024-07-01-x.md#p1","speaker":"GB","text":"t","pairs":[]}"#,
            #"{"id":"un-general-debate/x/Session 12 - 1957/BLR_12_1957.txt#p1","text":"t","pairs":[]}"#,
            // As ../shared/data writes a passage: the document in `source` and `path`.
            #"{"id":"h-17","source":"factbook","path":"europe/gm.json","text":"t","pairs":[]}"#,
        ]
        var passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "m.jsonl")
        #expect(passages[0].complete(from: metadata) == .year)
        #expect(passages[0].speaker == "GB" && passages[0].year == 2024)
        #expect(passages[1].complete(from: metadata) == [.speaker, .year])
        #expect(passages[1].speaker == "BY" && passages[1].year == 1957)
        #expect(passages[1].complete(from: metadata) == [])
        // A file's own date wins over the id's.
        var dated = try LabelledPassage.read(
            jsonLines: #"{"id":"white-house/a/2024-07-01-x.md#p1@fr","date":"1999","text":"t","pairs":[]}"#, source: "d.jsonl")
        #expect(dated[0].complete(from: metadata) == [.speaker, .language])
        #expect(dated[0].year == 1999 && dated[0].language == "fr")
        #expect(passages[2].complete(from: metadata) == [.speaker, .year])
        #expect(passages[2].speaker == "DE" && passages[2].year == 2025)
    }

    /// Every committed labelled file's `speaker` and `date` fields were written by
    /// `scripts/stance_speakers.py` and `scripts/stance_dates.py`; the reader must find the same.
    @Test("the ids of every labelled real passage give the speaker and date its file writes")
    func agreesWithFiles() throws {
        let metadata = try #require(Self.metadata)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Evaluation/alignment-stance")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("real-") && $0.hasSuffix(".jsonl") }.sorted()
        #expect(files.count >= 20)
        var compared = (speakers: 0, dates: 0)
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let passages = try #require(try LabelledPassage.read(file: path))
            for passage in passages {
                var bare = passage
                bare.speaker = nil
                bare.year = nil
                bare.language = nil
                bare.complete(from: metadata)
                #expect(bare.speaker == passage.speaker, "\(file): \(passage.id)")
                #expect(bare.year == passage.year, "\(file): \(passage.id)")
                if passage.id.contains("@") {
                    #expect(bare.language == passage.language, "\(file): \(passage.id)")
                }
                compared.speakers += passage.speaker == nil ? 0 : 1
                compared.dates += passage.year == nil ? 0 : 1
            }
        }
        #expect(compared.speakers > 2_000 && compared.dates > 3_000)
    }
}
