import GleanText

/// The features ``EntityTagger`` scores for each token of a sentence, hashed into buckets.
struct EntityFeatures {
    let tokens: [String]
    let lower: [String]
    let shapes: [String]
    let gazetteerCodes: [String]
    let nameCodes: [String]
    let caseCodes: [String]
    let knownCodes: [String]
    let fineClusters: [String]
    let coarseClusters: [String]
    /// Per token inside a run of capitalised words ("Foreign Minister Jeyhun Bayramov", "State
    /// Oil Company of Azerbaijan"), the run's first and last tokens and the tokens around it;
    /// `-1` for a token outside any run.
    private let runs: [(first: Int, last: Int)]
    /// Each lower-cased token's UTF-8 bytes and the byte offset of each of its scalars (and the end).
    private let bytes: [[UInt8]]
    private let boundaries: [[Int]]

    init(tokens: [String], gazetteerCodes: [String], names: NameLexicon, clusters: WordClusters) {
        self.tokens = tokens
        let lower = tokens.map { $0.lowercased() }
        self.lower = lower
        (fineClusters, coarseClusters) = clusters.codes(lowercased: lower)
        runs = Self.capitalisedRuns(tokens)
        nameCodes = names.codes(lowercased: lower)
        caseCodes = names.caseCodes(lowercased: lower)
        knownCodes = names.knownCodes(lowercased: lower)
        shapes = tokens.map(Self.shape)
        self.gazetteerCodes = gazetteerCodes
        bytes = lower.map { Array($0.utf8) }
        boundaries = lower.map { word in
            var offsets = [0]
            for scalar in word.unicodeScalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
            return offsets
        }
    }

    /// FNV-1a over the feature kind and its value's bytes, then mixed and masked to a bucket.
    private struct FeatureHash {
        var value: UInt32

        init(_ kind: UInt8) {
            value = (0x811C_9DC5 ^ UInt32(kind)) &* 0x0100_0193
        }

        mutating func feed(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt32(byte)) &* 0x0100_0193 }
        }

        mutating func feed(_ bytes: ArraySlice<UInt8>) {
            for byte in bytes { value = (value ^ UInt32(byte)) &* 0x0100_0193 }
        }

        var bucket: UInt32 {
            var hash = value
            hash ^= hash >> 15
            hash &*= 0x2C1B_3C6D
            hash ^= hash >> 12
            return hash & EntityTagger.featureMask
        }
    }

    private func add(_ kind: UInt8, _ value: String, _ second: String? = nil, into buckets: inout [UInt32]) {
        var hash = FeatureHash(kind)
        hash.feed(value)
        if let second {
            hash.value = (hash.value ^ 0x7C) &* 0x0100_0193
            hash.feed(second)
        }
        buckets.append(hash.bucket)
    }

    /// The hashed features of token `index` given the previous token's tag: its context
    /// features and its transition features.
    func hashes(at index: Int, previousTag: Int, into buckets: inout [UInt32]) {
        buckets.removeAll(keepingCapacity: true)
        contextHashes(at: index, into: &buckets)
        transitionHashes(at: index, previousTag: previousTag, into: &buckets)
    }

    /// The features that depend on the previous tag, appended to `buckets`. Values joined by
    /// `|` are hashed as one string, without building it; the hash of each kind and tag and the
    /// `|` after it is computed once, for all sentences (``tagPrefixes``).
    func transitionHashes(at index: Int, previousTag: Int, into buckets: inout [UInt32]) {
        let prefixes = Self.tagPrefixes[previousTag]
        buckets.append(prefixes.tag)
        var shape = prefixes.beforeShape
        shape.feed(shapes[index])
        buckets.append(shape.bucket)
        var word = prefixes.beforeWord
        word.feed(lower[index])
        buckets.append(word.bucket)
    }

    /// Per tag: the bucket of the previous-tag feature (10), and the hash states of features 11
    /// and 25 after their kind, the tag and the `|` (what ``add(_:_:_:into:)`` computes first).
    private static let tagPrefixes: [(tag: UInt32, beforeShape: FeatureHash, beforeWord: FeatureHash)] =
        EntityTagger.tags.map { tag in
            func prefix(_ kind: UInt8) -> FeatureHash {
                var hash = FeatureHash(kind)
                hash.feed(tag)
                hash.value = (hash.value ^ 0x7C) &* 0x0100_0193
                return hash
            }
            var alone = FeatureHash(10)
            alone.feed(tag)
            return (alone.bucket, prefix(11), prefix(25))
        }

    /// The features of token `index` that do not depend on the tags, appended to `buckets`.
    func contextHashes(at index: Int, into buckets: inout [UInt32]) {
        let word = lower[index]
        let shape = shapes[index]
        func add(_ kind: UInt8, _ value: String, _ second: String? = nil) {
            self.add(kind, value, second, into: &buckets)
        }
        func add(_ kind: UInt8, _ value: ArraySlice<UInt8>) {
            var hash = FeatureHash(kind)
            hash.feed(value)
            buckets.append(hash.bucket)
        }
        add(0, "")
        add(1, word)
        add(2, shape)
        let wordBytes = bytes[index]
        let offsets = boundaries[index]
        let count = offsets.count - 1
        for length in 1...3 where count >= length {
            add(UInt8(2 + length), wordBytes[0..<offsets[length]])
            add(UInt8(5 + length), wordBytes[offsets[count - length]...])
        }
        if count >= 4 { add(9, wordBytes[offsets[count - 4]...]) }
        add(12, gazetteerCodes[index])
        add(13, gazetteerCodes[index], shape)
        add(14, index == 0 ? "first" : "inner")
        add(15, index > 0 ? lower[index - 1] : "<s>")
        add(16, index > 1 ? lower[index - 2] : "<s>")
        add(17, index + 1 < tokens.count ? lower[index + 1] : "</s>")
        add(18, index + 2 < tokens.count ? lower[index + 2] : "</s>")
        add(19, index > 0 ? shapes[index - 1] : "<s>")
        add(20, index + 1 < tokens.count ? shapes[index + 1] : "</s>")
        add(21, index > 0 ? lower[index - 1] : "<s>", shape)
        add(22, index + 1 < tokens.count ? lower[index + 1] : "</s>", shape)
        add(23, index > 0 ? gazetteerCodes[index - 1] : "<s>")
        add(24, index + 1 < tokens.count ? gazetteerCodes[index + 1] : "</s>")
        add(26, nameCodes[index])
        add(27, nameCodes[index], shape)
        add(28, index > 0 ? nameCodes[index - 1] : "<s>", nameCodes[index])
        add(29, nameCodes[index], index + 1 < tokens.count ? nameCodes[index + 1] : "</s>")
        add(30, index > 0 ? lower[index - 1] : "<s>", word)
        add(31, word, index + 1 < tokens.count ? lower[index + 1] : "</s>")
        add(32, index > 0 ? shapes[index - 1] : "<s>", shape)
        add(33, shape, index + 1 < tokens.count ? shapes[index + 1] : "</s>")
        add(34, caseCodes[index], shape)
        add(35, index > 0 ? caseCodes[index - 1] : "<s>", caseCodes[index])
        add(36, knownCodes[index])
        add(37, knownCodes[index], shape)
        add(38, fineClusters[index])
        add(39, coarseClusters[index], shape)
        add(40, index > 0 ? fineClusters[index - 1] : "<s>")
        add(41, index + 1 < tokens.count ? fineClusters[index + 1] : "</s>")
        add(42, index > 0 ? coarseClusters[index - 1] : "<s>", coarseClusters[index])
        let run = runs[index]
        if run.first >= 0 {
            // The words around and at the ends of the capitalised run: a title before it
            // ("minister"), an organisation's head word at its end ("ministry", "party", "inc."),
            // what follows it ("said").
            let place = index == run.first ? "B" : "I"
            add(43, run.first > 0 ? lower[run.first - 1] : "<s>", place)
            add(44, run.last + 1 < tokens.count ? lower[run.last + 1] : "</s>", place)
            add(45, lower[run.last], index == run.last ? "L" : place)
            add(46, lower[run.first], place)
            add(47, fineClusters[run.last], place)
        }
    }

    /// Lower-case words that may join capitalised words into one run ("Bank of England").
    private static let runJoiners: Set<String> = ["of", "and", "&", "for", "de", "the", "on"]

    /// Per token, the run of capitalised words (joined by ``runJoiners``) it belongs to, or
    /// `(-1, -1)`.
    static func capitalisedRuns(_ tokens: [String]) -> [(first: Int, last: Int)] {
        var runs = [(first: Int, last: Int)](repeating: (-1, -1), count: tokens.count)
        func capitalised(_ index: Int) -> Bool { index < tokens.count && EntityRules.isCapitalised(tokens[index]) }
        var index = 0
        while index < tokens.count {
            guard capitalised(index) else {
                index += 1
                continue
            }
            var last = index
            while true {
                if capitalised(last + 1) {
                    last += 1
                } else if last + 2 < tokens.count, runJoiners.contains(tokens[last + 1]), capitalised(last + 2) {
                    last += 2
                } else {
                    break
                }
            }
            for inner in index...last { runs[inner] = (index, last) }
            index = last + 1
        }
        return runs
    }

    /// A token's shape: X for capitals, x for small letters, d for digits, others kept; runs of
    /// more than two of a kind shortened to two (`Azerbaijan` → `Xxx`, `U.S.` → `X.X.`).
    static func shape(_ token: String) -> String {
        var result = ""
        var last: Character = " "
        var run = 0
        for scalar in token.unicodeScalars {
            let symbol: Character
            if scalar.isASCII {
                // ASCII without a property lookup (the same answers as below).
                switch scalar.value {
                case 0x41...0x5A: symbol = "X"
                case 0x61...0x7A: symbol = "x"
                case 0x30...0x39: symbol = "d"
                default: symbol = Character(scalar)
                }
            } else if scalar.properties.isUppercase {
                symbol = "X"
            } else if scalar.properties.isAlphabetic {
                symbol = "x"
            } else if scalar.properties.numericType != nil {
                symbol = "d"
            } else {
                symbol = Character(scalar)
            }
            if symbol == last {
                run += 1
                if run > 2 { continue }
            } else {
                run = 1
                last = symbol
            }
            result.append(symbol)
        }
        return result
    }

    /// Per token, the gazetteer's verdict: `B-GPE`, `I-ORG`, … for tokens inside a known
    /// surface form (longest match first), `b-GPE`, `i-ORG`, … when only the case differs, `-`
    /// otherwise.
    static func gazetteerCodes(_ tokens: [String], gazetteer: Gazetteer) -> [String] {
        var codes = [String](repeating: "-", count: tokens.count)
        let lower = tokens.map { $0.lowercased() }
        var index = 0
        while index < tokens.count {
            if let match = gazetteer.match(tokens, at: index) {
                let kind = match.entry.kind.rawValue
                codes[index] = "B-" + kind
                for inner in (index + 1)..<(index + match.length) { codes[inner] = "I-" + kind }
                index += match.length
            } else if let match = gazetteer.matchIgnoringCase(lower, at: index) {
                // Known but written in another case ("afghanistan", "NATO" as "Nato"): its own code.
                let kind = match.kind.rawValue
                codes[index] = "b-" + kind
                for inner in (index + 1)..<(index + match.length) { codes[inner] = "i-" + kind }
                index += match.length
            } else {
                index += 1
            }
        }
        return codes
    }
}
