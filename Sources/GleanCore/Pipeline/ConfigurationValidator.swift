import OrderedCollections

/// Checks a stage's `with:` object against the fields its descriptor declares.
public enum ConfigurationValidator {
    /// Unknown keys (with suggestions), missing required keys and values of the wrong type.
    public static func diagnostics(
        for configuration: JSONValue,
        of descriptor: StageDescriptor,
        at path: JSONPath,
        in map: SourceMap
    ) -> [PipelineDiagnostic] {
        var found: [PipelineDiagnostic] = []
        let members = configuration.objectValue ?? [:]
        let names = descriptor.configuration.map(\.name)
        for (key, value) in members {
            guard let field = descriptor.field(named: key) else {
                let suggestion = Spelling.suggestion(for: key, among: names).map { "did you mean `\($0)`?" }
                let accepted =
                    names.isEmpty
                    ? "it takes no settings" : "it accepts " + names.map { "`\($0)`" }.joined(separator: ", ")
                found.append(
                    PipelineDiagnostic(
                        map.keyLocation(of: path.appending(key)),
                        "unknown setting `\(key)` for stage `\(descriptor.name)`",
                        suggestion: suggestion ?? accepted))
                continue
            }
            for problem in field.type.problems(in: value) {
                let place = JSONPath(path.appending(key).components + problem.path)
                let item = JSONPath([.key(key)] + problem.path).description
                var suggestion = problem.suggestion
                if suggestion == nil, case .oneOf(let choices, _) = field.type.innermost, choices.count > ValueType.listedChoices
                {
                    suggestion = "`glean stages \(descriptor.name)` lists them"
                }
                found.append(
                    PipelineDiagnostic(
                        map.location(of: place), "`\(item)`: \(problem.message)", suggestion: suggestion))
            }
        }
        for field in descriptor.configuration where field.isRequired && members[field.name] == nil {
            found.append(
                PipelineDiagnostic(
                    map.location(of: path), "stage `\(descriptor.name)` requires the setting `\(field.name)` (\(field.summary))"))
        }
        return found
    }
}
