import GleanCore
import OrderedCollections
import Testing

@Suite("Serialized JSON")
struct SerializedJSONTests {
    /// Random values: every kind, strings with quotes, backslashes, control characters and
    /// non-ASCII text, numbers of every size, nesting up to four levels. The same on every run.
    struct Values {
        private var bits: UInt64

        init(seed: UInt64) {
            bits = seed
        }

        /// SplitMix64.
        private mutating func next() -> UInt64 {
            bits &+= 0x9E37_79B9_7F4A_7C15
            var mixed = bits
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        private mutating func below(_ bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }

        private static let pieces = ["a", "start", "\"", "\\", "\n", "\u{1}", "é", "🇹🇷", "sentence_weighted", " ", "/"]

        mutating func string() -> String {
            (0..<below(4)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
        }

        mutating func value(depth: Int = 0) -> JSONValue {
            switch below(depth >= 4 ? 6 : 8) {
            case 0: return .null
            case 1: return .bool(below(2) == 0)
            case 2: return .int(Int(bitPattern: UInt(next())) >> below(64))
            case 3: return .double(Double(below(2_000_001) - 1_000_000) / 1e4)
            case 4: return .double(Double(bitPattern: next()))
            case 5: return .string(string())
            case 6: return .array((0..<below(5)).map { _ in value(depth: depth + 1) })
            default:
                var members = OrderedDictionary<String, JSONValue>()
                for _ in 0..<below(5) { members[string()] = value(depth: depth + 1) }
                return .object(members)
            }
        }
    }

    /// `value` written through the writers, a member or element at a time.
    static func build(_ value: JSONValue) -> SerializedJSON {
        switch value {
        case .object(let members): return SerializedJSON.object { write(members, into: &$0) }
        case .array(let elements): return SerializedJSON.array { append(elements, into: &$0) }
        default: return SerializedJSON(value)
        }
    }

    private static func write(_ members: OrderedDictionary<String, JSONValue>, into object: inout JSONObjectWriter) {
        for (key, value) in members {
            switch value {
            case .object(let inner): object.writeObject(JSONKey(key)) { write(inner, into: &$0) }
            case .array(let inner): object.writeArray(JSONKey(key)) { append(inner, into: &$0) }
            default: object.write(JSONKey(key), value)
            }
        }
    }

    private static func append(_ elements: [JSONValue], into array: inout JSONArrayWriter) {
        for element in elements {
            switch element {
            case .object(let inner): array.appendObject { write(inner, into: &$0) }
            case .array(let inner): array.appendArray { append(inner, into: &$0) }
            default: array.append(element)
            }
        }
    }

    @Test("what the writers write is the JSON writer's text of the same value, and reads back as it")
    func writersMatchTheWriter() throws {
        var values = Values(seed: 2026)
        for _ in 0..<2000 {
            let value = values.value()
            let built = Self.build(value)
            let expected = JSONWriter.serialize(value)
            #expect(built.bytes == expected, "\(value)")
            #expect(SerializedJSON(value).bytes == expected)
            // Non-finite numbers are written as null, which reads back as null.
            #expect(try built.value == JSONParser.parse(expected))
        }
    }

    @Test("serialised JSON written into another passes through intact")
    func nestedPassesThrough() throws {
        let inner = SerializedJSON.object { object in
            object.write(JSONKey("say \"hi\"\\\n"), .string("Türkiye 🇹🇷\u{1}"))
            object.writeArray(JSONKey("scores")) { array in
                array.append(.double(0.2732))
                array.append(.double(.nan))
                array.appendObject { _ in }
                array.appendArray { _ in }
            }
        }
        #expect(inner.description == #"{"say \"hi\"\\\n":"Türkiye 🇹🇷\u0001","scores":[0.2732,null,{},[]]}"#)
        let outer = SerializedJSON.array { array in
            array.append(inner)
            array.appendObject { $0.write(JSONKey("inner"), inner) }
        }
        #expect(outer.description == "[\(inner),{\"inner\":\(inner)}]")
        let value = try outer.value
        #expect(value.arrayValue?[0] == (try inner.value))
        #expect(value.arrayValue?[1]["inner"] == (try inner.value))
        #expect(SerializedJSON.array { _ in }.description == "[]")
        #expect(SerializedJSON.object { _ in }.description == "{}")
    }

    private struct Refusal: Error {}

    @Test("a body that throws leaves its object or array closed, so the text stays whole")
    func throwingBodyLeavesValidText() throws {
        let json = SerializedJSON.object { object in
            try? object.writeObject(JSONKey("partial")) { inner in
                inner.write(JSONKey("kept"), 1)
                throw Refusal()
            }
            try? object.writeArray(JSONKey("list")) { array in
                array.append(2)
                throw Refusal()
            }
            object.write(JSONKey("after"), true)
        }
        #expect(json.description == #"{"partial":{"kept":1},"list":[2],"after":true}"#)
        #expect(throws: Refusal.self) { try SerializedJSON.array { _ in throw Refusal() } }
    }

    @Test("keys of the same name are one key, however many keys there are")
    func keyNumbers() {
        #expect(JSONKey("twice") == JSONKey("twice"))
        #expect(JSONKey("twice") != JSONKey("once"))
        // More names than one object's bit set holds: every one is still written once.
        let keys = (0..<150).map { JSONKey("key \($0)") }
        let json = SerializedJSON.object { object in
            for (index, key) in keys.enumerated() { object.write(key, .int(index)) }
        }
        #expect((try? json.value)?.objectValue?.count == 150)
    }

    @Test("a repeated key stops the program instead of writing an object JSON values cannot hold")
    func repeatedKey() async {
        await #expect(processExitsWith: .failure) {
            _ = SerializedJSON.object { object in
                object.write(JSONKey("start"), 1)
                object.write(JSONKey("end"), 2)
                object.write(JSONKey("start"), 3)
            }
        }
        await #expect(processExitsWith: .failure) {
            let keys = (0..<100).map { JSONKey("many \($0)") }
            _ = SerializedJSON.object { object in
                for key in keys { object.write(key, .null) }
                object.write(JSONKey("many 99"), .null)
            }
        }
    }

    @Test("nesting deeper than the parser reads stops the program")
    func tooDeep() async {
        await #expect(processExitsWith: .failure) {
            func nest(_ levels: Int, _ array: inout JSONArrayWriter) {
                guard levels > 0 else { return }
                array.appendArray { nest(levels - 1, &$0) }
            }
            _ = SerializedJSON.array { nest(JSONParser.maximumDepth, &$0) }
        }
        // As deep as the parser reads is fine.
        func nest(_ levels: Int, _ array: inout JSONArrayWriter) {
            guard levels > 0 else { return }
            array.appendArray { nest(levels - 1, &$0) }
        }
        let deepest = SerializedJSON.array { nest(JSONParser.maximumDepth - 1, &$0) }
        #expect((try? deepest.value) != nil)
    }

    @Test("a stage's result reads the same as a value, serialised or not")
    func outputValue() throws {
        let value: JSONValue = ["label": "positive", "scores": [0.5, -1]]
        #expect(try StageResult.output(value).outputValue == value)
        #expect(try StageResult.serialized(SerializedJSON(value)).outputValue == value)
        #expect(try StageResult.skipped(reason: "empty").outputValue == nil)
    }
}
