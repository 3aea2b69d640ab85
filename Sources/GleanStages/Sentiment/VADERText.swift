/// How VADER reads text: Python's notions of white space, punctuation and upper case, so
/// tokens come out as in the reference implementation.
enum VADERText {
    /// Python's `str.isspace()`: Unicode white space plus the ASCII separators U+001C…U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Whether the text is all ASCII, checked eight bytes at a time.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII($0) }
    }

    /// Whether the bytes are all ASCII, checked eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < raw.count {
            if raw[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether `byte` is ASCII punctuation (Python's `string.punctuation`).
    static func isPunctuation(byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// The number of bytes of the UTF-8 sequence that starts with `lead`.
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0xC0: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    /// The scalar whose UTF-8 starts at `index` (the bytes are valid UTF-8).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let length = min(scalarLength(bytes[index]), bytes.count - index)
        var value: UInt32
        switch length {
        case 1: value = lead
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        if length > 1 {
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The byte width of the white-space character at `index`, or 0 when it is not one.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (0x09...0x0D).contains(byte) || (0x1C...0x20).contains(byte) ? 1 : 0
        }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 else { return 0 }
        let scalar = scalar(bytes, at: index)
        return isSpace(scalar) ? scalarLength(byte) : 0
    }

    /// Python's `str.isupper()`: at least one cased letter, and none lower or title case.
    static func isUpper(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var cased = false
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                if byte >= 0x61 && byte <= 0x7A { return false }
                if byte >= 0x41 && byte <= 0x5A { cased = true }
                index += 1
                continue
            }
            let properties = scalar(word, at: index).properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
            index += scalarLength(byte)
        }
        return cased
    }

    /// Whether the word holds U+212A KELVIN SIGN, the one non-ASCII letter whose lower case is
    /// ASCII (`k`).
    static func containsKelvinSign(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 3 else { return false }
        for index in 0..<(word.count - 2) where word[index] == 0xE2 {
            if word[index + 1] == 0x84 && word[index + 2] == 0xAA { return true }
        }
        return false
    }

    /// Whether the word holds "n't" (any case of the `n`, as the reference lower-cases first).
    static func containsContractedNegation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 3 else { return false }
        for index in 1..<(word.count - 1) where word[index] == UInt8(ascii: "'") {
            if (word[index - 1] | 0x20) == UInt8(ascii: "n") && (word[index + 1] | 0x20) == UInt8(ascii: "t") {
                return word[index + 1] == UInt8(ascii: "t") || word[index + 1] == UInt8(ascii: "T")
            }
        }
        return false
    }

    /// Calls `body` with the word's lower-cased UTF-8, lower-casing ASCII into `scratch`.
    static func withLowercase<Result>(
        _ word: UnsafeBufferPointer<UInt8>,
        scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var ascii = true
        var hasUpper = false
        for byte in word {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if ascii && !hasUpper { return body(word) }
        if ascii {
            scratch.removeAll(keepingCapacity: true)
            for byte in word { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        } else {
            scratch = Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The word lower-cased; ASCII words without building an intermediate string.
    static func lowercase(_ word: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for byte in word where byte >= 0x80 {
            ascii = false
            break
        }
        guard ascii else { return String(decoding: word, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            for (offset, byte) in word.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return word.count
        }
    }
}
