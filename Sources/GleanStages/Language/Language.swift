/// A language the `language` stage can identify: its ISO 639 codes and English name.
public struct Language: Sendable, Hashable {
    /// ISO 639-1 code, such as `en`.
    public let code: String
    /// ISO 639-3 code, such as `eng`.
    public let iso639_3: String
    /// English name, such as `English`.
    public let name: String

    /// A language from its codes and name.
    public init(code: String, iso639_3: String, name: String) {
        self.code = code
        self.iso639_3 = iso639_3
        self.name = name
    }
}

extension Language {
    /// The language with ISO 639-1 code `code`, when it is one of ``all``.
    public static func named(_ code: String) -> Language? {
        byCode[code.lowercased()]
    }

    private static let byCode: [String: Language] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The 75 languages of the shipped model.
    public static let all: [Language] = [
        ("af", "afr", "Afrikaans"), ("ar", "ara", "Arabic"), ("az", "aze", "Azerbaijani"),
        ("be", "bel", "Belarusian"), ("bg", "bul", "Bulgarian"), ("bn", "ben", "Bengali"),
        ("bs", "bos", "Bosnian"), ("ca", "cat", "Catalan"), ("cs", "ces", "Czech"),
        ("cy", "cym", "Welsh"), ("da", "dan", "Danish"), ("de", "deu", "German"),
        ("el", "ell", "Greek"), ("en", "eng", "English"), ("eo", "epo", "Esperanto"),
        ("es", "spa", "Spanish"), ("et", "est", "Estonian"), ("eu", "eus", "Basque"),
        ("fa", "fas", "Persian"), ("fi", "fin", "Finnish"), ("fr", "fra", "French"),
        ("ga", "gle", "Irish"), ("gu", "guj", "Gujarati"), ("he", "heb", "Hebrew"),
        ("hi", "hin", "Hindi"), ("hr", "hrv", "Croatian"), ("hu", "hun", "Hungarian"),
        ("hy", "hye", "Armenian"), ("id", "ind", "Indonesian"), ("is", "isl", "Icelandic"),
        ("it", "ita", "Italian"), ("ja", "jpn", "Japanese"), ("ka", "kat", "Georgian"),
        ("kk", "kaz", "Kazakh"), ("ko", "kor", "Korean"), ("la", "lat", "Latin"),
        ("lg", "lug", "Ganda"), ("lt", "lit", "Lithuanian"), ("lv", "lav", "Latvian"),
        ("mi", "mri", "Maori"), ("mk", "mkd", "Macedonian"), ("mn", "mon", "Mongolian"),
        ("mr", "mar", "Marathi"), ("ms", "msa", "Malay"), ("nb", "nob", "Bokmal"),
        ("nl", "nld", "Dutch"), ("nn", "nno", "Nynorsk"), ("pa", "pan", "Punjabi"),
        ("pl", "pol", "Polish"), ("pt", "por", "Portuguese"), ("ro", "ron", "Romanian"),
        ("ru", "rus", "Russian"), ("sk", "slk", "Slovak"), ("sl", "slv", "Slovene"),
        ("sn", "sna", "Shona"), ("so", "som", "Somali"), ("sq", "sqi", "Albanian"),
        ("sr", "srp", "Serbian"), ("st", "sot", "Sotho"), ("sv", "swe", "Swedish"),
        ("sw", "swa", "Swahili"), ("ta", "tam", "Tamil"), ("te", "tel", "Telugu"),
        ("th", "tha", "Thai"), ("tl", "tgl", "Tagalog"), ("tn", "tsn", "Tswana"),
        ("tr", "tur", "Turkish"), ("ts", "tso", "Tsonga"), ("uk", "ukr", "Ukrainian"),
        ("ur", "urd", "Urdu"), ("vi", "vie", "Vietnamese"), ("xh", "xho", "Xhosa"),
        ("yo", "yor", "Yoruba"), ("zh", "zho", "Chinese"), ("zu", "zul", "Zulu"),
    ].map { Language(code: $0.0, iso639_3: $0.1, name: $0.2) }
}
