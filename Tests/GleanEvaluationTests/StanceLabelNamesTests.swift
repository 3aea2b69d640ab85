import Foundation
import GleanCore
import GleanEvaluation
import GleanStages
import Testing

@Suite("labelled names read as the stage's codes")
struct StanceLabelNamesTests {
    static let names: StanceLabelNames? = {
        guard let gazetteer = try? Gazetteer.shipped, let codes = try? CountryCodes.shipped else { return nil }
        return StanceLabelNames(gazetteer: gazetteer, codes: codes)
    }()

    @Test(
        "an actor by code, alpha-3 code or name",
        arguments: [
            ("AZ", "AZ"), ("az", "AZ"), ("AZE", "AZ"), ("Azerbaijan", "AZ"), ("Republic of Korea", "KR"),
            ("SU", "SU"), ("Soviet Union", "SU"), ("YUG", "YU"), ("Atlantis", nil), ("NATO", nil),
        ] as [(String, String?)])
    func actor(written: String, code: String?) throws {
        let names = try #require(Self.names)
        #expect(names.actor(written) == code)
    }

    @Test(
        "a bloc by id in any case or name; a programme or body is its own, counted for its bloc",
        arguments: [
            ("NATO", .bloc("NATO")), ("nato", .bloc("NATO")), ("North Atlantic Treaty Organization", .bloc("NATO")),
            ("EU", .bloc("EU")), ("European Union", .bloc("EU")), ("WARSAW_PACT", .bloc("WARSAW_PACT")),
            ("Warsaw Pact", .bloc("WARSAW_PACT")), ("warsaw pact", .bloc("WARSAW_PACT")),
            // Ids that are also a country's code: the African Union, not Australia, as a bloc.
            ("AU", .bloc("AU")), ("au", .bloc("AU")), ("African Union", .bloc("AU")),
            ("Partnership for Peace", .part("PFP", of: "NATO")), ("pfp", .part("PFP", of: "NATO")),
            ("EC", .part("EC", of: "EU")), ("European Economic Area", .part("EEA", of: "EU")),
            // Bodies of the whole world the stage does not report as blocs.
            ("UN", .unreported("UN")), ("International Monetary Fund", .unreported("IMF")),
            ("Azerbaijan", nil), ("Atlantis Pact", nil),
        ] as [(String, StanceLabelNames.Bloc?)])
    func bloc(written: String, read: StanceLabelNames.Bloc?) throws {
        let names = try #require(Self.names)
        #expect(names.bloc(written) == read)
    }

    @Test("a pair written with names scores as one written with codes")
    func scoresNames() throws {
        let names = try #require(Self.names)
        var passages = try LabelledPassage.read(
            jsonLines:
                #"{"id":"n","text":"t","pairs":[["Azerbaijan","North Atlantic Treaty Organization","partner"],["xx","Atlantis Pact","member"],["AZE","Partnership for Peace","partner"]]}"#,
            source: "n.jsonl")
        #expect(passages[0].normalizeNames(with: names).labels == ["xx", "Atlantis Pact", "PFP (counted for NATO)"])
        #expect(passages[0].pairs.map { "\($0.actor)/\($0.bloc)" } == ["AZ/NATO", "xx/Atlantis Pact", "AZ/PFP"])
    }

    @Test("a pair may be written as an object, its acceptable stances in `also`")
    func objectPairs() throws {
        let lines = [
            #"{"id":"o","text":"t","pairs":[{"actor":"AZ","bloc":"NATO","stance":"partner","also":["neutral"]}]}"#,
            #"{"id":"p","text":"t","pairs":[{"actor":"AZ","bloc":"NATO","stance":"Partner","also":"neutral"},["AM","CSTO","member"]]}"#,
        ]
        let passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "o.jsonl")
        let expected = StanceScore.Labelled(actor: "AZ", bloc: "NATO", stance: .partner, also: [.neutral])
        #expect(
            passages.map(\.pairs) == [[expected], [expected, StanceScore.Labelled(actor: "AM", bloc: "CSTO", stance: .member)]])
        #expect(throws: GleanError.self) {
            try LabelledPassage.read(
                jsonLines: #"{"id":"q","text":"t","pairs":[{"actor":"AZ","stance":"partner"}]}"#, source: "q.jsonl")
        }
    }

    /// The committed files write the stage's codes; reading their names must change none of them.
    @Test("every committed labelled pair is already written as the stage's codes")
    func committedFiles() throws {
        let names = try #require(Self.names)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Evaluation/alignment-stance")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".jsonl") && !$0.hasPrefix("agreement-")
        }
        #expect(files.count >= 20)
        var changed: [String] = []
        var unread: Set<String> = []
        for file in files.sorted() {
            for passage in try #require(try LabelledPassage.read(file: folder.appendingPathComponent(file).path)) {
                var read = passage
                let names = read.normalizeNames(with: names)
                unread.formUnion(names.labels)
                #expect(names.speaker == nil && read.speaker == passage.speaker, "\(file): \(passage.id)")
                for (before, after) in zip(passage.pairs, read.pairs) where before != after {
                    changed.append("\(file) \(passage.id): \(before.actor)/\(before.bloc) → \(after.actor)/\(after.bloc)")
                }
            }
        }
        #expect(changed.isEmpty, "\(changed.prefix(20))")
        // Two blocs the labels name that the gazetteer does not know, and the European Economic Area,
        // which the stage counts for the EU: the stage never reports them.
        #expect(unread.isSubset(of: ["CEPGL", "PA", "EEA (counted for EU)"]), "\(unread.sorted())")
    }
}
