/// Precomputed character classes and scripts for the scalars below U+3000, where almost all
/// text in Latin, Cyrillic, Greek, Armenian, Georgian, Arabic and Indic scripts falls, so the
/// hot loops index an array instead of asking Unicode properties for every character.
enum ScalarTable {
    /// Scalars below this are in the tables.
    static let limit: UInt32 = 0x3000

    static let letter: UInt8 = 1
    static let digit: UInt8 = 2
    static let mark: UInt8 = 4
    static let space: UInt8 = 8
    static let lowercase: UInt8 = 16
    static let uppercase: UInt8 = 32

    /// Class bits by scalar value.
    static let flags: [UInt8] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return computeFlags(scalar)
    }

    /// `Script` ordinal + 1 of each letter, 0 for non-letters.
    static let scripts: [UInt8] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return 0 }
        let isASCIILetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        return UInt8((isASCIILetter ? Script.latin : Script.lookup(value)).ordinal + 1)
    }

    /// The class bits of `scalar`, looked up in `table` (``flags``, held by the caller so hot
    /// loops do not touch the global each time).
    @inline(__always)
    static func flags(of scalar: Unicode.Scalar, in table: [UInt8]) -> UInt8 {
        scalar.value < limit ? table[Int(scalar.value)] : computeFlags(scalar)
    }

    static func computeFlags(_ scalar: Unicode.Scalar) -> UInt8 {
        let properties = scalar.properties
        var bits: UInt8 = 0
        if properties.isAlphabetic { bits |= letter }
        if properties.numericType == .decimal { bits |= digit }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: bits |= mark
        default: break
        }
        if properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { bits |= space }
        if properties.isLowercase { bits |= lowercase }
        if properties.isUppercase { bits |= uppercase }
        return bits
    }
}
