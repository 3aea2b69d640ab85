import OrderedCollections

/// A fast JSON parser over UTF-8 bytes, built for JSON Lines.
///
/// It validates strictly (RFC 8259 grammar, UTF-8 inside strings, a nesting limit) and can
/// scan an object's members without building their values, so a line's fields are decoded only
/// when a stage or the output needs them.
public struct JSONParser: ~Copyable {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    private let base: UnsafeRawBufferPointer
    private var position: Int
    private var depth = 0

    /// Creates a parser over `bytes`, which must outlive it.
    public init(bytes: UnsafeRawBufferPointer) {
        self.base = bytes
        self.position = 0
    }

    /// Parses `bytes` as one JSON value with nothing but white space around it.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.error("unexpected text after the JSON value")
        }
        return value
    }

    /// Parses a byte array as one JSON value.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try bytes.withUnsafeBytes { buffer in try JSONParser.parse(buffer) }
        } catch let error as JSONSyntaxError {
            throw error
        } catch {
            throw JSONSyntaxError(offset: 0, message: "\(error)")
        }
    }

    /// Parses a string as one JSON value.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Scans a top-level object and returns each member's key and the byte range of its value,
    /// validating the values without building them.
    public static func scanObject(
        _ bytes: UnsafeRawBufferPointer
    ) throws(JSONSyntaxError) -> [(key: String, value: Range<Int>)] {
        try scanMembers(bytes).map { ($0.key, $0.value) }
    }

    /// Scans a top-level object like ``scanObject(_:)``, also telling for string values whether
    /// they hold escapes, so ``string(scanned:in:)`` can build them without a second scan.
    public static func scanMembers(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> [ScannedMember] {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "{") else {
            if parser.position == bytes.count { throw parser.error("empty line") }
            throw parser.error("expected a JSON object")
        }
        parser.position += 1
        var members: [ScannedMember] = []
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "}") {
            parser.position += 1
        } else {
            while true {
                parser.skipWhitespace()
                guard parser.peek() == UInt8(ascii: "\"") else { throw parser.error("expected a string key") }
                let key = try parser.parseString()
                parser.skipWhitespace()
                guard parser.peek() == UInt8(ascii: ":") else { throw parser.error("expected ':' after a key") }
                parser.position += 1
                parser.skipWhitespace()
                let start = parser.position
                if parser.peek() == UInt8(ascii: "\"") {
                    let scanned = try parser.scanString()
                    members.append(
                        ScannedMember(key: key, value: start..<parser.position, isString: true, hasEscapes: scanned.hasEscapes))
                } else {
                    try parser.skipValue()
                    members.append(ScannedMember(key: key, value: start..<parser.position, isString: false, hasEscapes: false))
                }
                parser.skipWhitespace()
                let next = parser.peek()
                parser.position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "}") { break }
                parser.position -= 1
                throw parser.error("expected ',' or '}' in an object")
            }
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON object") }
        return members
    }

    /// Scans a JSON array and returns the byte range of each element, validating them without
    /// building them.
    public static func scanArray(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> [Range<Int>] {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "[") else { throw parser.error("expected a JSON array") }
        parser.position += 1
        var elements: [Range<Int>] = []
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "]") {
            parser.position += 1
        } else {
            while true {
                parser.skipWhitespace()
                let start = parser.position
                try parser.skipValue()
                elements.append(start..<parser.position)
                parser.skipWhitespace()
                let next = parser.peek()
                parser.position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "]") { break }
                parser.position -= 1
                throw parser.error("expected ',' or ']' in an array")
            }
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON array") }
        return elements
    }

    /// The string value of a member found by ``scanMembers(_:)``, already validated: built
    /// without scanning it again.
    public static func string(scanned member: ScannedMember, in bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> String?
    {
        guard member.isString, member.value.count >= 2 else { return nil }
        let content = UnsafeRawBufferPointer(rebasing: bytes[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)])
        if !member.hasEscapes {
            return String(decoding: content, as: UTF8.self)
        }
        return try unescape(content, offset: member.value.lowerBound + 1)
    }

    // MARK: - Values

    private func peek() -> UInt8? {
        position < base.count ? base[position] : nil
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, message: message)
    }

    private mutating func skipWhitespace() {
        while position < base.count {
            switch base[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else { throw error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            return .object(try parseObject())
        case UInt8(ascii: "["):
            return .array(try parseArray())
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("unexpected character '\(Unicode.Scalar(byte))'")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> OrderedDictionary<String, JSONValue> {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members = OrderedDictionary<String, JSONValue>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return members
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            position += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            let next = peek()
            position += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "}") { return members }
            position -= 1
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            let next = peek()
            position += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "]") { return elements }
            position -= 1
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= base.count else { throw error("unexpected end of input") }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where base[position + offset] != expected[offset] {
            throw error("invalid literal")
        }
        position += count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let isInteger = try skipNumber()
        let slice = UnsafeRawBufferPointer(rebasing: base[start..<position])
        let text = String(decoding: slice, as: UTF8.self)
        if isInteger, let value = Int(text) {
            return .int(value)
        }
        guard let value = Double(text) else { throw JSONSyntaxError(offset: start, message: "invalid number") }
        return .double(value)
    }

    /// Skips a number, validating its grammar; returns whether it has no fraction or exponent.
    private mutating func skipNumber() throws(JSONSyntaxError) -> Bool {
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw error("invalid number")
        }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard skipDigits() > 0 else { throw error("invalid number: digits expected after '.'") }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw error("invalid number: digits expected in the exponent") }
        }
        return isInteger
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while position < base.count, base[position] >= UInt8(ascii: "0"), base[position] <= UInt8(ascii: "9") {
            position += 1
        }
        return position - start
    }

    /// Skips any value, validating it fully (strings included) without building it.
    private mutating func skipValue() throws(JSONSyntaxError) {
        guard let byte = peek() else { throw error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            try enter()
            defer { depth -= 1 }
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key") }
                _ = try scanString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                position += 1
                skipWhitespace()
                try skipValue()
                skipWhitespace()
                let next = peek()
                position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "}") { return }
                position -= 1
                throw error("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue()
                skipWhitespace()
                let next = peek()
                position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "]") { return }
                position -= 1
                throw error("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try skipNumber()
        default: throw error("unexpected character '\(Unicode.Scalar(byte))'")
        }
    }

    // MARK: - Strings

    /// Scans a string token, validating escapes and UTF-8; `position` ends after the closing
    /// quote. Plain runs are skipped eight bytes at a time.
    private mutating func scanString() throws(JSONSyntaxError) -> (contentStart: Int, contentEnd: Int, hasEscapes: Bool) {
        position += 1
        let start = position
        var hasEscapes = false
        var asciiOnly = true
        let count = base.count
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while position + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let quotes = word ^ 0x2222_2222_2222_2222
                let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let special =
                    ((quotes &- 0x0101_0101_0101_0101) & ~quotes)
                    | ((backslashes &- 0x0101_0101_0101_0101) & ~backslashes)
                    | ((word &- 0x2020_2020_2020_2020) & ~word)
                if special & 0x8080_8080_8080_8080 != 0 { break }
                if word & 0x8080_8080_8080_8080 != 0 { asciiOnly = false }
                position += 8
            }
            guard position < count else { throw JSONSyntaxError(offset: start - 1, message: "unterminated string") }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                position += 1
                guard let escaped = peek() else { throw error("unterminated string") }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    guard position + 4 < count else { throw error("unterminated \\u escape") }
                    for offset in 1...4 where Self.hexValue(base[position + offset]) == nil {
                        throw error("invalid \\u escape")
                    }
                    position += 5
                default:
                    throw error("invalid escape '\\\(Unicode.Scalar(escaped))'")
                }
                continue
            }
            if byte < 0x20 { throw error("control character in a string") }
            if byte >= 0x80 { asciiOnly = false }
            position += 1
        }
        let end = position
        position += 1
        if !asciiOnly && !UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: base[start..<end])) {
            throw JSONSyntaxError(offset: start, message: "invalid UTF-8 in a string", code: .invalidUTF8)
        }
        return (start, end, hasEscapes)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let scanned = try scanString()
        let content = UnsafeRawBufferPointer(rebasing: base[scanned.contentStart..<scanned.contentEnd])
        guard scanned.hasEscapes else {
            return String(decoding: content, as: UTF8.self)
        }
        return try Self.unescape(content, offset: scanned.contentStart)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes a validated string body with escapes, copying the runs between escapes whole.
    private static func unescape(_ content: UnsafeRawBufferPointer, offset: Int) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for i in 0..<4 { value = value << 4 | (hexValue(content[at + i]) ?? 0) }
            return value
        }
        while index < content.count {
            var runEnd = index
            while runEnd < content.count && content[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
            if runEnd > index {
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: content[index..<runEnd]))
                index = runEnd
                if index == content.count { break }
            }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = hex4(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalarValue) {
                    guard index + 6 <= content.count, content[index] == UInt8(ascii: "\\"),
                        content[index + 1] == UInt8(ascii: "u")
                    else {
                        throw JSONSyntaxError(offset: offset + index, message: "unpaired surrogate in \\u escape")
                    }
                    let low = hex4(index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONSyntaxError(offset: offset + index, message: "unpaired surrogate in \\u escape")
                    }
                    index += 6
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalarValue) {
                    throw JSONSyntaxError(offset: offset + index, message: "unpaired surrogate in \\u escape")
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    throw JSONSyntaxError(offset: offset + index, message: "invalid \\u escape")
                }
                UTF8.encode(scalar) { out.append($0) }
            default: out.append(escaped)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A member of a top-level object found by ``JSONParser/scanMembers(_:)``.
public struct ScannedMember: Sendable {
    /// The member's key.
    public var key: String
    /// The byte range of its value (quotes included for strings).
    public var value: Range<Int>
    /// Whether the value is a string.
    public var isString: Bool
    /// Whether the string holds escapes.
    public var hasEscapes: Bool
}
