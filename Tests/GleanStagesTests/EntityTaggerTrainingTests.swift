import GleanStages
import Testing

@Suite("entity tagger training")
struct EntityTaggerTrainingTests {
    private let sentences = [
        EntityTagger.TrainingSentence(tokens: ["Aliyev", "visited", "Baku", "."], tags: [1, 0, 5, 0]),
        EntityTagger.TrainingSentence(tokens: ["Gazprom", "said", "so", "."], tags: [3, 0, 0, 0]),
    ]

    private func train(_ sentences: [EntityTagger.TrainingSentence], seed: UInt64 = 1) -> [UInt8] {
        EntityTagger.train(
            sentences, gazetteer: Gazetteer(), names: NameLexicon(), clusters: WordClusters(), epochs: 3, seed: seed
        ).serialized()
    }

    @Test("the same sentences, weights and seed give the same bytes")
    func deterministic() {
        #expect(train(sentences) == train(sentences))
    }

    @Test("a sentence of weight 0 is never seen; weight 2 differs from weight 1")
    func weights() {
        var ignored = sentences
        ignored.append(EntityTagger.TrainingSentence(tokens: ["Paris", "wins"], tags: [5, 0], weight: 0))
        #expect(train(ignored) == train(sentences))
        var doubled = sentences
        doubled[1].weight = 2
        #expect(train(doubled) != train(sentences))
    }

    @Test("a trained tagger tags what it was trained on")
    func learns() {
        let tagger = EntityTagger.train(
            sentences, gazetteer: Gazetteer(), names: NameLexicon(), clusters: WordClusters(), epochs: 5)
        #expect(
            tagger.tag(
                ["Aliyev", "visited", "Baku", "."], gazetteerCodes: ["-", "-", "-", "-"], names: NameLexicon(),
                clusters: WordClusters())
                == [1, 0, 5, 0])
    }
}
