import GleanCore
import Testing

@Suite("Output detail of serialised output")
struct OutputTrimSerializedTests {
    @Test("trimming the text gives the text of the trimmed value, for every detail")
    func sameAsValues() {
        let trims = [
            OutputTrim(compact: ["sentences", "most_positive"], minimal: ["neg", "pos"]),
            OutputTrim(compact: ["[].evidence", "[]"], minimal: ["[].actor.name", "a.b", ""]),
            OutputTrim(compact: ["a[]", "a[].b", "a"], minimal: ["start", "[][].start"]),
            OutputTrim(compact: ["say \"hi\"\\\n", "é.🇹🇷"]),
        ]
        var values = SerializedJSONTests.Values(seed: 7)
        var shaped: [JSONValue] = [
            ["compound": 0.5, "neg": 0.0, "sentences": [["start": 0, "end": 4]], "most_positive": .null, "pos": 1],
            [["actor": ["id": "AZ", "name": "Azerbaijan"], "evidence": [["cue": "partnership"]]], ["evidence": 1]],
            ["a": [["b": 1, "c": [2]], 3, ["b": ["b": 4]]], "start": "x"],
            [[["start": 1, "end": 2]], [], [["start": 3]]],
        ]
        for _ in 0..<1500 { shaped.append(values.value()) }
        for value in shaped {
            for trim in trims {
                for detail in OutputDetail.allCases {
                    let trimmed = trim.apply(SerializedJSON(value), detail: detail)
                    #expect(trimmed.bytes == JSONWriter.serialize(trim.apply(value, detail: detail)), "\(value) \(detail)")
                }
            }
        }
    }

    @Test("full detail, or a trim with nothing at that detail, leaves the text as it is")
    func untouched() {
        let json = SerializedJSON(["a": 1, "b": [2]])
        #expect(OutputTrim(compact: ["a"]).apply(json, detail: .full) == json)
        #expect(OutputTrim.none.apply(json, detail: .minimal) == json)
        #expect(OutputTrim(compact: ["a"]).apply(json, detail: .compact).description == #"{"b":[2]}"#)
    }
}
