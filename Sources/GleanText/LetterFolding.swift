/// A letter reduced to the form character n-gram models are keyed by: lower case, with its
/// writing system.
public struct FoldedLetter: Sendable, Hashable {
    /// The lower-case scalar (the scalar itself when lower-casing would give several scalars).
    public var scalar: Unicode.Scalar
    /// The writing system of the letter.
    public var script: Script
}

/// Folds letters for character n-gram models: a letter is a scalar of general category L
/// (Lu, Ll, Lt, Lm, Lo); marks, digits, punctuation and spaces are not letters and separate
/// words. Scalars below U+3000 come from a table built once.
public enum LetterFolding {
    /// Folds `scalar`, or returns `nil` when it is not a letter.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> FoldedLetter? {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x61 && value <= 0x7A { return FoldedLetter(scalar: scalar, script: .latin) }
            if value >= 0x41 && value <= 0x5A {
                return FoldedLetter(scalar: Unicode.Scalar(UInt8(value + 0x20)), script: .latin)
            }
            return nil
        }
        if value < ScalarTable.limit {
            let entry = table[Int(value)]
            guard entry != 0, let lower = Unicode.Scalar(entry & 0x1F_FFFF) else { return nil }
            return FoldedLetter(scalar: lower, script: Script(rawValue: Int(entry >> 24) - 1) ?? .other)
        }
        return compute(scalar)
    }

    /// Lower-case scalar in the low 21 bits, script ordinal + 1 in the top byte; 0 for non-letters.
    private static let table: [UInt32] = (0..<ScalarTable.limit).map { value in
        guard let scalar = Unicode.Scalar(value), let letter = compute(scalar) else { return 0 }
        return letter.scalar.value | UInt32(letter.script.ordinal + 1) << 24
    }

    private static func compute(_ scalar: Unicode.Scalar) -> FoldedLetter? {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: break
        default: return nil
        }
        var lower = scalar
        if properties.changesWhenLowercased {
            let mapped = properties.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let first = mapped.first { lower = first }
        }
        let script: Script
        if scalar.value < 0x80 {
            script = .latin
        } else {
            script = Script.lookup(scalar.value)
        }
        return FoldedLetter(scalar: lower, script: script)
    }
}
