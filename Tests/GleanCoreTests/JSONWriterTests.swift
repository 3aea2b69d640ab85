import GleanCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test(
        "writes compact JSON",
        arguments: [
            (JSONValue.null, "null"),
            (.bool(false), "false"),
            (.int(-42), "-42"),
            (.int(0), "0"),
            (.int(7), "7"),
            (.int(1_234_567_890), "1234567890"),
            (.int(Int.max), "9223372036854775807"),
            (.int(Int.min), "-9223372036854775808"),
            (.double(0.42), "0.42"),
            (.double(1.0), "1.0"),
            (.double(.nan), "null"),
            (.double(.infinity), "null"),
            (.string("say \"hi\"\\\n\u{1}"), #""say \"hi\"\\\n\u0001""#),
            (.string("Türkiye 🇹🇷"), "\"Türkiye 🇹🇷\""),
            (JSONValue(dictionaryLiteral: ("b", 1), ("a", [true, .null])), #"{"b":1,"a":[true,null]}"#),
        ])
    func writes(value: JSONValue, expected: String) {
        #expect(JSONWriter.string(value) == expected)
    }

    @Test("round-trips through the parser")
    func roundTrips() throws {
        let value: JSONValue = [
            "id": "x", "scores": [0.1, 2, -3.5e-7], "nested": ["deep": ["ok": true]], "text": "tab\tnewline\nquote\"",
        ]
        #expect(try JSONParser.parse(JSONWriter.serialize(value)) == value)
    }
}

@Suite("JSON values")
struct JSONValueTests {
    @Test("setting members keeps insertion order; nil removes; null becomes an object")
    func settingMembers() {
        var value: JSONValue = ["b": 1]
        value["a"] = 2
        value["b"] = 3
        #expect(JSONWriter.string(value) == #"{"b":3,"a":2}"#)
        value["b"] = nil
        #expect(JSONWriter.string(value) == #"{"a":2}"#)
        var empty: JSONValue = nil
        empty["x"] = true
        #expect(empty == ["x": true])
        var number: JSONValue = 5
        number["x"] = true
        #expect(number == 5)
    }
}
