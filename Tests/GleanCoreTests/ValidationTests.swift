import GleanCore
import Testing

@Suite("Pipeline validation (core)")
struct ValidationTests {
    private func diagnostics(_ stages: [StageSpec], input: InputSpec = InputSpec()) -> [String] {
        PipelineValidator(registry: testRegistry)
            .diagnostics(for: PipelineSpec(name: "t", input: input, stages: stages))
            .map { $0.message + ($0.suggestion.map { "; " + $0 } ?? "") }
    }

    @Test("unknown stages get a suggestion")
    func unknownStage() {
        #expect(diagnostics([StageSpec(id: "u", uses: "upercase")]) == ["unknown stage `upercase`; did you mean `uppercase`?"])
    }

    @Test("duplicate ids, bad ids and clashes with output keys")
    func ids() {
        let found = diagnostics(
            [
                StageSpec(id: "a", uses: "uppercase"), StageSpec(id: "a", uses: "fragile"),
                StageSpec(id: "errors", uses: "fragile"),
                StageSpec(id: "title", uses: "fragile"), StageSpec(id: "9x", uses: "fragile"),
            ], input: InputSpec(keep: ["title"]))
        #expect(found.count == 4)
        #expect(found.contains { $0.hasPrefix("duplicate stage id `a`") })
        #expect(found.contains { $0.hasPrefix("stage id `errors` clashes with the output key") })
        #expect(found.contains { $0.hasPrefix("stage id `title` clashes with the kept input field") })
        #expect(found.contains { $0.hasPrefix("stage id `9x` must start with a letter") })
    }

    @Test("unknown needs, needing oneself and cycles")
    func needs() {
        #expect(
            diagnostics([StageSpec(id: "a", uses: "uppercase", needs: ["b"]), StageSpec(id: "bb", uses: "fragile")])
                == ["stage `a` needs `b`, which is not a stage id in this pipeline; did you mean `bb`?"])
        #expect(diagnostics([StageSpec(id: "a", uses: "uppercase", needs: ["a"])]) == ["stage `a` needs itself"])
        #expect(
            diagnostics([
                StageSpec(id: "a", uses: "uppercase", needs: ["c"]), StageSpec(id: "b", uses: "fragile", needs: ["a"]),
                StageSpec(id: "c", uses: "fragile", needs: ["b"]),
            ]) == ["stages need each other in a cycle: `a` → `c` → `b` → `a`; remove one of these `needs`"])
    }

    @Test("settings: unknown keys, wrong types, missing required ones")
    func settings() {
        #expect(
            diagnostics([StageSpec(id: "u", uses: "uppercase", configuration: ["with_lenght": true])])
                == ["unknown setting `with_lenght` for stage `uppercase`; did you mean `with_length`?"])
        #expect(
            diagnostics([StageSpec(id: "u", uses: "uppercase", configuration: ["with_length": "yes"])])
                == ["`with_length`: expected true or false, got string"])
        #expect(
            diagnostics([StageSpec(id: "p", uses: "picky", configuration: ["level": 12])])
                == ["`level`: expected an integer from 0 to 10, got 12"])
        #expect(
            diagnostics([StageSpec(id: "p", uses: "picky")]) == [
                "stage `picky` requires the setting `level` (An even level.)"
            ])
    }

    @Test("a stage's own refusal is reported at the setting")
    func stageRefusal() {
        #expect {
            try PipelineBuilder(registry: testRegistry).build(
                PipelineSpec(name: "t", stages: [StageSpec(id: "p", uses: "picky", configuration: ["level": 3])]))
        } throws: { error in
            (error as? PipelineError)?.diagnostics.map(\.message) == ["stage `p`: `level`: must be even"]
        }
    }

    @Test("an empty stage list is valid")
    func noStages() throws {
        #expect(diagnostics([]).isEmpty)
    }
}

@Suite("Spelling, shards and graphs")
struct SmallPartsTests {
    @Test(
        "edit distance",
        arguments: [("sentiment", "sentimnet", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("same", "same", 0)])
    func editDistance(lhs: String, rhs: String, distance: Int) {
        #expect(Spelling.editDistance(lhs, rhs) == distance)
    }

    @Test("suggestions only for likely typos")
    func suggestions() {
        #expect(Spelling.suggestion(for: "sentimnet", among: ["sentiment", "language"]) == "sentiment")
        #expect(Spelling.suggestion(for: "zzz", among: ["sentiment", "language"]) == nil)
    }

    @Test("shard parsing", arguments: ["1", "a/b", "3/3", "-1/2", "0/0"])
    func badShards(text: String) {
        #expect(throws: GleanError.self) { try Shard(parsing: text) }
    }

    @Test("the shard hash is stable")
    func stableHash() throws {
        #expect(Shard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(try Shard(parsing: "2/5").description == "2/5")
    }

    @Test("topological order and cycles")
    func graph() {
        #expect(StageGraph(edges: [[1], [], [0, 1]]).topologicalOrder() == [1, 0, 2])
        #expect(StageGraph(edges: [[1], [0]]).topologicalOrder() == nil)
        #expect(StageGraph(edges: [[], [2], [1]]).firstCycle() == [1, 2])
    }
}

@Suite("Stage factories")
struct StageFactoryTests {
    @Test("every factory, typed or closure-built, receives the descriptor's defaults")
    func defaults() {
        let descriptor = StageDescriptor(
            name: "closure", version: "1", summary: "s",
            configuration: [
                ConfigurationField("top", type: .integer(), default: 10, summary: "t"),
                ConfigurationField("mode", type: .string, summary: "m"),
            ])
        let factory = StageFactory(descriptor: descriptor) { configuration, _ in
            throw ConfigurationError(field: nil, JSONWriter.string(configuration))
        }
        #expect {
            try factory.makeStage(configuration: ["mode": "x"], context: StageContext(stageID: "c"))
        } throws: { error in
            (error as? ConfigurationError)?.message == #"{"mode":"x","top":10}"#
        }
    }
}

@Suite("Allowed values")
struct AllowedValuesTests {
    static let blocs = ValueType.array(.oneOf(["NATO", "CSTO", "EU"], ignoringCase: true))

    @Test("an unknown value is a problem at its own item, with a suggestion; any case is accepted")
    func problems() {
        let problems = Self.blocs.problems(in: ["NAT0", "nato", "Eu", "XYZZY"])
        #expect(problems.map(\.path) == [[.index(0)], [.index(3)]])
        #expect(problems[0].message == "unknown value `NAT0`: expected one of `NATO`, `CSTO`, `EU` (any case)")
        #expect(problems[0].suggestion == "did you mean `NATO`?")
        #expect(problems[1].suggestion == nil)
        #expect(ValueType.oneOf(["NATO"]).problems(in: "nato").count == 1)
        #expect(
            Self.blocs.mismatch(["EU", "NAT0"])
                == "item 2: unknown value `NAT0`: expected one of `NATO`, `CSTO`, `EU` (any case); did you mean `NATO`?")
    }

    @Test("the stage receives the declared spelling")
    func normalized() throws {
        let descriptor = StageDescriptor(
            name: "closure", version: "1", summary: "s",
            configuration: [ConfigurationField("blocs", type: Self.blocs, default: ["EU"], summary: "b")])
        let factory = StageFactory(descriptor: descriptor) { configuration, _ in
            throw ConfigurationError(field: nil, JSONWriter.string(configuration))
        }
        #expect {
            try factory.makeStage(configuration: ["blocs": ["nato", "csto", "Unknown"]], context: StageContext(stageID: "c"))
        } throws: { error in
            (error as? ConfigurationError)?.message == #"{"blocs":["NATO","CSTO","Unknown"]}"#
        }
    }

    @Test("validation reports each bad item at its own line and column; long lists point to `glean stages`")
    func positions() throws {
        let many = (1...20).map { "B\($0)" }
        let descriptor = StageDescriptor(
            name: "lister", version: "1", summary: "s",
            configuration: [ConfigurationField("pick", type: .array(.oneOf(many, ignoringCase: true)), summary: "p")])
        var map = SourceMap(file: "p.yaml")
        let path = JSONPath([.key("with")])
        map.record(path.appending("pick").appending(index: 1), value: SourceLocation(file: "p.yaml", line: 3, column: 14))
        let found = ConfigurationValidator.diagnostics(for: ["pick": ["b1", "B99"]], of: descriptor, at: path, in: map)
        #expect(
            found.map(\.description) == [
                "p.yaml:3:14: `pick[1]`: unknown value `B99`: expected one of 20 values (any case); did you mean `B9`?"
            ])
        let far = ConfigurationValidator.diagnostics(for: ["pick": ["zzzzzz"]], of: descriptor, at: path, in: map)
        #expect(far.first?.suggestion == "`glean stages lister` lists them")
    }

    @Test("editor schemas accept every capitalisation of a case-insensitive choice")
    func schema() {
        #expect(ValueType.oneOf(["EU", "G7"], ignoringCase: true).jsonSchema["pattern"] == "^([eE][uU]|[gG]7)$")
    }
}
