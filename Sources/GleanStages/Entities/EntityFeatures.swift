import GleanText

/// The features ``EntityTagger`` scores for each token of a sentence, hashed into buckets.
///
/// Every text a feature hashes (each token's lower-case word, shape, gazetteer, name-list,
/// casing, known-name and cluster codes, and the constants `<s>`, `</s>`, …) is kept as UTF-8
/// bytes in one flat buffer, laid out once per sentence; the features hash spans of it, so
/// scoring a token builds no strings and touches no reference counts.
struct EntityFeatures {
    /// The number of tokens.
    let count: Int
    /// Per token inside a run of capitalised words ("Foreign Minister Jeyhun Bayramov", "State
    /// Oil Company of Azerbaijan"), the run's first and last tokens and the tokens around it;
    /// `-1` for a token outside any run.
    private let runs: [(first: Int, last: Int)]
    /// The constants (``Constant``), then each token's fields (``Field``), as UTF-8 bytes.
    private let text: [UInt8]
    /// Where each token's fields lie in ``text``: `spans[token * Field.count + field]`.
    private let spans: [Span]

    /// A run of bytes of ``text``.
    private struct Span {
        var start: Int32
        var end: Int32
    }

    /// The texts of a token that features hash.
    private enum Field: Int, CaseIterable {
        case word, shape, gazetteer, name, casing, known, fine, coarse
        static let count = allCases.count
    }

    /// The fixed texts some features hash, at the start of ``text``.
    private enum Constant {
        static let text = Array("<s></s>firstinnerBIL".utf8)
        static let start = Span(start: 0, end: 3)
        static let end = Span(start: 3, end: 7)
        static let first = Span(start: 7, end: 12)
        static let inner = Span(start: 12, end: 17)
        static let begin = Span(start: 17, end: 18)
        static let inside = Span(start: 18, end: 19)
        static let last = Span(start: 19, end: 20)
    }

    /// The features of `tokens`. `lower` holds them in lower case (computed when `nil`).
    init(
        tokens: [String], lower: [String]? = nil, gazetteerCodes: [String], names: NameLexicon, clusters: WordClusters
    ) {
        let lower = lower ?? tokens.map { $0.lowercased() }
        count = tokens.count
        runs = Self.capitalisedRuns(tokens)
        let (fine, coarse) = clusters.codes(lowercased: lower)
        let (nameCodes, caseCodes, knownCodes) = names.codes(lowercased: lower)
        var text = Constant.text
        var spans: [Span] = []
        text.reserveCapacity(text.count + tokens.count * 32)
        spans.reserveCapacity(tokens.count * Field.count)
        // The codes, in the order of ``Field`` after the word and its shape.
        let codes = [gazetteerCodes, nameCodes, caseCodes, knownCodes, fine, coarse]
        for index in tokens.indices {
            Self.append(lower[index], to: &text, spans: &spans)
            let start = Int32(text.count)
            Self.appendShape(of: tokens[index], to: &text)
            spans.append(Span(start: start, end: Int32(text.count)))
            for field in codes.indices { Self.append(codes[field][index], to: &text, spans: &spans) }
        }
        self.text = text
        self.spans = spans
    }

    /// Appends the UTF-8 bytes of `value` to `text` and their span to `spans`.
    private static func append(_ value: String, to text: inout [UInt8], spans: inout [Span]) {
        let start = Int32(text.count)
        var value = value
        value.withUTF8 { text.append(contentsOf: $0) }
        spans.append(Span(start: start, end: Int32(text.count)))
    }

    /// FNV-1a over the feature kind and its value's bytes, then mixed and masked to a bucket.
    private struct FeatureHash {
        var value: UInt32

        init(_ kind: UInt8) {
            value = (0x811C_9DC5 ^ UInt32(kind)) &* 0x0100_0193
        }

        mutating func feed(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { value = (value ^ UInt32(byte)) &* 0x0100_0193 }
        }

        /// Feeds `text[start..<end]`.
        mutating func feed(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var value = value
            var index = start
            while index < end {
                value = (value ^ UInt32(text[index])) &* 0x0100_0193
                index += 1
            }
            self.value = value
        }

        /// Feeds the `|` that joins a feature's two values.
        mutating func feedJoin() {
            value = (value ^ 0x7C) &* 0x0100_0193
        }

        var bucket: UInt32 {
            var hash = value
            hash ^= hash >> 15
            hash &*= 0x2C1B_3C6D
            hash ^= hash >> 12
            return hash & EntityTagger.featureMask
        }
    }

    /// Reads spans of a sentence's ``text`` while its buffers are held.
    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<Span>
        let count: Int

        /// `field` of token `index`; `<s>` before the first token, `</s>` after the last.
        func span(_ field: Field, _ index: Int) -> Span {
            if index < 0 { return Constant.start }
            if index >= count { return Constant.end }
            return spans[index &* Field.count &+ field.rawValue]
        }

        /// The bucket of feature `kind` with value `value`.
        func bucket(_ kind: UInt8, _ value: Span) -> UInt32 {
            var hash = FeatureHash(kind)
            hash.feed(text, Int(value.start), Int(value.end))
            return hash.bucket
        }

        /// The bucket of feature `kind` with two values, hashed as `first|second`.
        func bucket(_ kind: UInt8, _ first: Span, _ second: Span) -> UInt32 {
            var hash = FeatureHash(kind)
            hash.feed(text, Int(first.start), Int(first.end))
            hash.feedJoin()
            hash.feed(text, Int(second.start), Int(second.end))
            return hash.bucket
        }
    }

    /// Calls `body` with a ``Reader`` of this sentence.
    private func reading<Result>(_ body: (Reader) -> Result) -> Result {
        text.withUnsafeBufferPointer { text in
            spans.withUnsafeBufferPointer { spans in body(Reader(text: text, spans: spans, count: count)) }
        }
    }

    /// The hashed features of token `index` given the previous token's tag: its context
    /// features and its transition features.
    func hashes(at index: Int, previousTag: Int, into buckets: inout [UInt32]) {
        buckets.removeAll(keepingCapacity: true)
        contextHashes(at: index, into: &buckets)
        transitionHashes(at: index, previousTag: previousTag, into: &buckets)
    }

    /// The features that depend on the previous tag, appended to `buckets`. The hash of each
    /// kind and tag and the `|` after it is computed once, for all sentences (``tagPrefixes``).
    func transitionHashes(at index: Int, previousTag: Int, into buckets: inout [UInt32]) {
        let prefixes = Self.tagPrefixes[previousTag]
        reading { reader in
            let shape = reader.span(.shape, index)
            let word = reader.span(.word, index)
            buckets.append(prefixes.tag)
            var hash = prefixes.beforeShape
            hash.feed(reader.text, Int(shape.start), Int(shape.end))
            buckets.append(hash.bucket)
            hash = prefixes.beforeWord
            hash.feed(reader.text, Int(word.start), Int(word.end))
            buckets.append(hash.bucket)
        }
    }

    /// ``transitionHashes(at:previousTag:into:)`` for every previous tag at once: lane `tag` of
    /// each vector is that tag's bucket of the previous-tag feature (10), of its pair with the
    /// token's shape (11) and with its word (25); lane 7 is unused. The shape and the word are
    /// read once, each byte fed to the eight hashes together.
    func transitionBuckets(at index: Int) -> (tag: SIMD8<UInt32>, shape: SIMD8<UInt32>, word: SIMD8<UInt32>) {
        reading { reader in
            let shape = reader.span(.shape, index)
            let word = reader.span(.word, index)
            var shapeHashes = Self.laneTagPrefixes.beforeShape
            shapeHashes.feed(reader.text, Int(shape.start), Int(shape.end))
            var wordHashes = Self.laneTagPrefixes.beforeWord
            wordHashes.feed(reader.text, Int(word.start), Int(word.end))
            return (Self.laneTagPrefixes.tag, shapeHashes.buckets, wordHashes.buckets)
        }
    }

    /// Eight ``FeatureHash``es fed the same bytes, one per lane.
    private struct FeatureHashes {
        var values: SIMD8<UInt32>

        /// Feeds `text[start..<end]` to every lane.
        mutating func feed(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var values = values
            var index = start
            while index < end {
                values = (values ^ SIMD8(repeating: UInt32(text[index]))) &* SIMD8(repeating: 0x0100_0193)
                index += 1
            }
            self.values = values
        }

        /// ``FeatureHash/bucket`` of every lane.
        var buckets: SIMD8<UInt32> {
            var hash = values
            hash ^= hash &>> SIMD8(repeating: 15)
            hash &*= SIMD8(repeating: 0x2C1B_3C6D)
            hash ^= hash &>> SIMD8(repeating: 12)
            return hash & SIMD8(repeating: EntityTagger.featureMask)
        }
    }

    /// ``tagPrefixes`` in lanes, one per tag (lane 7 zero).
    private static let laneTagPrefixes: (tag: SIMD8<UInt32>, beforeShape: FeatureHashes, beforeWord: FeatureHashes) = {
        func lanes(_ values: [UInt32]) -> SIMD8<UInt32> {
            var lanes = SIMD8<UInt32>()
            for (lane, value) in values.enumerated() { lanes[lane] = value }
            return lanes
        }
        return (
            lanes(tagPrefixes.map(\.tag)), FeatureHashes(values: lanes(tagPrefixes.map(\.beforeShape.value))),
            FeatureHashes(values: lanes(tagPrefixes.map(\.beforeWord.value)))
        )
    }()

    /// Per tag: the bucket of the previous-tag feature (10), and the hash states of features 11
    /// and 25 after their kind, the tag and the `|`.
    private static let tagPrefixes: [(tag: UInt32, beforeShape: FeatureHash, beforeWord: FeatureHash)] =
        EntityTagger.tags.map { tag in
            func prefix(_ kind: UInt8) -> FeatureHash {
                var hash = FeatureHash(kind)
                hash.feed(tag.utf8)
                hash.feedJoin()
                return hash
            }
            var alone = FeatureHash(10)
            alone.feed(tag.utf8)
            return (alone.bucket, prefix(11), prefix(25))
        }

    /// The bucket of the bias feature (0, an empty value).
    private static let bias = FeatureHash(0).bucket

    /// The features of token `index` that do not depend on the tags, appended to `buckets`, in
    /// the order the weights were trained with (scores are summed in this order).
    func contextHashes(at index: Int, into buckets: inout [UInt32]) {
        let run = runs[index]
        reading { reader in
            let word = reader.span(.word, index)
            let shape = reader.span(.shape, index)
            func add(_ kind: UInt8, _ value: Span) { buckets.append(reader.bucket(kind, value)) }
            func add(_ kind: UInt8, _ first: Span, _ second: Span) { buckets.append(reader.bucket(kind, first, second)) }
            buckets.append(Self.bias)
            add(1, word)
            add(2, shape)
            Self.addAffixes(of: word, in: reader, into: &buckets)
            let gazetteer = reader.span(.gazetteer, index)
            add(12, gazetteer)
            add(13, gazetteer, shape)
            add(14, index == 0 ? Constant.first : Constant.inner)
            let previousWord = reader.span(.word, index - 1)
            let nextWord = reader.span(.word, index + 1)
            let previousShape = reader.span(.shape, index - 1)
            let nextShape = reader.span(.shape, index + 1)
            add(15, previousWord)
            add(16, reader.span(.word, index - 2))
            add(17, nextWord)
            add(18, reader.span(.word, index + 2))
            add(19, previousShape)
            add(20, nextShape)
            add(21, previousWord, shape)
            add(22, nextWord, shape)
            add(23, reader.span(.gazetteer, index - 1))
            add(24, reader.span(.gazetteer, index + 1))
            let name = reader.span(.name, index)
            add(26, name)
            add(27, name, shape)
            add(28, reader.span(.name, index - 1), name)
            add(29, name, reader.span(.name, index + 1))
            add(30, previousWord, word)
            add(31, word, nextWord)
            add(32, previousShape, shape)
            add(33, shape, nextShape)
            let casing = reader.span(.casing, index)
            add(34, casing, shape)
            add(35, reader.span(.casing, index - 1), casing)
            let known = reader.span(.known, index)
            add(36, known)
            add(37, known, shape)
            let coarse = reader.span(.coarse, index)
            add(38, reader.span(.fine, index))
            add(39, coarse, shape)
            add(40, reader.span(.fine, index - 1))
            add(41, reader.span(.fine, index + 1))
            add(42, reader.span(.coarse, index - 1), coarse)
            if run.first >= 0 {
                // The words around and at the ends of the capitalised run: a title before it
                // ("minister"), an organisation's head word at its end ("ministry", "party", "inc."),
                // what follows it ("said").
                let place = index == run.first ? Constant.begin : Constant.inside
                add(43, reader.span(.word, run.first - 1), place)
                add(44, reader.span(.word, run.last + 1), place)
                add(45, reader.span(.word, run.last), index == run.last ? Constant.last : place)
                add(46, reader.span(.word, run.first), place)
                add(47, reader.span(.fine, run.last), place)
            }
        }
    }

    /// The prefix (3, 4, 5) and suffix (6, 7, 8) features of one to three scalars of a
    /// lower-case word, then its suffix of four scalars (9) when it has that many, read from its
    /// UTF-8 bytes (a scalar starts at every byte that is not a continuation byte).
    private static func addAffixes(of word: Span, in reader: Reader, into buckets: inout [UInt32]) {
        let text = reader.text
        let start = Int(word.start)
        let end = Int(word.end)
        func isScalarStart(_ offset: Int) -> Bool { text[offset] & 0xC0 != 0x80 }
        // The ends of the first three scalars and the starts of the last four.
        var prefixEnds = (0, 0, 0)
        var prefixes = 0
        var offset = start
        while offset < end && prefixes < 3 {
            offset += 1
            while offset < end && !isScalarStart(offset) { offset += 1 }
            prefixes += 1
            switch prefixes {
            case 1: prefixEnds.0 = offset
            case 2: prefixEnds.1 = offset
            default: prefixEnds.2 = offset
            }
        }
        var suffixStarts = (0, 0, 0, 0)
        var suffixes = 0
        offset = end
        while offset > start && suffixes < 4 {
            offset -= 1
            while offset > start && !isScalarStart(offset) { offset -= 1 }
            suffixes += 1
            switch suffixes {
            case 1: suffixStarts.0 = offset
            case 2: suffixStarts.1 = offset
            case 3: suffixStarts.2 = offset
            default: suffixStarts.3 = offset
            }
        }
        func add(_ kind: UInt8, _ from: Int, _ to: Int) {
            var hash = FeatureHash(kind)
            hash.feed(text, from, to)
            buckets.append(hash.bucket)
        }
        if prefixes >= 1 {
            add(3, start, prefixEnds.0)
            add(6, suffixStarts.0, end)
        }
        if prefixes >= 2 {
            add(4, start, prefixEnds.1)
            add(7, suffixStarts.1, end)
        }
        if prefixes >= 3 {
            add(5, start, prefixEnds.2)
            add(8, suffixStarts.2, end)
        }
        if suffixes >= 4 { add(9, suffixStarts.3, end) }
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
        var bytes: [UInt8] = []
        appendShape(of: token, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``shape(_:)`` of `token` to `bytes` as UTF-8.
    private static func appendShape(of token: String, to bytes: inout [UInt8]) {
        var last: Unicode.Scalar = " "
        var run = 0
        for scalar in token.unicodeScalars {
            let symbol: Unicode.Scalar
            if scalar.isASCII {
                // ASCII without a property lookup (the same answers as below).
                switch scalar.value {
                case 0x41...0x5A: symbol = "X"
                case 0x61...0x7A: symbol = "x"
                case 0x30...0x39: symbol = "d"
                default: symbol = scalar
                }
            } else if scalar.properties.isUppercase {
                symbol = "X"
            } else if scalar.properties.isAlphabetic {
                symbol = "x"
            } else if scalar.properties.numericType != nil {
                symbol = "d"
            } else {
                symbol = scalar
            }
            // Symbols are compared as characters: a scalar canonically equivalent to the last
            // one (";" after a Greek question mark) continues its run.
            if symbol == last || (!(symbol.isASCII && last.isASCII) && Character(symbol) == Character(last)) {
                run += 1
                if run > 2 { continue }
            } else {
                run = 1
                last = symbol
            }
            UTF8.encode(symbol) { bytes.append($0) }
        }
    }

    /// Per token, the gazetteer's verdict: `B-GPE`, `I-ORG`, … for tokens inside a known
    /// surface form (longest match first), `b-GPE`, `i-ORG`, … when only the case differs, `-`
    /// otherwise.
    static func gazetteerCodes(_ tokens: [String], gazetteer: Gazetteer) -> [String] {
        gazetteerCodes(
            tokens.map { $0.lowercased() }, matches: gazetteer.matchAtEachToken(tokens), gazetteer: gazetteer)
    }

    /// ``gazetteerCodes(_:gazetteer:)`` of tokens given in lower case (`lower`) and the
    /// gazetteer's ``Gazetteer/matchAtEachToken(_:)`` of them as written (`matches`).
    static func gazetteerCodes(
        _ lower: [String], matches: [(length: Int, entry: GazetteerEntry)?], gazetteer: Gazetteer
    ) -> [String] {
        var codes = [String](repeating: "-", count: lower.count)
        var index = 0
        while index < lower.count {
            // Known people are linked after tagging, not told to the tagger: it was trained
            // without them, and a name is a person's whether or not the gazetteer knows it.
            if let match = matches[index], match.entry.kind == .person {
                index += 1
            } else if let match = matches[index] {
                let kind = match.entry.kind.rawValue
                codes[index] = "B-" + kind
                for inner in (index + 1)..<(index + match.length) { codes[inner] = "I-" + kind }
                index += match.length
            } else if let match = gazetteer.matchIgnoringCase(lower, at: index), match.kind != .person {
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
