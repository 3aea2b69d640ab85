import GleanCore
import OrderedCollections
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test(
        "parses values",
        arguments: [
            ("null", JSONValue.null),
            ("true", .bool(true)),
            ("false", .bool(false)),
            ("0", .int(0)),
            ("-12", .int(-12)),
            ("3.25", .double(3.25)),
            ("1e3", .double(1000)),
            ("-0.5E-2", .double(-0.005)),
            (#""plain""#, .string("plain")),
            (#""a\"b\\c\/d\n\t""#, .string("a\"b\\c/d\n\t")),
            (#""\u00e9\u4e2d""#, .string("é中")),
            (#""\ud83d\ude00""#, .string("😀")),
            (#""Baku — Bakı""#, .string("Baku — Bakı")),
            ("[1, [2, []], {}]", .array([.int(1), .array([.int(2), .array([])]), .object([:])])),
            (#" { "b" : 1 , "a" : [ true ] } "#, JSONValue(dictionaryLiteral: ("b", 1), ("a", [true]))),
        ])
    func parsesValues(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test("keeps object keys in order")
    func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue.map { Array($0.keys) } == ["z", "a", "m"])
    }

    @Test(
        "rejects malformed JSON with a position",
        arguments: [
            (#"{"a":1,}"#, 7, "expected a string key"),
            (#"{"a" 1}"#, 5, "expected ':'"),
            ("[1 2]", 3, "expected ',' or ']'"),
            ("01", 1, "unexpected text"),
            ("-", 1, "invalid number"),
            ("1.", 2, "digits expected after '.'"),
            ("tru", 0, "unexpected end"),
            (#""abc"#, 0, "unterminated string"),
            (#""a\qb""#, 3, "invalid escape"),
            (#""\ud800""#, 7, "unpaired surrogate"),
            ("\"tab\there\"", 4, "control character"),
            ("{} x", 3, "unexpected text"),
        ])
    func rejectsMalformed(text: String, offset: Int, message: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test("rejects invalid UTF-8 inside strings with its own code")
    func rejectsInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"text":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect {
            try JSONParser.parse(bytes)
        } throws: { error in
            (error as? JSONSyntaxError)?.code == .invalidUTF8
        }
    }

    @Test("refuses nesting deeper than the limit instead of overflowing the stack")
    func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try JSONParser.parse(deep)
        } throws: { error in
            (error as? JSONSyntaxError)?.message.contains("nesting deeper") == true
        }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(fine)) != nil)
    }

    @Test("scans an object's members without building them")
    func scansObjects() throws {
        let line = Array(#" {"id": "a1", "n": [1, {"x": 2}], "text": "héllo"} "#.utf8)
        let members = try line.withUnsafeBytes { try JSONParser.scanObject($0) }
        #expect(members.map(\.key) == ["id", "n", "text"])
        let raw = members.map { String(decoding: line[$0.value], as: UTF8.self) }
        #expect(raw == [#""a1""#, #"[1, {"x": 2}]"#, #""héllo""#])
    }

    @Test("scans an array's elements")
    func scansArrays() throws {
        let text = Array(#" [ {"a":[1,2]} , "x,y" ,3,[] ] "#.utf8)
        let elements = try text.withUnsafeBytes { try JSONParser.scanArray($0) }
        #expect(elements.map { String(decoding: text[$0], as: UTF8.self) } == [#"{"a":[1,2]}"#, #""x,y""#, "3", "[]"])
        #expect(throws: JSONSyntaxError.self) { try Array("[1,]".utf8).withUnsafeBytes { try JSONParser.scanArray($0) } }
        #expect(throws: JSONSyntaxError.self) { try Array("{}".utf8).withUnsafeBytes { try JSONParser.scanArray($0) } }
    }

    @Test("scanning refuses what is not an object", arguments: ["[1]", "\"text\"", "", "   ", "{\"a\":1} {"])
    func scanRefusesNonObjects(text: String) {
        #expect(throws: JSONSyntaxError.self) {
            try Array(text.utf8).withUnsafeBytes { try JSONParser.scanObject($0) }
        }
    }
}

@Suite("UTF-8 validation inside JSON strings")
struct UTF8ValidationTests {
    private func accepts(_ bytes: [UInt8]) -> Bool {
        let line: [UInt8] = [0x22] + bytes + [0x22]
        return (try? JSONParser.parse(line)) != nil
    }

    @Test(
        "well-formed sequences pass",
        arguments: [
            [0x41], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            Array("long enough to take the eight-byte path — Ünïcödé too, and 😀".utf8),
        ] as [[UInt8]])
    func valid(bytes: [UInt8]) {
        #expect(accepts(bytes))
    }

    @Test(
        "ill-formed sequences fail",
        arguments: [
            [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82],
            Array("eight-byte path first ".utf8) + [0xC3, 0x28],
        ] as [[UInt8]])
    func invalid(bytes: [UInt8]) {
        #expect(!accepts(bytes))
    }

    @Test("scanned members build their strings without a second scan")
    func scannedStrings() throws {
        let line = Array(#"{"a":"plain","b":"esc\naped \u00e9","c":3}"#.utf8)
        try line.withUnsafeBytes { raw in
            let members = try JSONParser.scanMembers(raw)
            #expect(members.map(\.isString) == [true, true, false])
            #expect(members.map(\.hasEscapes) == [false, true, false])
            #expect(try JSONParser.string(scanned: members[0], in: raw) == "plain")
            #expect(try JSONParser.string(scanned: members[1], in: raw) == "esc\naped é")
            #expect(try JSONParser.string(scanned: members[2], in: raw) == nil)
        }
    }
}
