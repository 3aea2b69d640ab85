/// A writing system, as found on letters.
public enum Script: Int, Sendable, Hashable, CaseIterable, Comparable {
    case latin
    case greek
    case cyrillic
    case armenian
    case georgian
    case hebrew
    case arabic
    case syriac
    case thaana
    case devanagari
    case bengali
    case gurmukhi
    case gujarati
    case oriya
    case tamil
    case telugu
    case kannada
    case malayalam
    case sinhala
    case thai
    case lao
    case tibetan
    case myanmar
    case khmer
    case mongolian
    case ethiopic
    case cherokee
    case hangul
    case hiragana
    case katakana
    case han
    /// A letter of a script not listed here.
    case other

    /// The script's English name, as in the Unicode Script property ("Latin", "Cyrillic").
    public var name: String {
        switch self {
        case .latin: return "Latin"
        case .greek: return "Greek"
        case .cyrillic: return "Cyrillic"
        case .armenian: return "Armenian"
        case .georgian: return "Georgian"
        case .hebrew: return "Hebrew"
        case .arabic: return "Arabic"
        case .syriac: return "Syriac"
        case .thaana: return "Thaana"
        case .devanagari: return "Devanagari"
        case .bengali: return "Bengali"
        case .gurmukhi: return "Gurmukhi"
        case .gujarati: return "Gujarati"
        case .oriya: return "Oriya"
        case .tamil: return "Tamil"
        case .telugu: return "Telugu"
        case .kannada: return "Kannada"
        case .malayalam: return "Malayalam"
        case .sinhala: return "Sinhala"
        case .thai: return "Thai"
        case .lao: return "Lao"
        case .tibetan: return "Tibetan"
        case .myanmar: return "Myanmar"
        case .khmer: return "Khmer"
        case .mongolian: return "Mongolian"
        case .ethiopic: return "Ethiopic"
        case .cherokee: return "Cherokee"
        case .hangul: return "Hangul"
        case .hiragana: return "Hiragana"
        case .katakana: return "Katakana"
        case .han: return "Han"
        case .other: return "Other"
        }
    }

    /// Orders by the declaration order.
    public static func < (lhs: Script, rhs: Script) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The script of `scalar` when it is a letter (alphabetic), otherwise `nil`.
    public init?(letter scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            guard (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) else { return nil }
            self = .latin
            return
        }
        if value < ScalarTable.limit {
            let entry = ScalarTable.scripts[Int(value)]
            guard entry > 0 else { return nil }
            self = Script(rawValue: Int(entry) - 1) ?? .other
            return
        }
        guard scalar.properties.isAlphabetic else { return nil }
        self = Script.lookup(value)
    }

    /// The position of the script in ``allCases``.
    public var ordinal: Int { rawValue }

    /// Binary search over the block table.
    static func lookup(_ value: UInt32) -> Script {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let entry = ranges[middle]
            if value < entry.lower {
                high = middle - 1
            } else if value > entry.upper {
                low = middle + 1
            } else {
                return entry.script
            }
        }
        return .other
    }

    /// Unicode blocks by script, sorted by their first code point.
    private static let ranges: [(lower: UInt32, upper: UInt32, script: Script)] = [
        (0x00AA, 0x00AA, .latin), (0x00BA, 0x00BA, .latin), (0x00C0, 0x02AF, .latin),
        (0x0370, 0x03FF, .greek), (0x0400, 0x052F, .cyrillic), (0x0530, 0x058F, .armenian),
        (0x0590, 0x05FF, .hebrew), (0x0600, 0x06FF, .arabic), (0x0700, 0x074F, .syriac),
        (0x0750, 0x077F, .arabic), (0x0780, 0x07BF, .thaana), (0x08A0, 0x08FF, .arabic),
        (0x0900, 0x097F, .devanagari), (0x0980, 0x09FF, .bengali), (0x0A00, 0x0A7F, .gurmukhi),
        (0x0A80, 0x0AFF, .gujarati), (0x0B00, 0x0B7F, .oriya), (0x0B80, 0x0BFF, .tamil),
        (0x0C00, 0x0C7F, .telugu), (0x0C80, 0x0CFF, .kannada), (0x0D00, 0x0D7F, .malayalam),
        (0x0D80, 0x0DFF, .sinhala), (0x0E00, 0x0E7F, .thai), (0x0E80, 0x0EFF, .lao),
        (0x0F00, 0x0FFF, .tibetan), (0x1000, 0x109F, .myanmar), (0x10A0, 0x10FF, .georgian),
        (0x1100, 0x11FF, .hangul), (0x1200, 0x139F, .ethiopic), (0x13A0, 0x13FF, .cherokee),
        (0x1780, 0x17FF, .khmer), (0x1800, 0x18AF, .mongolian), (0x1C80, 0x1C8F, .cyrillic),
        (0x1C90, 0x1CBF, .georgian), (0x1D00, 0x1DBF, .latin), (0x1E00, 0x1EFF, .latin),
        (0x1F00, 0x1FFF, .greek), (0x2C60, 0x2C7F, .latin), (0x2D00, 0x2D2F, .georgian),
        (0x2D80, 0x2DDF, .ethiopic), (0x2DE0, 0x2DFF, .cyrillic), (0x2E80, 0x2FDF, .han),
        (0x3005, 0x3007, .han), (0x3021, 0x3029, .han), (0x3038, 0x303B, .han),
        (0x3040, 0x309F, .hiragana), (0x30A0, 0x30FF, .katakana), (0x3130, 0x318F, .hangul),
        (0x31F0, 0x31FF, .katakana), (0x3400, 0x4DBF, .han), (0x4E00, 0x9FFF, .han),
        (0xA640, 0xA69F, .cyrillic), (0xA720, 0xA7FF, .latin), (0xA8E0, 0xA8FF, .devanagari),
        (0xA960, 0xA97F, .hangul), (0xAB30, 0xAB6F, .latin), (0xAC00, 0xD7FF, .hangul),
        (0xF900, 0xFAFF, .han), (0xFB00, 0xFB06, .latin), (0xFB13, 0xFB17, .armenian),
        (0xFB1D, 0xFB4F, .hebrew), (0xFB50, 0xFDFF, .arabic), (0xFE70, 0xFEFF, .arabic),
        (0xFF21, 0xFF3A, .latin), (0xFF41, 0xFF5A, .latin), (0xFF66, 0xFF9F, .katakana),
        (0x20000, 0x323AF, .han),
    ]
}

extension Script {
    /// Whether words in this script are written without spaces, so each letter counts as a
    /// word for statistics (Han, Hiragana, Katakana).
    public var isIdeographic: Bool {
        self == .han || self == .hiragana || self == .katakana
    }
}
