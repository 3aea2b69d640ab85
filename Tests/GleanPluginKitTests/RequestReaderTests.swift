import Foundation
import Testing

@testable import GleanPluginKit

@Suite("Plugin kit: reading requests, writing answers")
struct RequestReaderTests {
    private func read(_ line: String) throws -> (id: Int?, method: String, documents: [PluginDocument]?) {
        try Array(line.utf8).withUnsafeBytes { bytes in
            var reader = RequestReader(bytes)
            let envelope = try reader.envelope()
            return (envelope.id, envelope.method, envelope.documents)
        }
    }

    @Test("an analyze request: documents read in the same pass, escapes and surrogates decoded")
    func analyze() throws {
        let line =
            #"{"jsonrpc":"2.0","id":7,"method":"analyze","params":{"documents":[{"id":"a","text":"He said \"no\".\nNext \u00e9 \ud83d\ude00"},{"id":"b","text":"x","fields":{"title":"T","n":[1,2.5,true,null]},"results":{"language":{"code":"en"}}}]}}"#
        let request = try read(line)
        #expect(request.id == 7 && request.method == "analyze")
        let documents = try #require(request.documents)
        #expect(documents.map(\.id) == ["a", "b"])
        #expect(documents[0].text == "He said \"no\".\nNext é 😀")
        #expect(documents[1].fields["title"] == .string("T"))
        #expect(documents[1].fields["n"] == .array([.number(1), .number(2.5), .bool(true), .null]))
        #expect(documents[1].results["language"]?["code"] == .string("en"))
    }

    @Test("params before method: the documents are read from the recorded range")
    func paramsFirst() throws {
        let line = #"{"params":{"documents":[{"id":"a","text":"t"}]},"method":"analyze","id":1}"#
        try Array(line.utf8).withUnsafeBytes { bytes in
            var reader = RequestReader(bytes)
            let envelope = try reader.envelope()
            #expect(envelope.documents == nil)
            let range = try #require(envelope.params)
            #expect(try reader.documents(in: range).map(\.text) == ["t"])
        }
    }

    @Test(
        "malformed requests are refused",
        arguments: [#"{"id":1}"#, #"{"method":"analyze","params":{"documents":[{"id":"a","text":"#, "not json"])
    func malformed(line: String) {
        #expect(throws: (any Error).self) { try read(line) }
    }

    @Test("the elements of an encoded array, for splicing outputs into the answer")
    func elements() throws {
        let data = Data(#"[{"a":[1,{"b":"]},["}]},"x,y",3,[],null,"q\"]"]"#.utf8)
        let parts = arrayElements(data).map { String(decoding: data[$0], as: UTF8.self) }
        #expect(parts == [#"{"a":[1,{"b":"]},["}]}"#, #""x,y""#, "3", "[]", "null", #""q\"]""#])
        #expect(arrayElements(Data("[]".utf8)).isEmpty)
    }
}
