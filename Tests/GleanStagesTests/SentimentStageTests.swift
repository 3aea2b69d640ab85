import Foundation
import GleanCore
import Testing

@testable import GleanStages

@Suite("sentiment stage")
struct SentimentStageTests {
    private func stage(_ configuration: JSONValue = [:], base: String = ".") throws -> any Stage {
        try StageFactory(SentimentStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "sentiment", baseDirectory: base))
    }

    private func output(_ text: String, _ configuration: JSONValue = [:], results: [String: JSONValue] = [:]) async throws
        -> StageResult
    {
        try await stage(configuration).analyze(StageInput(document: Document(id: "1", text: text), resultsByStage: results))
    }

    @Test("document and sentence scores, label, extremes, offsets")
    func document() async throws {
        let result = try await output("The talks were good. The ceasefire failed, sadly!")
        let value = try #require(try result.outputValue)
        #expect(value["label"] == "negative" || value["label"] == "positive" || value["label"] == "neutral")
        let sentences = try #require(value["sentences"]?.arrayValue)
        #expect(sentences.count == 2)
        #expect(sentences[0]["start"] == 0 && sentences[0]["end"] == 20)
        #expect(sentences[0]["compound"] == 0.4404)
        #expect(sentences[1]["start"] == 21 && sentences[1]["end"] == 49)
        let second = try #require(sentences[1]["compound"]?.doubleValue)
        #expect(second < 0)
        #expect(value["most_positive"]?["start"] == 0)
        #expect(value["most_negative"]?["start"] == 21)
        // The mean of the two sentence compounds, and weighted by their words (4 and 4).
        let mean = (0.4404 + second) / 2
        #expect(abs((value["sentence_mean"]?.doubleValue ?? 9) - mean) < 1e-4)
        #expect(abs((value["sentence_weighted"]?.doubleValue ?? 9) - mean) < 1e-4)
    }

    @Test(
        "each sentence scores as the analyzer scores its text alone, one-sentence texts included",
        arguments: [
            "  Great news!  ", "Great news! Terrible losses.", "Ça va très bien. 😀 Good.\r\nBad day.", "no end", "\n\n",
        ])
    func sentencesScoreAlone(text: String) async throws {
        let value = try #require(try await output(text).outputValue)
        let analyzer = try VADERAnalyzer.shipped
        let scalars = Array(text.unicodeScalars)
        for sentence in value["sentences"]?.arrayValue ?? [] {
            let start = try #require(sentence["start"]?.intValue)
            let end = try #require(sentence["end"]?.intValue)
            let alone = analyzer.scores(String(String.UnicodeScalarView(scalars[start..<end])))
            #expect(sentence["compound"]?.doubleValue == alone.compound)
            #expect(sentence["neg"]?.doubleValue == alone.negative)
        }
    }

    @Test(
        "words are counted as splitting on white space counts them",
        arguments: ["one two  three", " lead and trail ", "tab\tand\nnew\u{2003}em\u{00A0}nbsp", "", "  ", "é́ x", "a\r\nb"])
    func wordCount(text: String) {
        let expected = text.split(whereSeparator: \.isWhitespace).count
        #expect(ToneReport.wordCount(Array(text.unicodeScalars)[...]) == expected)
    }

    @Test("white space is Unicode's White_Space property, for every scalar")
    func whiteSpaceTable() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            ToneReport.isWhitespace($0) != $0.properties.isWhitespace
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test("the output lists its keys in order; max_sentences counts what it left out")
    func keyOrder() async throws {
        let text = "Good. Bad. Fine."
        let full = try #require(try await output(text).outputValue)
        let capped = try #require(try await output(text, ["max_sentences": 1]).outputValue)
        let summary = try #require(try await output(text, ["sentences": false]).outputValue)
        let keys = [
            "compound", "neg", "neu", "pos", "label", "sentence_mean", "sentence_weighted", "most_positive", "most_negative",
        ]
        #expect(full.objectValue.map { $0.map(\.key) } == keys + ["sentences"])
        #expect(capped.objectValue.map { $0.map(\.key) } == keys + ["sentences", "sentences_omitted"])
        #expect(summary.objectValue.map { $0.map(\.key) } == keys)
        #expect(capped["sentences_omitted"] == 2)
        #expect(capped["sentences"]?.arrayValue?.count == 1)
        #expect(
            full["sentences"]?.arrayValue?.first == [
                "start": 0, "end": 5, "compound": 0.4404, "neg": 0.0, "neu": 0.0, "pos": 1.0,
            ])
        #expect(full["most_negative"] == ["start": 6, "end": 10, "compound": -0.5423])
    }

    @Test("emoji are described wherever they fall; other scripts' letters are not emoji")
    func emoji() throws {
        let lexicon = try VADERLexicon.shipped
        #expect(lexicon.emojiDescription("😀") == "grinning face")
        #expect(lexicon.emojiDescription("\u{00A9}") == lexicon.emoji["\u{00A9}"])
        #expect(lexicon.emojiDescription("Ж") == nil)
        for (scalar, description) in lexicon.emoji { #expect(lexicon.emojiDescription(scalar) == description) }
    }

    @Test("thresholds decide the label")
    func thresholds() async throws {
        // "good" alone: compound 0.4404.
        let strict = try #require(try await output("good", ["thresholds": [-0.5, 0.5]]).outputValue)
        #expect(strict["label"] == "neutral")
        let normal = try #require(try await output("good").outputValue)
        #expect(normal["label"] == "positive")
    }

    @Test("sentences: false leaves the list out")
    func noSentences() async throws {
        let value = try #require(try await output("Good. Bad.", ["sentences": false]).outputValue)
        #expect(value["sentences"] == nil)
        #expect(value["most_positive"] != nil)
    }

    @Test("documents in a language without a lexicon are skipped with the reason; the others are scored")
    func otherLanguage() async throws {
        let result = try await output("Molto bene", results: ["language": ["code": "it", "name": "Italian"]])
        #expect(result == .skipped(reason: "unsupported language: it (sentiment reads en, az, de, es, fr, ru, tr, uk)"))
        let russian = try #require(try await output("Хорошо", results: ["language": ["code": "ru"]]).outputValue)
        #expect(russian["label"] == "positive")
        #expect(russian["language"] == "ru")
        #expect(russian["method"] == "lexicon")
        #expect(try await output("good", results: ["language": ["code": "en"]]).outputValue != nil, "English should be scored")
    }

    @Test("a user lexicon relative to the pipeline file")
    func userLexicon() async throws {
        let folder = NSTemporaryDirectory() + "glean-sentiment-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "sanctions\t-2.0\n".write(toFile: folder + "/news.txt", atomically: true, encoding: .utf8)
        let custom = try stage(["lexicon": "news.txt"], base: folder)
        let result = try await custom.analyze(StageInput(document: Document(id: "1", text: "sanctions")))
        let value = try #require(try result.outputValue)
        #expect(value["compound"] == -0.4588)
        #expect(throws: ConfigurationError.self) { try stage(["lexicon": "missing.txt"], base: folder) }
    }

    @Test(
        "the output is written once as JSON text, the same text as its value written again",
        arguments: [
            ("Good. Bad. Fine.", [:], [:]), ("  Great news!  ", ["max_sentences": 1], [:]), ("", [:], [:]),
            ("Хорошо. Плохо.", ["sentences": false], ["language": ["code": "ru"]]),
        ] as [(String, JSONValue, [String: JSONValue])])
    func writtenAsText(text: String, configuration: JSONValue, results: [String: JSONValue]) async throws {
        guard case .serialized(let json) = try await output(text, configuration, results: results) else {
            Issue.record("expected serialised output")
            return
        }
        #expect(JSONWriter.serialize(try json.value) == json.bytes)
    }

    @Test("bad thresholds are refused at build time")
    func badThresholds() {
        #expect(throws: ConfigurationError.self) { try stage(["thresholds": [0.5, -0.5]]) }
        #expect(throws: ConfigurationError.self) { try stage(["thresholds": [0.1]]) }
    }
}
