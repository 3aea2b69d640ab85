import GleanStages
import Testing

/// Each rule of the VADER method, with the expected scores worked out by hand from the method:
/// compound = s / √(s² + 15), where s is the sum of the adjusted valences plus punctuation
/// emphasis, rounded to four decimals. Lexicon: good 1.9, bad −2.5, problem −1.7, grinning 1.5,
/// :) 2.0; booster ±0.293, caps 0.733, negation ×−0.74.
@Suite("VADER rules")
struct VADERRuleTests {
    let analyzer: VADERAnalyzer

    init() throws {
        analyzer = try VADERAnalyzer.shipped
    }

    @Test(
        "compound scores",
        arguments: [
            // A lexicon word: s = 1.9 → 1.9 / √18.61.
            ("The book was good.", 0.4404),
            // Negation one word back: 1.9 × −0.74 = −1.406.
            ("The book was not good.", -0.3412),
            // A contraction negates too ("isn't" holds n't).
            ("The book isn't good.", -0.3412),
            // Booster one word back: 1.9 + 0.293 = 2.193.
            ("The book was very good.", 0.4927),
            // Dampener: 1.9 − 0.293 = 1.607.
            ("The book was slightly good.", 0.3832),
            // Booster two words back is scaled by 0.95: 1.9 + 0.27835 = 2.17835.
            ("The book was very much good.", 0.4902),
            // "but": before ×0.5, after ×1.5: 0.95 − 3.75 = −2.8.
            ("The book was good, but the ending was bad.", -0.5859),
            // ALL CAPS among lower case: 1.9 + 0.733 = 2.633.
            ("The book was GOOD.", 0.5622),
            // One "!" adds 0.292: 2.192.
            ("The book was good!", 0.4926),
            // At most four "!": 1.9 + 4 × 0.292 = 3.068.
            ("The book was good!!!!!!", 0.6209),
            // Two "?" add 2 × 0.18: 2.26.
            ("The book was good??", 0.504),
            // Emoji become their description: "grinning face" → 1.5.
            ("😀", 0.3612),
            // Idiom "the bomb" replaces the word's valence with 3.
            ("It was the bomb", 0.6124),
            // "no" before a lexicon word: the word ×−0.74 (−1.7 → 1.258), "no" itself 0.
            ("There is no problem", 0.3089),
            // "least" negates: −1.406; but not in "at least".
            ("This is the least good", -0.3412),
            ("This is at least good", 0.4404),
            // "kind" before "of" is 0; "kind of" dampens: 1.607.
            ("The book was kind of good", 0.3832),
            // "never so" intensifies ×1.25: (1.9 + 0.293) × 1.25 = 2.74125.
            ("never so good", 0.5777),
            // Emoticons survive punctuation stripping: 2 + 2 = 4.
            (":) :)", 0.7184),
            // No tokens: all zero.
            ("", 0.0),
            ("   ", 0.0),
        ])
    func compound(text: String, expected: Double) {
        #expect(analyzer.scores(text).compound == expected)
    }

    @Test("proportions: positive and neutral shares of the text")
    func proportions() {
        // good: pos 1.9 + 1 = 2.9; three neutral tokens; total 5.9 → pos 0.492, neu 0.508.
        let scores = analyzer.scores("The book was good.")
        #expect(scores == SentimentScores(negative: 0, neutral: 0.508, positive: 0.492, compound: 0.4404))
    }

    @Test("a lexicon merged over the built-in one changes scores")
    func mergedLexicon() throws {
        let lexicon = try VADERLexicon.shipped.merging(lexiconText: "# news terms\nSanctions\t-2.0\r\nceasefire\t1.5\n")
        let news = VADERAnalyzer(lexicon: lexicon)
        // sanctions −2.0 → −2.0 / √19 = −0.4588.
        #expect(news.scores("New sanctions were announced").compound == -0.4588)
        #expect(analyzer.scores("New sanctions were announced").compound == 0)
        #expect(throws: (any Error).self) { try VADERLexicon.shipped.merging(lexiconText: "word without valence\n") }
    }

    @Test("words with non-ASCII letters: no match in the ASCII lexicon, but the Kelvin sign and user entries do")
    func nonASCIIWords() throws {
        // U+212A KELVIN SIGN lower-cases to `k`, as Python's str.lower() does: "\u{212A}ill" is "kill".
        #expect(analyzer.scores("\u{212A}ill them").compound == analyzer.scores("kill them").compound)
        #expect(analyzer.scores("\u{212A}ill them").compound < 0)
        #expect(analyzer.scores("Отлично сделано").compound == 0)
        let lexicon = try VADERLexicon.shipped.merging(lexiconText: "Отлично\t3.0\n")
        #expect(VADERAnalyzer(lexicon: lexicon).scores("ОТЛИЧНО сделано").compound > 0)
    }
}
