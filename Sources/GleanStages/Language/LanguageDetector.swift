import Foundation
import GleanText

/// Identifies the language of a text: a rule step on the writing system narrows the candidates,
/// then character n-grams of orders 1 to 5 rank them (method in docs/stages/language.md).
///
/// Every n-gram of the text, of every order, is looked up once; a language that lacks it is
/// given its value for the n-gram one letter shorter plus a back-off penalty, and a letter it has
/// never seen gets its floor. Each order's sum is weighted, and the weighted totals become
/// confidences through a softmax. Long texts stop once the leader is certain.
public struct LanguageDetector: Sendable {
    /// The statistics.
    public let model: LanguageModel
    /// The scoring constants.
    public let scoring: LanguageScoring
    /// The languages that may be returned, indexed as the model's entries.
    private let allowed: [Bool]
    /// Per order (0-based) and language: 1, or 0 beyond the language's highest order (which
    /// then keeps its shorter n-gram's value, without a back-off penalty).
    private let hasOrder: [Float]
    private let floors: [Float]
    private let stride: Int

    /// A detector choosing among `languages` (all of the model's when `nil`).
    public init(model: LanguageModel, languages: [Language]? = nil, scoring: LanguageScoring = LanguageScoring()) {
        self.model = model
        self.scoring = scoring
        let count = model.entries.count
        stride = (count + 7) / 8 * 8
        let wanted = languages.map(Set.init)
        allowed = model.entries.map { wanted?.contains($0.language) ?? true }
        var hasOrder = [Float](repeating: 0, count: stride * 5)
        var floors = [Float](repeating: -100, count: stride)
        for (index, entry) in model.entries.enumerated() {
            floors[index] = scoring.unseenLetter ?? entry.floor
            for order in 0..<5 where order < entry.highestOrder {
                hasOrder[order * stride + index] = 1
            }
        }
        self.hasOrder = hasOrder
        self.floors = floors
    }

    /// Identifies the language of `text`.
    public func detect(_ text: String) -> LanguageDetection {
        detect(scalars: text.unicodeScalars)
    }

    /// Identifies the language of a run of scalars (a whole text or one sentence of it).
    public func detect(scalars: some Sequence<Unicode.Scalar>) -> LanguageDetection {
        var text = FoldedText()
        text.add(scalars)
        guard text.letterCount > 0 else {
            return LanguageDetection(ranking: [], failure: .noLetters, method: .script, letters: 0, lettersRead: 0, script: nil)
        }
        let main = text.mainScript(preferringNonLatin: scoring.nonLatinPriority)
        let script = Script(rawValue: main)
        let candidates = self.candidates(text, mainScript: main)
        guard !candidates.isEmpty else {
            return LanguageDetection(
                ranking: [], failure: .unsupportedScript, method: .script, letters: text.letterCount, lettersRead: 0,
                script: script)
        }
        if candidates.count == 1 {
            let only = LanguageDetection.Candidate(language: model.entries[candidates[0]].language, confidence: 1)
            return LanguageDetection(
                ranking: [only], failure: nil, method: .script, letters: text.letterCount, lettersRead: 0, script: script)
        }
        var scripts: UInt64 = 0
        for index in candidates { scripts |= model.entries[index].scriptMask }
        let (totals, read) = score(text, scripts: scripts, candidates: candidates)
        return LanguageDetection(
            ranking: rank(totals, candidates: candidates, long: text.letterCount >= scoring.longText), failure: nil,
            method: .ngrams, letters: text.letterCount,
            lettersRead: read, script: script)
    }

    /// The allowed languages written in the text's main script, narrowed by the rules on scripts
    /// that mark one language (kana: Japanese; Han without kana: Chinese).
    private func candidates(_ text: FoldedText, mainScript main: Int) -> [Int] {
        let bit: UInt64 = 1 << UInt64(main)
        var result = model.entries.indices.filter { allowed[$0] && model.entries[$0].scriptMask & bit != 0 }
        let kana = text.scriptCounts[Script.hiragana.ordinal] + text.scriptCounts[Script.katakana.ordinal]
        if main == Script.han.ordinal || main == Script.hiragana.ordinal || main == Script.katakana.ordinal {
            let marked = result.filter { model.entries[$0].language.code == (kana > 0 ? "ja" : "zh") }
            if !marked.isEmpty { result = marked }
        }
        return result
    }

    /// The weighted n-gram totals of every language, and how many letters were read. Words in
    /// scripts no candidate uses (a Latin name in Russian text) are passed over.
    private func score(_ text: FoldedText, scripts: UInt64, candidates: [Int]) -> (totals: [Float], read: Int) {
        // The candidates get consecutive slots, so the dense loops cover only them.
        let isLong = text.letterCount >= scoring.longText
        let backoff = isLong ? scoring.longTextBackoffPenalty : scoring.backoffPenalty
        let weights = isLong ? scoring.longTextOrderWeights : scoring.orderWeights
        let width = (candidates.count + 7) / 8 * 8
        var slots = [Int](repeating: width, count: 256)
        var slotFloors = [Float](repeating: 0, count: width)
        var slotPenalties = [Float](repeating: 0, count: width * 5)
        for (slot, index) in candidates.enumerated() {
            slots[index] = slot
            slotFloors[slot] = floors[index]
            for order in 0..<5 { slotPenalties[order * width + slot] = backoff * hasOrder[order * stride + index] }
        }
        var totals = [Float](repeating: 0, count: width + 1)
        var current = [Float](repeating: 0, count: width + 1)
        var read = 0
        var nextCheck = scoring.earlyStopLetters
        let step = model.step
        let nameWeight = scoring.nameWeight
        let slotCandidates = Array(0..<candidates.count)
        text.letters.withUnsafeBufferPointer { letters in
            slotPenalties.withUnsafeBufferPointer { penalties in
                slotFloors.withUnsafeBufferPointer { floors in
                    model.blocks.withUnsafeBufferPointer { pairs in
                        slots.withUnsafeBufferPointer { slots in
                            totals.withUnsafeMutableBufferPointer { totals in
                                current.withUnsafeMutableBufferPointer { current in
                                    for word in text.words where scripts & (1 << UInt64(word.script)) != 0 {
                                        let wordEnd = Int(word.end)
                                        let wordWeight = word.isName ? nameWeight : 1
                                        for start in Int(word.start)..<wordEnd {
                                            var hash = NGramHash()
                                            var found = true
                                            for order in 0..<min(5, wordEnd - start) {
                                                if order == 0 {
                                                    for slot in 0..<width { current[slot] = floors[slot] }
                                                } else {
                                                    let base = order * width
                                                    for slot in 0..<width { current[slot] += penalties[base + slot] }
                                                }
                                                // A longer n-gram is only stored when its prefix is.
                                                if found {
                                                    hash = hash.adding(letters[start + order])
                                                    let range = model.lookup(hash.finalized)
                                                    found = !range.isEmpty
                                                    for pair in range {
                                                        let value = pairs[pair]
                                                        current[slots[Int(value & 0xFF)]] = -Float(value >> 8) * step
                                                    }
                                                }
                                                let weight = weights[order] * wordWeight
                                                for slot in 0..<width { totals[slot] += weight * current[slot] }
                                            }
                                        }
                                        read += wordEnd - Int(word.start)
                                        if read >= nextCheck {
                                            nextCheck = read + scoring.earlyStopLetters / 2
                                            if margin(UnsafeBufferPointer(totals), candidates: slotCandidates)
                                                >= scoring.earlyStopMargin
                                            {
                                                break
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var byIndex = [Float](repeating: -.infinity, count: stride)
        for (slot, index) in candidates.enumerated() { byIndex[index] = totals[slot] }
        return (byIndex, read)
    }

    private func margin(_ totals: UnsafeBufferPointer<Float>, candidates: [Int]) -> Float {
        var best = -Float.infinity
        var second = -Float.infinity
        for index in candidates {
            let value = totals[index]
            if value > best {
                second = best
                best = value
            } else if value > second {
                second = value
            }
        }
        return best - second
    }

    /// Candidates by total, with softmax confidences.
    private func rank(_ totals: [Float], candidates: [Int], long: Bool) -> [LanguageDetection.Candidate] {
        let best = candidates.map { totals[$0] }.max() ?? 0
        let orderWeights = long ? scoring.longTextOrderWeights : scoring.orderWeights
        let scale = 1 / (scoring.temperature * orderWeights.reduce(0, +))
        var weights: [(index: Int, weight: Double)] = candidates.map { index in
            (index, exp(Double((totals[index] - best) * scale)))
        }
        let sum = weights.reduce(0) { $0 + $1.weight }
        weights.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.index < $1.index }
        return weights.map { entry in
            LanguageDetection.Candidate(language: model.entries[entry.index].language, confidence: entry.weight / sum)
        }
    }
}
