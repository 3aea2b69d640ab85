import GleanCore
import Testing

@Suite("Output detail")
struct OutputTrimTests {
    let value: JSONValue = [
        ["actor": ["id": "AZ", "name": "Azerbaijan"], "stance": "partner", "evidence": [["cue": "partnership"]]],
        ["actor": ["id": "AM", "name": "Armenia"], "stance": "opposed"],
    ]
    let trim = OutputTrim(compact: ["[].evidence"], minimal: ["[].actor.name"])

    @Test("full leaves the value whole; compact and minimal drop their paths in every item")
    func levels() {
        #expect(trim.apply(value, detail: .full) == value)
        let compact = trim.apply(value, detail: .compact)
        #expect(compact.arrayValue?[0]["evidence"] == nil)
        #expect(compact.arrayValue?[0]["actor"]?["name"] == "Azerbaijan")
        let minimal = trim.apply(value, detail: .minimal)
        #expect(minimal == [["actor": ["id": "AZ"], "stance": "partner"], ["actor": ["id": "AM"], "stance": "opposed"]])
    }

    @Test("paths that do not match the value's shape change nothing")
    func mismatch() {
        #expect(OutputTrim(compact: ["a.b", "[].c", "x[]"]).apply("text", detail: .compact) == "text")
        #expect(OutputTrim(compact: ["missing"]).apply(["k": 1], detail: .minimal) == ["k": 1])
    }
}
