import Foundation
import GleanCore
import Testing

@testable import GleanStages

@Suite("language")
struct LanguageStageTests {
    private func identify(_ text: String, with configuration: JSONValue = [:]) async throws -> JSONValue {
        let stage = try StageFactory(LanguageStage.self).makeStage(
            configuration: configuration, context: StageContext(stageID: "language"))
        let result = try await stage.analyze(StageInput(document: Document(id: "1", text: text)))
        guard case .output(let value) = result else {
            Issue.record("expected an output, got \(result)")
            return .null
        }
        return value
    }

    @Test(
        "identifies long and short texts in several scripts",
        arguments: [
            ("The foreign ministers of the alliance met in Brussels on Tuesday to discuss support for Ukraine.", "en"),
            ("Die Außenminister des Bündnisses trafen sich am Dienstag in Brüssel.", "de"),
            ("Azərbaycan Respublikası NATO ilə əməkdaşlığı davam etdirir.", "az"),
            ("Türkiye, NATO zirvesinde savunma harcamalarını artıracağını açıkladı.", "tr"),
            ("Министры иностранных дел встретились в Брюсселе во вторник.", "ru"),
            ("Міністри закордонних справ зустрілися в Брюсселі у вівторок.", "uk"),
            ("Қазақстан Республикасының сыртқы істер министрі мәлімдеме жасады.", "kk"),
            ("ქართული ენა", "ka"),
            ("Բարև ձեզ", "hy"),
            ("وزیر امور خارجه ایران امروز با همتای خود دیدار کرد.", "fa"),
            ("وزير الخارجية يلتقي نظيره في العاصمة", "ar"),
            ("東京で首脳会談が開かれた", "ja"),
            ("外交部长今天在北京会见了来访的代表团", "zh"),
            ("Ministrowie spraw zagranicznych spotkali się we wtorek w Brukseli.", "pl"),
            ("hvordan", "da"),
            ("government", "en"),
        ])
    func identifies(text: String, code: String) async throws {
        let value = try await identify(text)
        #expect(value["code"]?.stringValue == code, "\(text): \(value)")
    }

    @Test("reports codes, name, confidence and the top candidates")
    func output() async throws {
        let value = try await identify("Die Außenminister des Bündnisses trafen sich am Dienstag in Brüssel.", with: ["top": 2])
        #expect(value["iso639_3"] == "deu")
        #expect(value["name"] == "German")
        #expect(value["script"] == "Latin")
        let candidates = value["candidates"]?.arrayValue ?? []
        #expect(candidates.count == 2)
        #expect(candidates.first?["code"] == "de")
        let first = candidates.first?["confidence"]?.doubleValue ?? 0
        let second = candidates.last?["confidence"]?.doubleValue ?? 1
        #expect(first > 0.9 && first <= 1 && second < first)
    }

    @Test("candidates restrict the choice")
    func candidates() async throws {
        let text = "Ministrica je danas razgovarala s predstavnicima Europske unije."
        let restricted = try await identify(text, with: ["candidates": ["bs", "sr"]])
        let code = restricted["code"]?.stringValue
        #expect(code == "bs" || code == "sr")
        #expect((restricted["candidates"]?.arrayValue ?? []).allSatisfy { ["bs", "sr"].contains($0["code"]?.stringValue ?? "") })
    }

    @Test("an unknown candidate code is a configuration error")
    func unknownCandidate() async throws {
        #expect(throws: (any Error).self) {
            _ = try StageFactory(LanguageStage.self).makeStage(
                configuration: ["candidates": ["en", "xx"]], context: StageContext(stageID: "language"))
        }
    }

    @Test(
        "text without letters gives null with a reason",
        arguments: ["12345 67", ":) 🙂 !!!", "https://example.org/a/b?c=d", "", "@glean_dev www.example.com"])
    func noLetters(text: String) async throws {
        let value = try await identify(text)
        #expect(value["code"] == .null)
        #expect(value["reason"] == "no-letters")
    }

    @Test("below min_confidence the code is null with reason unreliable")
    func unreliable() async throws {
        let value = try await identify("government", with: ["min_confidence": 0.99])
        #expect(value["code"] == .null)
        #expect(value["reason"] == "unreliable")
        #expect((value["candidates"]?.arrayValue ?? []).count == 3)
    }

    @Test("per_sentence gives each sentence's language with scalar offsets")
    func perSentence() async throws {
        let english = "The foreign ministers of the alliance met in Brussels on Tuesday."
        let russian = "Министры иностранных дел встретились в Брюсселе во вторник."
        let text = english + " " + russian
        let value = try await identify(text, with: ["per_sentence": true])
        let sentences = value["sentences"]?.arrayValue ?? []
        #expect(sentences.count == 2)
        #expect(sentences.first?["code"] == "en")
        #expect(sentences.first?["start"] == 0)
        #expect(sentences.first?["end"] == .int(english.unicodeScalars.count))
        #expect(sentences.last?["code"] == "ru")
        #expect(sentences.last?["start"] == .int(english.unicodeScalars.count + 1))
        #expect(sentences.last?["end"] == .int(text.unicodeScalars.count))
    }

    @Test("the same text gives the same answer every time")
    func deterministic() async throws {
        let text = "Norge og Danmark deltok i øvelsen sammen med andre allierte."
        let first = try await identify(text, with: ["top": 5])
        for _ in 0..<5 {
            #expect(try await identify(text, with: ["top": 5]) == first)
        }
    }

    @Test(
        "a chunk starting www. in any case is an address; other chunks are not",
        arguments: [
            ("www.example.com", true), ("WWW.Example.com", true), ("Www.x", true), ("www.", false),
            ("wwwx.com", false), ("ｗｗｗ.example", false), ("вww.example", false), ("news", false),
        ])
    func webAddress(chunk: String, isAddress: Bool) {
        #expect(FoldedText.isAddress(Array(chunk.unicodeScalars)) == isAddress)
    }

    @Test("Latin names and web addresses inside text in another script do not decide it")
    func mixedScripts() async throws {
        let value = try await identify(
            "NATO Secretary General Jens Stoltenberg: Генеральный секретарь посетил Москву https://nato.int")
        #expect(value["code"] == "ru")
    }
}

@Suite("language model")
struct LanguageModelTests {
    @Test("the shipped model loads and knows all 75 languages")
    func shipped() throws {
        let model = try LanguageModel.shipped
        #expect(model.entries.count == 75)
        #expect(Set(model.entries.map(\.language.code)) == Set(Language.all.map(\.code)))
        #expect(model.entries.first { $0.language.code == "ka" }?.highestOrder == 1)
        #expect(model.entries.first { $0.language.code == "en" }?.highestOrder == 5)
    }

    @Test(
        "a damaged model is refused with a message",
        arguments: [[UInt8](), Array("GLLM".utf8) + [9, 0, 0, 0], Array("NOPE0000".utf8)])
    func damaged(bytes: [UInt8]) {
        #expect(throws: GleanError.self) { try LanguageModel(bytes: bytes) }
    }

    @Test("a truncated copy of the shipped model is refused")
    func truncated() throws {
        let bytes = try [UInt8](Data(contentsOf: LanguageModel.shippedURL))
        #expect(throws: GleanError.self) { try LanguageModel(bytes: Array(bytes.prefix(bytes.count - 7))) }
    }
}
