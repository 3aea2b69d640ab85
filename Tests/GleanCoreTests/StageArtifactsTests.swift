import GleanCore
import Testing

@Suite("Stage artifacts: work a stage hands to the stages that need it")
struct StageArtifactsTests {
    private func run(_ stages: [StageSpec], input: String) async throws -> String {
        let pipeline = try PipelineBuilder(registry: testRegistry).build(PipelineSpec(name: "test", stages: stages))
        let result = try await runPipeline(pipeline, input: input)
        #expect(result.errors.isEmpty)
        return result.output
    }

    @Test("reach a stage that needs the sharing one, per document; only the output is written")
    func passed() async throws {
        let output = try await run(
            [StageSpec(id: "count", uses: "sharing"), StageSpec(id: "reader", uses: "artifact-reader", needs: ["count"])],
            input: #"{"id":"a","text":"one two"}"# + "\n" + #"{"id":"b","text":"three"}"# + "\n")
        #expect(
            output
                == #"{"id":"a","count":2,"reader":["one","two"]}"# + "\n" + #"{"id":"b","count":1,"reader":["three"]}"# + "\n")
    }

    @Test("do not reach a stage that does not need the sharing one")
    func notNeeded() async throws {
        let output = try await run(
            [StageSpec(id: "count", uses: "sharing"), StageSpec(id: "reader", uses: "artifact-reader")],
            input: #"{"id":"a","text":"one two"}"# + "\n")
        #expect(output == #"{"id":"a","count":2,"reader":null}"# + "\n")
    }

    @Test("are stored and found by type; any two compare equal, so results compare by output")
    func byType() throws {
        var artifacts = StageArtifacts()
        #expect(artifacts.isEmpty)
        artifacts[SharedWords.self] = SharedWords(words: ["a"])
        #expect(artifacts[SharedWords.self]?.words == ["a"])
        #expect(artifacts[String.self] == nil)
        #expect(StageResult.outputSharing(.int(1), artifacts) == .outputSharing(.int(1), StageArtifacts()))
        #expect(try StageResult.outputSharing(.int(1), artifacts).outputValue == .int(1))
    }
}
