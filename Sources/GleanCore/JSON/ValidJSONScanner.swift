/// Finds the members of objects and the elements of arrays in JSON text already known to be
/// valid (a ``SerializedJSON``'s), by its strings and brackets alone: nothing is checked again
/// and nothing is built.
enum ValidJSONScanner {
    /// Calls `body` with the byte ranges of each member's key (quotes included) and value in
    /// `object`, the text of one object.
    static func forEachMember(in object: UnsafeRawBufferPointer, _ body: (_ key: Range<Int>, _ value: Range<Int>) -> Void) {
        var position = skipWhitespace(in: object, from: 1)
        while position < object.count && object[position] == UInt8(ascii: "\"") {
            let keyEnd = valueEnd(in: object, from: position)
            // Past the key, the colon and the white space around it.
            let valueStart = skipWhitespace(in: object, from: skipWhitespace(in: object, from: keyEnd) + 1)
            let end = valueEnd(in: object, from: valueStart)
            body(position..<keyEnd, valueStart..<end)
            // Past the comma (or onto the closing brace).
            position = skipWhitespace(in: object, from: skipWhitespace(in: object, from: end) + 1)
        }
    }

    /// Calls `body` with the byte range of each element of `array`, the text of one array.
    static func forEachElement(in array: UnsafeRawBufferPointer, _ body: (Range<Int>) -> Void) {
        var position = skipWhitespace(in: array, from: 1)
        while position < array.count && array[position] != UInt8(ascii: "]") {
            let end = valueEnd(in: array, from: position)
            body(position..<end)
            position = skipWhitespace(in: array, from: skipWhitespace(in: array, from: end) + 1)
        }
    }

    /// Where the value that begins at `start` ends.
    private static func valueEnd(in text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var position = start
        var depth = 0
        var inString = false
        while position < text.count {
            let byte = text[position]
            position += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return position }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // A closing bracket of the value, or, for a number or literal, of what holds it.
                if depth == 0 { return position - 1 }
                depth -= 1
                if depth == 0 { return position }
            case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                if depth == 0 { return position - 1 }
            default:
                break
            }
        }
        return position
    }

    private static func skipWhitespace(in text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var position = start
        while position < text.count {
            switch text[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return position
            }
        }
        return position
    }
}
