import GleanCore
import Testing

@Suite("Pipeline engine: serialised stage output")
struct SerializedOutputEngineTests {
    private func run(detail: OutputDetail) async throws -> String {
        let pipeline = try PipelineBuilder(registry: testRegistry).build(
            PipelineSpec(
                name: "test", output: OutputSpec(detail: detail),
                stages: [
                    StageSpec(id: "words", uses: "word-list"),
                    StageSpec(id: "echo", uses: "needs-echo", needs: ["words"]),
                ]))
        let input = #"{"id":"a","text":"say \"hi\" é"}"# + "\n" + #"{"id":"b","text":"one"}"# + "\n"
        let result = try await runPipeline(pipeline, input: input)
        #expect(result.errors.isEmpty)
        return result.output
    }

    @Test("written into the line as it is, and read back as a value by a stage that needs it")
    func full() async throws {
        let words = #"{"length":10,"words":["say","\"hi\"","é"]}"#
        #expect(
            try await run(detail: .full)
                == #"{"id":"a","words":\#(words),"echo":{"word-list":\#(words)}}"# + "\n"
                + #"{"id":"b","words":{"length":3,"words":["one"]},"echo":{"word-list":{"length":3,"words":["one"]}}}"#
                + "\n")
    }

    @Test("trimmed to the output detail like any output; a needing stage still reads it whole")
    func compact() async throws {
        let output = try await run(detail: .compact)
        #expect(output.hasPrefix(#"{"id":"a","words":{"length":10},"echo":{"word-list":{"length":10,"words":["#))
    }
}
