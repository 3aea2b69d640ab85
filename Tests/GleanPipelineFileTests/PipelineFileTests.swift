import Foundation
import GleanCore
import GleanPipelineFile
import Testing

/// A stage with a few settings, to validate against.
struct SentimentLikeStage: Stage {
    struct Configuration: Decodable, Sendable {
        var thresholds: [Double]
        var sentences: Bool
        var label: String?
    }

    static let descriptor = StageDescriptor(
        name: "sentiment", version: "1.0.0", summary: "A test stage.",
        configuration: [
            ConfigurationField("thresholds", type: .array(.number(min: -1, max: 1)), default: [-0.05, 0.05], summary: "Bounds."),
            ConfigurationField("sentences", type: .boolean, default: true, summary: "Per sentence."),
            ConfigurationField("label", type: .oneOf(["short", "long"]), summary: "Label style."),
        ])

    init(configuration: Configuration, context: StageContext) {}

    func analyze(_ input: StageInput) async throws -> StageResult { .output(.null) }
}

struct LanguageLikeStage: Stage {
    static let descriptor = StageDescriptor(name: "language", version: "1.0.0", summary: "A test stage.")
    init(configuration: NoConfiguration, context: StageContext) {}
    func analyze(_ input: StageInput) async throws -> StageResult { .output(.null) }
}

let registry = StageRegistry([SentimentLikeStage.self, LanguageLikeStage.self])

/// The mistakes in `yaml`, as `line:column: message; suggestion` (the file name dropped).
func mistakes(_ yaml: String) -> [String] {
    do {
        let loaded = try PipelineFile.decode(text: yaml, file: "p.yaml")
        _ = try PipelineBuilder(registry: registry).build(loaded.spec, earlier: loaded.diagnostics)
        return []
    } catch {
        return error.diagnostics.map { String($0.description.dropFirst("p.yaml:".count)) }
    }
}

@Suite("Pipeline files: every mistake with its position")
struct PipelineFileTests {
    @Test("a valid file builds")
    func valid() throws {
        let yaml = """
            pipeline: news
            description: Tone of news
            input: { format: jsonl, id: uid, text: body, keep: [title, url] }
            output: { order: completion }
            stages:
              - id: lang
                uses: language
              - id: tone
                uses: sentiment
                needs: [lang]
                with: { thresholds: [-0.1, 0.1], sentences: false, label: short }
            """
        let loaded = try PipelineFile.decode(text: yaml, file: "p.yaml")
        let pipeline = try PipelineBuilder(registry: registry).build(loaded.spec, earlier: loaded.diagnostics)
        #expect(pipeline.stages.map(\.id) == ["lang", "tone"])
        #expect(pipeline.stages[1].needs == [0])
        #expect(pipeline.input == InputSpec(format: .jsonl, idField: "uid", textField: "body", keep: ["title", "url"]))
        #expect(pipeline.output.order == .completion)
    }

    @Test(
        "each mistake is reported at its line and column",
        arguments: [
            ("pipeline: p\nstagse: []\n", "2:1: unknown key `stagse` in the pipeline; did you mean `stages`?"),
            ("pipeline: p\nstages: 5\n", "2:9: `stages` must be a list of stages, got integer"),
            ("pipeline: p\ninput:\n  format: jsnol\nstages: []\n", "3:11: unknown input format `jsnol`; did you mean `jsonl`?"),
            ("pipeline: p\ninput: {keep: title}\nstages: []\n", ""),
            ("pipeline: p\ninput: {kep: [a]}\nstages: []\n", "2:9: unknown key `kep` in `input`; did you mean `keep`?"),
            (
                "pipeline: p\noutput: {order: random}\nstages: []\n",
                "2:17: unknown output order `random`; expected one of `input`, `completion`"
            ),
            ("pipeline: p\nstages:\n  - uses: sentimnet\n", "3:11: unknown stage `sentimnet`; did you mean `sentiment`?"),
            (
                "pipeline: p\nstages:\n  - uses: language\n  - id: language\n    uses: sentiment\n",
                "4:9: duplicate stage id `language` (also stage 1); ids become output keys and must be unique; give this stage another `id:`"
            ),
            (
                "pipeline: p\nstages:\n  - uses: sentiment\n    needs: [lang]\n",
                "4:13: stage `sentiment` needs `lang`, which is not a stage id in this pipeline"
            ),
            (
                "pipeline: p\ninput: {keep: [tone]}\nstages:\n  - id: tone\n    uses: sentiment\n",
                "4:9: stage id `tone` clashes with the kept input field `tone`; rename the stage or drop the field from `input.keep`"
            ),
            (
                "pipeline: p\nstages:\n  - uses: sentiment\n    with: {sentence: false}\n",
                "4:12: unknown setting `sentence` for stage `sentiment`; did you mean `sentences`?"
            ),
            (
                "pipeline: p\nstages:\n  - uses: sentiment\n    with:\n      thresholds: [-0.1, 3]\n",
                "5:26: `thresholds[1]`: expected a number from -1 to 1, got 3.0"
            ),
            (
                "pipeline: p\nstages:\n  - uses: sentiment\n    with: {label: shrt}\n",
                "4:19: `label`: unknown value `shrt`: expected one of `short`, `long`; did you mean `short`?"
            ),
            (
                "pipeline: p\nstages:\n  - uses: sentiment\n    with: [1]\n",
                "4:11: `with` must be a mapping of settings, got array"
            ),
            ("stages: []\n", "1:1: missing `pipeline:` (the pipeline's name)"),
            ("pipeline: p\nstages:\n  - id: x\n", "3:5: stage 1 has no `uses:` (the stage to run)"),
            (
                "pipeline: [p\nstages: []\n",
                "2:7: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at 1:11)"
            ),
            ("pipeline: p\npipeline: q\nstages: []\n", "1:1: duplicate key `pipeline` in one mapping"),
            ("- just\n- a list\n", "1:1: a pipeline file must be a mapping with `pipeline:` and `stages:`, got array"),
        ])
    func mistake(yaml: String, expected: String) {
        #expect(mistakes(yaml) == (expected.isEmpty ? [] : [expected]))
    }

    @Test("cycles are reported once, naming the stages")
    func cycles() {
        let yaml = """
            pipeline: p
            stages:
              - { id: a, uses: language, needs: [b] }
              - { id: b, uses: sentiment, needs: [a] }
            """
        #expect(mistakes(yaml) == ["3:37: stages need each other in a cycle: `a` → `b` → `a`; remove one of these `needs`"])
    }

    @Test("all mistakes are reported in one pass, in file order")
    func allAtOnce() {
        let yaml = """
            pipeline: p
            descripton: typo
            input: { format: lines }
            stages:
              - uses: sentimnet
              - id: s
                uses: sentiment
                needs: [nowhere]
                with: { sentences: maybe }
            """
        let found = mistakes(yaml)
        #expect(found.count == 4)
        #expect(found.map { $0.prefix(4) } == ["2:1:", "5:11", "8:13", "9:24"])
    }

    @Test("YAML 1.2 scalars: `no` stays a string, quoted numbers stay strings")
    func scalars() throws {
        let yaml = """
            pipeline: p
            stages:
              - uses: language
                id: "007"
            """
        let loaded = try PipelineFile.decode(text: yaml, file: "p.yaml")
        #expect(loaded.spec.stages.first?.id == "007")
        let other = try PipelineFile.decode(text: "pipeline: no\nstages: []\n", file: "p.yaml")
        #expect(other.spec.name == "no")
    }

    @Test("a missing file, a folder, and an empty file are clear errors")
    func unreadable() throws {
        #expect(throws: PipelineError.self) { try PipelineFile.load(path: "/nonexistent/pipeline.yaml") }
        #expect(throws: PipelineError.self) { try PipelineFile.load(path: NSTemporaryDirectory()) }
        #expect(mistakes("") == ["1:1: the file is empty; it needs `pipeline:` and `stages:`"])
    }
}
