import Foundation

/// Reads protocol requests straight from a line's bytes: the envelope, and for `analyze` the
/// documents, without Foundation's `Codable` machinery (which costs more per document than a
/// plugin that does little work spends on it).
struct RequestReader {
    /// A malformed request.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The request's id, method, and the byte range of its params; when `method` comes before
    /// `params` and is `analyze`, the documents too, read in the same pass.
    mutating func envelope() throws -> (id: Int?, method: String, params: Range<Int>?, documents: [PluginDocument]?) {
        var id: Int?
        var method: String?
        var params: Range<Int>?
        var documents: [PluginDocument]?
        try object { reader, key in
            switch key {
            case "id":
                if case .number(let number) = try reader.value() { id = Int(number) }
            case "method":
                method = try reader.string()
            case "params":
                let start = reader.position
                if method == "analyze" {
                    documents = try reader.documentsHere()
                } else {
                    try reader.skip()
                }
                params = start..<reader.position
            default:
                try reader.skip()
            }
        }
        guard let method else { throw Malformed(description: "no method") }
        return (id, method, params, documents)
    }

    /// The documents of `analyze` params.
    mutating func documents(in range: Range<Int>) throws -> [PluginDocument] {
        position = range.lowerBound
        return try documentsHere()
    }

    /// The documents of the `analyze` params object that starts here.
    private mutating func documentsHere() throws -> [PluginDocument] {
        var documents: [PluginDocument] = []
        try object { reader, key in
            guard key == "documents" else { return try reader.skip() }
            try reader.array { reader in
                var id = ""
                var text = ""
                var fields: [String: PluginValue] = [:]
                var results: [String: PluginValue] = [:]
                try reader.object { reader, key in
                    switch key {
                    case "id": id = try reader.string()
                    case "text": text = try reader.string()
                    case "fields": if case .object(let members) = try reader.value() { fields = members }
                    case "results": if case .object(let members) = try reader.value() { results = members }
                    default: try reader.skip()
                    }
                }
                documents.append(PluginDocument(id: id, text: text, fields: fields, results: results))
            }
        }
        return documents
    }

    // MARK: - Grammar

    private mutating func whitespace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09
        {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        whitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw Malformed(description: "expected '\(Unicode.Scalar(byte))' at byte \(position)")
        }
        position += 1
    }

    private mutating func peek() -> UInt8? {
        whitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func object(_ member: (inout RequestReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    private mutating func array(_ element: (inout RequestReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try element(&self)
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        var escaped = false
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            if bytes[position] == UInt8(ascii: "\\") {
                escaped = true
                position += 1
            }
            position += 1
        }
        guard position < bytes.count else { throw Malformed(description: "unterminated string") }
        let content = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        position += 1
        if !escaped { return String(decoding: content, as: UTF8.self) }
        return try Self.unescape(content)
    }

    /// The text of a string body with escapes.
    private static func unescape(_ content: UnsafeRawBufferPointer) throws -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        utf8.reserveCapacity(content.count)
        var index = 0
        func hex(_ at: Int) throws -> UInt32 {
            guard at + 4 <= content.count,
                let value = UInt32(
                    String(decoding: UnsafeRawBufferPointer(rebasing: content[at..<(at + 4)]), as: UTF8.self), radix: 16)
            else {
                throw Malformed(description: "invalid \\u escape")
            }
            return value
        }
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < content.count else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                var value = try hex(index)
                index += 4
                if (0xD800...0xDBFF).contains(value), index + 6 <= content.count, content[index] == UInt8(ascii: "\\") {
                    let low = try hex(index + 2)
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                scalars.removeAll()
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                utf8.append(contentsOf: String(scalars).utf8)
            default: utf8.append(escaped)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private mutating func value() throws -> PluginValue {
        switch peek() {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"):
            var members: [String: PluginValue] = [:]
            try object { reader, key in members[key] = try reader.value() }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [PluginValue] = []
            try array { reader in elements.append(try reader.value()) }
            return .array(elements)
        case UInt8(ascii: "t"):
            position += 4
            return .bool(true)
        case UInt8(ascii: "f"):
            position += 5
            return .bool(false)
        case UInt8(ascii: "n"):
            position += 4
            return .null
        default:
            let start = position
            while position < bytes.count, let byte = Optional(bytes[position]),
                byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                    || byte == UInt8(ascii: "E") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                position += 1
            }
            guard let number = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
            else {
                throw Malformed(description: "invalid value at byte \(start)")
            }
            return .number(number)
        }
    }

    /// Skips a value without building it.
    private mutating func skip() throws {
        switch peek() {
        case UInt8(ascii: "\""):
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
            }
            position += 1
        case UInt8(ascii: "{"):
            try object { reader, _ in try reader.skip() }
        case UInt8(ascii: "["):
            try array { reader in try reader.skip() }
        default:
            _ = try value()
        }
    }
}

/// The top-level elements of an encoded JSON array, as byte ranges.
func arrayElements(_ data: Data) -> [Range<Int>] {
    data.withUnsafeBytes { bytes -> [Range<Int>] in
        var ranges: [Range<Int>] = []
        var depth = 0
        var inString = false
        var start = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if depth == 1 && start < 0 { start = index }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth == 2 && start < 0 { start = index }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if depth == 1 && start >= 0 {
                        ranges.append(start..<index)
                        start = -1
                    }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 1 && start >= 0 {
                        ranges.append(start..<index)
                        start = -1
                    }
                case 0x20, 0x0A, 0x0D, 0x09:
                    break
                default:
                    if depth == 1 && start < 0 { start = index }
                }
            }
            index += 1
        }
        return ranges
    }
}
