import OrderedCollections

/// Writes JSON values as compact JSON text into a byte buffer.
///
/// Output is deterministic: object keys in their stored order, numbers in Swift's shortest
/// round-trip form, non-finite numbers as `null`.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates a writer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The compact JSON text of `value`.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    /// The compact JSON text of `value`, as a `String`.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    /// Appends raw bytes that are already valid JSON text (or punctuation).
    public mutating func writeRaw(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Appends JSON text written before, as it is.
    public mutating func write(_ serialized: SerializedJSON) {
        writeBytes(serialized.bytes)
    }

    /// Appends the bytes of `array`, read in place.
    mutating func writeBytes(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// Drops what was written after the first `count` bytes (to take back a line).
    public mutating func truncate(to count: Int) {
        if count < bytes.count { bytes.removeSubrange(count...) }
    }

    /// Appends one ASCII byte.
    public mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `value` as JSON.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null:
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag):
            if flag {
                bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
            } else {
                bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
            }
        case .int(let number):
            writeInt(number)
        case .double(let number):
            writeDouble(number)
        case .string(let text):
            writeString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            elements.withUnsafeBufferPointer { elements in
                for index in elements.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    write(elements[index])
                }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            writeObject(keys: members.keys.elements, values: members.values.elements)
        }
    }

    /// Appends an object's members, reading keys and values in place.
    private mutating func writeObject(keys: [String], values: [JSONValue]) {
        bytes.append(UInt8(ascii: "{"))
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                for index in keys.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    writeString(keys[index])
                    bytes.append(UInt8(ascii: ":"))
                    write(values[index])
                }
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends an integer's decimal digits without making a string.
    public mutating func writeInt(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        guard magnitude >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            while magnitude > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends a number as Swift's `description` spells it (the shortest text that reads back as
    /// the same `Double`); non-finite numbers as `null`.
    public mutating func writeDouble(_ number: Double) {
        guard number.isFinite else {
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if writeFourPlaceDecimal(number) { return }
        bytes.append(contentsOf: number.description.utf8)
    }

    /// Appends `number` without making a string when it is a decimal of at most four places
    /// (scores, proportions, rounded measures) whose magnitude is zero or between 1e-4 and
    /// 1e11, and returns whether it did.
    ///
    /// Such a number is `m / 10⁴` for an integer `m` below 10¹⁵; when that quotient is exactly
    /// the `Double`, the digits of `m` (trailing zeros dropped) are the shortest that read back
    /// as it: any shorter decimal lies at least one unit of its last place away, far outside the
    /// `Double`'s rounding interval at 15 significant digits. In this range `description` uses
    /// plain notation with at least one fraction digit, as written here.
    private mutating func writeFourPlaceDecimal(_ number: Double) -> Bool {
        let magnitude = number.magnitude
        guard magnitude < 1e11, magnitude >= 1e-4 || magnitude == 0 else { return false }
        let units = Int(magnitude * 1e4 + 0.5)
        guard Double(units) / 1e4 == magnitude else { return false }
        // Written right to left into 24 bytes (sign, 11 digits, point, 4 digits), appended once.
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            var position = buffer.count
            var fraction = units % 10_000
            var places = 4
            while places > 1 && fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            for _ in 0..<places {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            position -= 1
            buffer[position] = UInt8(ascii: ".")
            var whole = units / 10_000
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
            } while whole > 0
            if number.sign == .minus {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
        return true
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes and control characters.
    public mutating func writeString(_ text: String) {
        // Native and small strings lend their bytes in place; others are copied once.
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            writeString(utf8: UnsafeRawBufferPointer(utf8))
        }
        guard written == nil else { return }
        var text = text
        text.withUTF8 { utf8 in
            writeString(utf8: UnsafeRawBufferPointer(utf8))
        }
    }

    /// Appends valid UTF-8 bytes as a JSON string.
    public mutating func writeString(utf8: UnsafeRawBufferPointer) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index {
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<index]))
            }
            appendEscape(byte)
            index += 1
            runStart = index
        }
        if runStart < count {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [
                UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
            ])
        }
    }
}
