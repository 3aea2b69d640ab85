/// The rules that adjust a token's valence by its neighbours.
extension VADERAnalyzer {
    /// The valence of token `index` after every rule that looks at the words around it.
    func valence(at index: Int, in tokens: [Token], idiomWords: [String], capsStandOut: Bool) -> Double {
        let token = tokens[index]
        // Degree modifiers carry no sentiment of their own, nor does "kind" in "kind of".
        if token.entry.booster != nil { return 0 }
        if token.function == .kind, index + 1 < tokens.count, tokens[index + 1].function == .of { return 0 }
        guard let base = token.valence else { return 0 }

        var valence = base
        // "no" before a sentiment word is a determiner, not a sentiment ("no problem").
        if token.function == .no, index + 1 < tokens.count, tokens[index + 1].valence != nil { valence = 0 }
        if Self.followsNo(index, tokens) { valence = base * VADERVocabulary.negationScalar }
        if token.isUpper && capsStandOut {
            valence += valence > 0 ? VADERVocabulary.capsIncrement : -VADERVocabulary.capsIncrement
        }
        // Up to three words back: boosters (weaker with distance), negation, idioms.
        for distance in 1...3 where index >= distance {
            let prior = tokens[index - distance]
            guard prior.valence == nil else { continue }
            var boost = Self.boost(from: prior, on: valence, capsStandOut: capsStandOut)
            if boost != 0 {
                if distance == 2 { boost *= 0.95 }
                if distance == 3 { boost *= 0.9 }
            }
            valence += boost
            valence = Self.negating(valence, distance: distance, index: index, tokens)
            if distance == 3 { valence = Self.idioms(valence, index: index, tokens, words: idiomWords) }
        }
        return Self.least(valence, index: index, tokens)
    }

    /// Whether "no" stands one or two words before, or three before with "or"/"nor" between.
    private static func followsNo(_ index: Int, _ tokens: [Token]) -> Bool {
        if index > 0 && tokens[index - 1].function == .no { return true }
        if index > 1 && tokens[index - 2].function == .no { return true }
        return index > 2 && tokens[index - 3].function == .no
            && (tokens[index - 1].function == .or || tokens[index - 1].function == .nor)
    }

    /// The increment a booster or dampener adds, in the direction of the valence it modifies.
    private static func boost(from word: Token, on valence: Double, capsStandOut: Bool) -> Double {
        guard let increment = word.entry.booster else { return 0 }
        var boost = valence < 0 ? -increment : increment
        if word.isUpper && capsStandOut {
            boost += valence > 0 ? VADERVocabulary.capsIncrement : -VADERVocabulary.capsIncrement
        }
        return boost
    }

    /// Negation `distance` words back, with the reference's exceptions: "never so/this"
    /// intensifies instead, "without doubt" leaves the valence alone, and — as vaderSentiment
    /// 3.3.2 evaluates it — a "so" or "this" right before the word intensifies at distance three.
    private static func negating(_ valence: Double, distance: Int, index: Int, _ tokens: [Token]) -> Double {
        func word(_ back: Int) -> VADERLexicon.FunctionWord { tokens[index - back].function }
        func negates(_ back: Int) -> Bool { tokens[index - back].entry.negates }
        func isSoOrThis(_ back: Int) -> Bool { word(back) == .so || word(back) == .this }
        switch distance {
        case 1:
            return negates(1) ? valence * VADERVocabulary.negationScalar : valence
        case 2:
            if word(2) == .never && isSoOrThis(1) { return valence * 1.25 }
            if word(2) == .without && word(1) == .doubt { return valence }
            return negates(2) ? valence * VADERVocabulary.negationScalar : valence
        default:
            if (word(3) == .never && isSoOrThis(2)) || isSoOrThis(1) { return valence * 1.25 }
            if word(3) == .without && (word(2) == .doubt || word(1) == .doubt) { return valence }
            return negates(3) ? valence * VADERVocabulary.negationScalar : valence
        }
    }

    /// Idioms ending at, around or just after the word replace its valence; two- and three-word
    /// dampeners before it ("kind of", "sort of", "just enough") add theirs.
    private static func idioms(_ valence: Double, index: Int, _ tokens: [Token], words: [String]) -> Double {
        /// The phrase of tokens `from…to`, or `nil` when one of them is in no idiom.
        func phrase(_ from: Int, _ to: Int) -> String? {
            guard tokens[from...to].allSatisfy(\.entry.inIdiom) else { return nil }
            return words[from...to].joined(separator: " ")
        }
        func special(_ from: Int, _ to: Int) -> Double? {
            phrase(from, to).flatMap { VADERVocabulary.specialCases[$0] }
        }
        var valence = valence
        let before = [
            (index - 1, index), (index - 2, index), (index - 2, index - 1), (index - 3, index - 1), (index - 3, index - 2),
        ]
        if let match = before.lazy.compactMap({ special($0.0, $0.1) }).first { valence = match }
        if tokens.count - 1 > index, let match = special(index, index + 1) { valence = match }
        if tokens.count - 1 > index + 1, let match = special(index, index + 2) { valence = match }
        for (from, to) in [(index - 3, index - 1), (index - 3, index - 2), (index - 2, index - 1)] {
            if let increment = phrase(from, to).flatMap({ VADERVocabulary.boosters[$0] }) { valence += increment }
        }
        return valence
    }

    /// "least" before the word negates it, except in "at least" and "very least".
    private static func least(_ valence: Double, index: Int, _ tokens: [Token]) -> Double {
        guard index > 0, tokens[index - 1].function == .least, tokens[index - 1].valence == nil else { return valence }
        if index > 1 && (tokens[index - 2].function == .at || tokens[index - 2].function == .very) { return valence }
        return valence * VADERVocabulary.negationScalar
    }

    /// "but" halves what comes before it and raises what follows by half.
    ///
    /// vaderSentiment 3.3.2 finds each value's position by searching for its first occurrence,
    /// so among equal values only the first is adjusted (repeatedly); this reproduces that.
    static func applyBut(_ valences: inout [Double], tokens: [Token]) {
        guard let butIndex = tokens.firstIndex(where: { $0.function == .but }) else { return }
        for position in valences.indices {
            let value = valences[position]
            let first = valences.firstIndex(of: value) ?? position
            if first < butIndex {
                valences[first] = value * 0.5
            } else if first > butIndex {
                valences[first] = value * 1.5
            }
        }
    }
}
