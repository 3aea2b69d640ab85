import Foundation
import GleanCLI
import GleanCore
import GleanStages
import Testing

/// The stage from docs/custom-stages.md: counts mentions of configured terms.
struct TermCountStage: Stage {
    struct Configuration: Decodable, Sendable {
        var terms: [String]
        var caseSensitive: Bool
    }

    static let descriptor = StageDescriptor(
        name: "term-count", version: "1.0.0", summary: "Counts mentions of the given terms.",
        configuration: [
            ConfigurationField("terms", type: .array(.string), required: true, summary: "The terms to count."),
            ConfigurationField("case_sensitive", type: .boolean, default: false, summary: "Match case exactly."),
        ],
        output: ["type": "object", "additionalProperties": ["type": "integer"]])

    let terms: [String]
    let caseSensitive: Bool

    init(configuration: Configuration, context: StageContext) throws {
        guard !configuration.terms.isEmpty else { throw ConfigurationError(field: "terms", "give at least one term") }
        caseSensitive = configuration.caseSensitive
        terms = caseSensitive ? configuration.terms : configuration.terms.map { $0.lowercased() }
    }

    func analyze(_ input: StageInput) async throws -> StageResult {
        let text = caseSensitive ? input.text : input.text.lowercased()
        var counts: JSONValue = [:]
        for term in terms {
            counts[term] = .int(text.components(separatedBy: term).count - 1)
        }
        return .output(counts)
    }
}

@Suite("A custom glean with an extra in-process stage")
struct CustomGleanTests {
    let registry = BuiltinStages.registry.merging(StageRegistry([TermCountStage.self]))

    @Test("runs the built-ins and the user's stage side by side")
    func run() async throws {
        let scratch = try Scratch()
        let pipeline = try scratch.write(
            "p.yaml",
            """
            pipeline: custom
            stages:
              - id: terms
                uses: term-count
                with: { terms: [NATO, Baku] }
              - id: stats
                uses: text-stats
            """)
        let input = try scratch.write("in.jsonl", #"{"id":"a","text":"NATO met in Baku. NATO agreed."}"# + "\n")
        let status = await GleanMain.run(
            ["run", pipeline, "-i", input, "-o", scratch.path + "/out.jsonl", "--progress", "never", "--summary", "none"],
            registry: registry)
        #expect(status == 0)
        let line = try JSONParser.parse(scratch.read("out.jsonl").trimmingCharacters(in: .newlines))
        #expect(line["terms"] == ["nato": 2, "baku": 1])
        #expect(line["stats"]?["sentences"] == 2)
    }

    @Test("its settings are validated like a built-in's")
    func validation() async throws {
        let scratch = try Scratch()
        let pipeline = try scratch.write("p.yaml", "pipeline: custom\nstages:\n  - uses: term-count\n    with: { terms: [] }\n")
        #expect(await GleanMain.run(["validate", pipeline], registry: registry) == 1)
        #expect(await GleanMain.run(["validate", pipeline], registry: BuiltinStages.registry) == 1)
        let good = try scratch.write("q.yaml", "pipeline: custom\nstages:\n  - uses: term-count\n    with: { terms: [EU] }\n")
        #expect(await GleanMain.run(["validate", good], registry: registry) == 0)
    }
}
