import Testing

@testable import GleanStages

@Suite("entity tagger features")
struct EntityFeaturesTests {
    @Test("the transition buckets of all previous tags at once are each tag's own")
    func transitionLanes() {
        let tokens = ["Foreign", "Minister", "Jeyhun", "Bayramov", "met", "the", "Ämter", "in", "Bakı", "."]
        let features = EntityFeatures(
            tokens: tokens, gazetteerCodes: tokens.map { _ in "-" }, names: NameLexicon(), clusters: WordClusters())
        var buckets: [UInt32] = []
        for position in tokens.indices {
            let lanes = features.transitionBuckets(at: position)
            for previous in EntityTagger.tags.indices {
                buckets.removeAll()
                features.transitionHashes(at: position, previousTag: previous, into: &buckets)
                #expect(buckets == [lanes.tag[previous], lanes.shape[previous], lanes.word[previous]])
            }
        }
    }
}
