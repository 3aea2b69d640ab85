/// The fixed word lists and constants of the VADER method (Hutto & Gilbert, 2014), as published
/// with vaderSentiment 3.3.2.
enum VADERVocabulary {
    /// Added to (or subtracted from) a valence by a booster word ("very").
    static let boosterIncrement = 0.293
    /// Added to a valence for an ALL-CAPS word among mixed-case words.
    static let capsIncrement = 0.733
    /// Multiplies a negated valence.
    static let negationScalar = -0.74

    /// Words that negate the sentiment that follows within three words.
    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
        "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
        "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never",
        "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
        "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Degree modifiers: boosters raise the intensity of what follows, dampeners lower it.
    static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
            "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
            "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = -boosterIncrement }
        return table
    }()

    /// Multi-word expressions whose valence replaces that of their last word.
    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0, "yeah right": -2,
        "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]
}
