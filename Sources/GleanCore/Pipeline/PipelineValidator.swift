import OrderedCollections

/// Checks a decoded pipeline against the registry: unknown stages, duplicate or invalid ids,
/// unknown or cyclic `needs`, outputs clashing with kept fields, and each stage's `with:`
/// against its declared configuration.
public struct PipelineValidator: Sendable {
    /// Output keys Glean writes itself, which no stage id may take.
    public static let reservedKeys: Set<String> = ["id", "skipped", "errors"]

    /// The stages available.
    public var registry: StageRegistry

    /// Creates a validator for `registry`.
    public init(registry: StageRegistry) {
        self.registry = registry
    }

    /// Every mistake found, in no particular order.
    public func diagnostics(for spec: PipelineSpec) -> [PipelineDiagnostic] {
        var found: [PipelineDiagnostic] = []
        let map = spec.sourceMap
        var ids: [String: Int] = [:]
        let keptFields = Set(spec.input.keep)
        for (index, stage) in spec.stages.enumerated() {
            let idPath = stage.path.appending("id")
            if let first = ids[stage.id] {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: idPath),
                        "duplicate stage id `\(stage.id)` (also stage \(first + 1)); ids become output keys and must be unique",
                        suggestion: "give this stage another `id:`"))
            } else {
                ids[stage.id] = index
            }
            if !Self.isValidID(stage.id) {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: idPath),
                        "stage id `\(stage.id)` must start with a letter and hold only letters, digits, `_` and `-`"))
            }
            if Self.reservedKeys.contains(stage.id) {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: idPath), "stage id `\(stage.id)` clashes with the output key Glean writes itself",
                        suggestion: "give this stage another `id:`"))
            } else if keptFields.contains(stage.id) {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: idPath), "stage id `\(stage.id)` clashes with the kept input field `\(stage.id)`",
                        suggestion: "rename the stage or drop the field from `input.keep`"))
            }
            if let factory = registry.factory(named: stage.uses) {
                found += ConfigurationValidator.diagnostics(
                    for: stage.configuration, of: factory.descriptor, at: stage.path.appending("with"), in: map)
                for required in factory.descriptor.requiredStages {
                    let provided = spec.stages.contains { $0.uses == required && stage.needs.contains($0.id) }
                    if !provided {
                        found.append(
                            PipelineDiagnostic(
                                map.location(of: stage.path.appending("uses")),
                                "stage `\(stage.id)` (`\(stage.uses)`) needs the results of a `\(required)` stage",
                                suggestion: "add a stage with `uses: \(required)` and list its id under this stage's `needs:`"))
                    }
                }
            } else {
                let suggestion = Spelling.suggestion(for: stage.uses, among: registry.names)
                found.append(
                    PipelineDiagnostic(
                        map.location(of: stage.path.appending("uses")), "unknown stage `\(stage.uses)`",
                        suggestion: suggestion.map { "did you mean `\($0)`?" } ?? "`glean stages` lists the stages available"))
            }
        }
        for field in ["skipped", "errors"] where keptFields.contains(field) {
            if let index = spec.input.keep.firstIndex(of: field) {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: JSONPath([.key("input"), .key("keep"), .index(index)])),
                        "kept field `\(field)` clashes with the output key Glean writes itself"))
            }
        }
        if keptFields.contains(spec.input.idField) {
            if let index = spec.input.keep.firstIndex(of: spec.input.idField) {
                found.append(
                    PipelineDiagnostic(
                        map.location(of: JSONPath([.key("input"), .key("keep"), .index(index)])),
                        "the id field `\(spec.input.idField)` is written as `id` already; do not keep it"))
            }
        }
        found += needsDiagnostics(spec, ids: ids)
        return found
    }

    private static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return id.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    private func needsDiagnostics(_ spec: PipelineSpec, ids: [String: Int]) -> [PipelineDiagnostic] {
        var found: [PipelineDiagnostic] = []
        let map = spec.sourceMap
        var edges: [[Int]] = Array(repeating: [], count: spec.stages.count)
        for (index, stage) in spec.stages.enumerated() {
            for (needIndex, need) in stage.needs.enumerated() {
                let location = map.location(of: stage.path.appending("needs").appending(index: needIndex))
                if need == stage.id {
                    found.append(PipelineDiagnostic(location, "stage `\(stage.id)` needs itself"))
                } else if let target = ids[need] {
                    edges[index].append(target)
                } else {
                    let suggestion = Spelling.suggestion(for: need, among: spec.stages.map(\.id).filter { $0 != stage.id })
                    found.append(
                        PipelineDiagnostic(
                            location, "stage `\(stage.id)` needs `\(need)`, which is not a stage id in this pipeline",
                            suggestion: suggestion.map { "did you mean `\($0)`?" }))
                }
            }
        }
        if let cycle = StageGraph(edges: edges).firstCycle() {
            let names = (cycle + [cycle[0]]).map { "`\(spec.stages[$0].id)`" }.joined(separator: " → ")
            let first = spec.stages[cycle[0]]
            found.append(
                PipelineDiagnostic(
                    map.location(of: first.path.appending("needs")), "stages need each other in a cycle: \(names)",
                    suggestion: "remove one of these `needs`"))
        }
        return found
    }
}
