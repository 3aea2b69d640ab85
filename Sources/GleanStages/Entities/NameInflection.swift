/// How a language changes the end of a country's name in running text ("Россия" → "России",
/// "Venäjä" → "Venäjällä", "Qazaqstan" → "Qazaqstannyń"), so that ``LocalizedCountryNames``
/// can find such forms: a word is taken for a name's word when it is the name's stem followed by
/// a short ending of letters.
///
/// A stem is the word itself or, where the language drops or changes a final vowel ("Россия" →
/// "Росси-и", "Ukrajna" → "Ukrajn-ában"), the word without its final vowel. These are rules of
/// thumb about the languages' grammar, not a morphological analyser: irregular forms ("Polska"
/// → "Polsce", "Niemcy" → "Niemiec") are not found.
public struct NameInflection: Sendable, Hashable {
    /// The most letters an ending may have.
    public var longestEnding: Int
    /// The final vowels left out of a stem (none when empty).
    public var droppedVowels: Set<Unicode.Scalar>
    /// The fewest scalars a stem may have (shorter stems would match too many other words).
    public var shortestStem: Int
    /// The dropped vowels whose place an ending beginning with a consonant may take (Georgian
    /// "რუსეთ(ი)-ში", Albanian "Rusi(a)-së"); after the others the ending begins with a vowel
    /// ("Росси(я)-и", "Rusi(a)-ei"), which keeps "Palanga" from reading as a form of "Palau".
    public var consonantAfter: Set<Unicode.Scalar>
    /// The endings there are, where the language's are listed (Korean particles); else any
    /// letters up to ``longestEnding``.
    public var endings: Set<String>?

    /// A rule.
    public init(
        longestEnding: Int, droppedVowels: Set<Unicode.Scalar> = [], shortestStem: Int = 4,
        consonantAfter: Set<Unicode.Scalar> = [], endings: Set<String>? = nil
    ) {
        self.longestEnding = longestEnding
        self.droppedVowels = droppedVowels
        self.shortestStem = shortestStem
        self.consonantAfter = consonantAfter
        self.endings = endings
    }

    /// The rule of a language (ISO 639-1 code), or `nil` when its names are found only as they
    /// are written in the dictionary form (French, Spanish, Chinese…), or when its words change
    /// at the front, which these rules do not cover (Arabic, Hebrew, Welsh).
    public static func of(_ language: String) -> NameInflection? {
        rules[language]
    }

    private static let rules: [String: NameInflection] = {
        var rules: [String: NameInflection] = [:]
        // Case endings after a dropped final vowel: Slavic and Baltic languages, Romanian,
        // Latin, Albanian ("России", "Rosji", "Ruska", "Rusijos", "Rusiei", "Russiae", "Rusisë").
        for language in ["ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv", "ro", "la"] {
            rules[language] = NameInflection(longestEnding: 3, droppedVowels: vowels)
        }
        rules["sq"] = NameInflection(longestEnding: 3, droppedVowels: vowels, consonantAfter: vowels)
        // Case endings of Finnish, Estonian and Hungarian ("Venäjällä", "Venemaal", "Ukrajnában").
        for language in ["fi", "et", "hu"] {
            rules[language] = NameInflection(longestEnding: 5, droppedVowels: vowels)
        }
        // Georgian drops the nominative's -ი before any ending ("რუსეთი" → "რუსეთ-ის", "რუსეთ-ში"),
        // a final -ა before a vowel ("იაპონია" → "იაპონი-ის", but "იაპონია-ში").
        rules["ka"] = NameInflection(longestEnding: 5, droppedVowels: ["ი", "ა"], consonantAfter: ["ი"])
        // Suffixes added to the whole word: Turkic languages without an apostrophe (Turkish
        // writes one after proper names, but not after an institution's common noun: "Avrupa
        // Birliğine"), Armenian, Mongolian, Basque ("Azərbaycanın", "Қазақстанның", "Հայաստանում",
        // "Оросын", "Errusiako").
        for language in ["az", "tr", "kk", "hy", "mn", "eu"] {
            rules[language] = NameInflection(longestEnding: 5)
        }
        // Genitive endings ("Ρωσίας", "Russlands", "Rússlands", "Rysslands").
        for language in ["el", "de", "is"] {
            rules[language] = NameInflection(longestEnding: 2)
        }
        for language in ["sv", "da", "nb", "nn"] {
            rules[language] = NameInflection(longestEnding: 1)
        }
        // Korean particles after a name of two syllables or more ("러시아는", "미국의"), not
        // other syllables ("인도적", humanitarian, is not India's).
        rules["ko"] = NameInflection(
            longestEnding: 3, shortestStem: 2,
            endings: [
                "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "으로", "에서", "에게", "만", "까지",
                "부터", "과의", "와의", "에는", "에서는", "으로는", "과는", "와는", "이나", "나", "보다", "처럼", "에도", "에서도",
            ])
        return rules
    }()

    /// The stems of a name's word: the word itself, or where the language drops final vowels,
    /// the word without its last vowel and, when the one before is a vowel too, without both
    /// ("Российская" → "Российск", for "Российской"); each with the vowels it dropped, none
    /// shorter than ``shortestStem``.
    public func stems(of word: String) -> [(stem: String, dropped: [Unicode.Scalar])] {
        let scalars = Array(word.unicodeScalars)
        var dropped = 0
        while dropped < 2, dropped < scalars.count, droppedVowels.contains(scalars[scalars.count - 1 - dropped]) {
            dropped += 1
        }
        return (dropped == 0 ? [0] : Array(1...dropped)).compactMap { count in
            guard scalars.count - count >= shortestStem else { return nil }
            let stem = String(String.UnicodeScalarView(scalars.dropLast(count)))
            return (stem, Array(scalars.suffix(count)))
        }
    }

    /// The ways `word` may be a stem and an ending, longest stem first: each ending 1 to
    /// ``longestEnding`` letters that are not capitals (one of ``endings`` where they are listed).
    public func splits(ofInflected word: String) -> [(stem: String, ending: String)] {
        let view = word.unicodeScalars
        let positions = Array(view.indices)
        var splits: [(stem: String, ending: String)] = []
        var cut = positions.count - 1
        while cut >= shortestStem, positions.count - cut <= longestEnding {
            let first = view[positions[cut]]
            guard first.properties.isAlphabetic, !first.properties.isUppercase else { break }
            let ending = String(view[positions[cut]...])
            if endings?.contains(ending) ?? true {
                splits.append((String(view[..<positions[cut]]), ending))
            }
            cut -= 1
        }
        return splits
    }

    /// Whether `ending` may follow a stem that dropped the vowels `dropped`: any ending after
    /// none; after one, an ending beginning with a vowel (or a consonant where ``consonantAfter``
    /// says so); after two, an ending of two letters or more beginning with a vowel
    /// ("Российск-ой", but not "Georg-e" for Romanian "Georgia").
    public func allows(_ ending: String, afterDropping dropped: [Unicode.Scalar]) -> Bool {
        guard let last = dropped.last, let first = ending.unicodeScalars.first else { return true }
        if dropped.count > 1 { return ending.unicodeScalars.count >= 2 && Self.vowels.contains(first) }
        return consonantAfter.contains(last) || Self.vowels.contains(first)
    }

    /// Vowels (Latin with diacritics, Cyrillic with the soft and hard signs and short i,
    /// Georgian): those a stem may leave out, and those an ending after one begins with.
    static let vowels: Set<Unicode.Scalar> = Set(
        "aeiouyáàâäãåąāéèêëęěēėíìîïıīóòôöõőøōúùûüűůūųýæœ" + "аеёиоуыэюяіїєйьъ" + "აეიოუ"
    ).reduce(into: []) { set, character in set.formUnion(character.unicodeScalars) }
}
