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

    @Test(
        "numbers of four places or fewer are written without a string, as Swift's description spells them",
        arguments: [
            (0.0, "0.0"), (-0.0, "-0.0"), (0.0001, "0.0001"), (0.00015, "0.00015"), (0.2732, "0.2732"),
            (-0.5106, "-0.5106"), (0.13, "0.13"), (1.0, "1.0"), (-3.0, "-3.0"), (100.25, "100.25"),
            (0.025, "0.025"), (99_999_999_999.9999, "99999999999.9999"), (1e11, "100000000000.0"),
            (1e-5, "1e-05"), (0.1 + 0.2, "0.30000000000000004"), (1e16, "1e+16"),
        ])
    func writesNumbers(number: Double, expected: String) {
        #expect(JSONWriter.string(.double(number)) == expected)
    }

    @Test("every number is written as its description")
    func numbersMatchDescription() {
        // A Weyl sequence: bit patterns spread over all 64 bits, the same on every run.
        var bits: UInt64 = 17
        func next() -> UInt64 {
            bits &+= 0x9E37_79B9_7F4A_7C15
            return bits ^ (bits >> 29)
        }
        var numbers: [Double] = [
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-4, (1e-4).nextDown, (1e-4).nextUp, 1e11,
            (1e11).nextDown, 1e15, 9_007_199_254_740_993, 0.1, 0.7, 1.1,
        ]
        // Every multiple of 1e-4 up to ±30, with neighbours a bit above and below.
        for units in -300_000...300_000 {
            let number = Double(units) / 1e4
            numbers.append(number)
            if units % 97 == 0 { numbers += [number.nextUp, number.nextDown] }
        }
        for _ in 0..<100_000 {
            // Decimals of 0 to 6 places below 1e15, and arbitrary bit patterns.
            let places = Int(next() % 7)
            let digits = Double(next() % 1_000_000_000_000_000)
            numbers.append(digits / pow10(places))
            numbers.append(Double(next() % 100_000) / pow10(places))
            numbers.append(Double(bitPattern: next()))
        }
        var mismatches: [String] = []
        for number in numbers where number.isFinite {
            let written = JSONWriter.string(.double(number))
            if written != number.description { mismatches.append("\(number.description) written as \(written)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    @Test("objects on shared keys are objects like any other")
    func sharedKeys() {
        let keys = JSONObjectKeys(["start", "end", "compound"])
        var span = keys.object([.int(0), .int(12), .double(0.5)])
        let other = keys.object([.int(13), .int(20), .null])
        #expect(span == ["start": 0, "end": 12, "compound": 0.5])
        #expect(JSONWriter.string(other) == #"{"start":13,"end":20,"compound":null}"#)
        span["label"] = "positive"
        span["start"] = nil
        #expect(JSONWriter.string(span) == #"{"end":12,"compound":0.5,"label":"positive"}"#)
        #expect(JSONWriter.string(keys.object([.int(1), .int(2), .int(3)])) == #"{"start":1,"end":2,"compound":3}"#)
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
