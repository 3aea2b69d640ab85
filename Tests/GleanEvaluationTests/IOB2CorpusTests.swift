import Foundation
import GleanCore
import GleanEvaluation
import Testing

@Suite("IOB2 corpora and the document split")
struct IOB2CorpusTests {
    @Test("reads token-and-tag and index-token-tag lines, sentence ids and texts")
    func formats() throws {
        let twoColumns = "# sent_id = GUM_news_a-1\n# text = Aliyev spoke\nAliyev\tB-PER\nspoke\tO\n\nBaku\tB-LOC\n"
        let corpus = try IOB2Corpus(text: twoColumns, source: "two.iob2")
        #expect(corpus.sentences.count == 2)
        #expect(corpus.sentences[0].id == "GUM_news_a-1")
        #expect(corpus.sentences[0].text == "Aliyev spoke")
        #expect(corpus.sentences[0].tokens == ["Aliyev", "spoke"])
        #expect(corpus.sentences[1].tags == ["B-LOC"])
        let indexed = "# sent_id = x-0001\n1\tWhat\tO\t-\t-\n2\tMiramar\tB-LOC\t-\tstephen\n"
        let uner = try IOB2Corpus(text: indexed, source: "test.iob2")
        #expect(uner.sentences.first?.tokens == ["What", "Miramar"])
        #expect(uner.sentences.first?.tags == ["O", "B-LOC"])
    }

    @Test("a line with one field is an error naming the file and line")
    func badLine() {
        #expect(throws: GleanError.self) { try IOB2Corpus(text: "# c\nAliyev\n", source: "bad.iob2") }
        do {
            _ = try IOB2Corpus(text: "# c\nAliyev\n", source: "bad.iob2")
        } catch {
            #expect(error.description.contains("bad.iob2:2"))
        }
    }

    @Test("reads gzipped files")
    func gzip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glean-iob2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("a.iob2")
        try Data("# sent_id = btc-a-00001\nHello\tO\nBaku\tB-LOC\n\n".utf8).write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", plain.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let corpus = try IOB2Corpus(path: plain.path + ".gz")
        #expect(corpus.sentences.map(\.tokens) == [["Hello", "Baku"]])
        #expect(corpus.sentences.first?.id == "btc-a-00001")
    }

    @Test(
        "documents come from sentence ids",
        arguments: [
            (
                "weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000-0003",
                "weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000"
            ),
            ("GUM_news_iodine-12", "GUM_news_iodine"), ("btc-a-00017", "btc-a-00017"),
            ("wikigold-00001", "wikigold-article-1"), ("wikigold-00006", "wikigold-article-1"),
            ("wikigold-00007", "wikigold-article-2"), ("wikigold-01696", "wikigold-article-145"),
        ])
    func documents(id: String, document: String) {
        #expect(DocumentSplit.document(of: id) == document)
    }

    @Test("the split is by document, GUM's test partition is held out whole, and about 15 % is held out")
    func split() {
        let file = "../shared/data/ner-train/uner-en-ewt-train.iob2.gz"
        #expect(DocumentSplit.part(ofSentence: "GUM_bio_x-3", inFile: "gum-test.iob2") == .holdout)
        #expect(DocumentSplit.part(ofSentence: "GUM_bio_x-3", inFile: "gum-train.iob2") != .holdout)
        var counts: [DocumentSplit.Part: Int] = [:]
        for number in 0..<2000 {
            let parts = Set((1...5).map { DocumentSplit.part(ofSentence: "doc\(number)-000\($0)", inFile: file) })
            #expect(parts.count == 1)
            counts[parts.first ?? .train, default: 0] += 1
        }
        #expect((200...400).contains(counts[.holdout] ?? 0))
        #expect((200...400).contains(counts[.dev] ?? 0))
    }
}
