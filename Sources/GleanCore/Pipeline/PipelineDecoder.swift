import OrderedCollections

/// Reads a pipeline from its tree of values (as parsed from YAML or JSON), reporting every
/// structural mistake — unknown or misspelt keys, wrong types, bad values — with its position.
///
/// It recovers from each mistake and goes on, so one pass reports them all.
public struct PipelineDecoder {
    /// The keys allowed at the top of a pipeline file.
    public static let topLevelKeys = ["pipeline", "description", "input", "output", "plugins", "stages"]
    /// The keys allowed under `input:`.
    public static let inputKeys = ["format", "id", "text", "keep"]
    /// The keys allowed under `output:`.
    public static let outputKeys = ["order", "detail"]
    /// The keys allowed in a stage entry.
    public static let stageKeys = ["id", "uses", "needs", "with"]

    private let sourceMap: SourceMap
    private var diagnostics: [PipelineDiagnostic] = []

    private init(sourceMap: SourceMap) {
        self.sourceMap = sourceMap
    }

    /// Decodes `root`; the specification is `nil` only when the root is not a mapping.
    public static func decode(
        _ root: JSONValue,
        sourceMap: SourceMap
    ) -> (spec: PipelineSpec?, diagnostics: [PipelineDiagnostic]) {
        var decoder = PipelineDecoder(sourceMap: sourceMap)
        let spec = decoder.decodeRoot(root)
        return (spec, decoder.diagnostics)
    }

    private mutating func report(_ path: JSONPath, atKey: Bool = false, _ message: String, suggestion: String? = nil) {
        let location = atKey ? sourceMap.keyLocation(of: path) : sourceMap.location(of: path)
        diagnostics.append(PipelineDiagnostic(location, message, suggestion: suggestion))
    }

    private mutating func checkKeys(
        _ members: OrderedDictionary<String, JSONValue>, at path: JSONPath, allowed: [String], context: String
    ) {
        for key in members.keys where !allowed.contains(key) {
            let suggestion = Spelling.suggestion(for: key, among: allowed).map { "did you mean `\($0)`?" }
            report(
                path.appending(key), atKey: true, "unknown key `\(key)` in \(context)",
                suggestion: suggestion ?? "expected one of " + allowed.map { "`\($0)`" }.joined(separator: ", "))
        }
    }

    private mutating func string(_ value: JSONValue?, at path: JSONPath, what: String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else {
            report(path, "\(what) must be a string, got \(value.typeName)")
            return nil
        }
        return text
    }

    private mutating func stringList(_ value: JSONValue?, at path: JSONPath, what: String) -> [String] {
        guard let value else { return [] }
        if case .string(let single) = value { return [single] }
        guard case .array(let items) = value else {
            report(path, "\(what) must be a list of strings, got \(value.typeName)")
            return []
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            if case .string(let text) = item {
                strings.append(text)
            } else {
                report(path.appending(index: index), "\(what) must be a list of strings; item \(index + 1) is \(item.typeName)")
            }
        }
        return strings
    }

    private mutating func decodeRoot(_ root: JSONValue) -> PipelineSpec? {
        let path = JSONPath()
        guard case .object(let members) = root else {
            report(path, "a pipeline file must be a mapping with `pipeline:` and `stages:`, got \(root.typeName)")
            return nil
        }
        checkKeys(members, at: path, allowed: Self.topLevelKeys, context: "the pipeline")
        var spec = PipelineSpec(name: "", sourceMap: sourceMap)
        if let name = string(members["pipeline"], at: path.appending("pipeline"), what: "`pipeline`") {
            if name.isEmpty { report(path.appending("pipeline"), "`pipeline` must not be empty") }
            spec.name = name
        } else if members["pipeline"] == nil && !Self.hasMisspelling(of: "pipeline", in: members.keys) {
            report(path, "missing `pipeline:` (the pipeline's name)")
        }
        spec.description = string(members["description"], at: path.appending("description"), what: "`description`")
        spec.pluginPaths = stringList(members["plugins"], at: path.appending("plugins"), what: "`plugins`")
        if let input = members["input"] {
            spec.input = decodeInput(input, at: path.appending("input"))
        }
        if let output = members["output"] {
            spec.output = decodeOutput(output, at: path.appending("output"))
        }
        if let stages = members["stages"] {
            spec.stages = decodeStages(stages, at: path.appending("stages"))
        } else if !Self.hasMisspelling(of: "stages", in: members.keys) {
            report(path, "missing `stages:` (a list of stages; `stages: []` runs none)")
        }
        return spec
    }

    /// Whether an unknown key among `keys` is a likely misspelling of `key` (already reported).
    private static func hasMisspelling(of key: String, in keys: some Sequence<String>) -> Bool {
        keys.contains { $0 != key && !topLevelKeys.contains($0) && Spelling.suggestion(for: $0, among: topLevelKeys) == key }
    }

    private mutating func decodeInput(_ value: JSONValue, at path: JSONPath) -> InputSpec {
        var input = InputSpec()
        guard case .object(let members) = value else {
            report(path, "`input` must be a mapping, got \(value.typeName)")
            return input
        }
        checkKeys(members, at: path, allowed: Self.inputKeys, context: "`input`")
        if let format: InputFormat = choice(members, "format", at: path, what: "input format") { input.format = format }
        if let id = string(members["id"], at: path.appending("id"), what: "`input.id`") {
            input.idField = id
        }
        if let text = string(members["text"], at: path.appending("text"), what: "`input.text`") {
            input.textField = text
        }
        input.keep = stringList(members["keep"], at: path.appending("keep"), what: "`input.keep`")
        var seen: Set<String> = []
        for (index, field) in input.keep.enumerated() where !seen.insert(field).inserted {
            report(path.appending("keep").appending(index: index), "field `\(field)` is kept twice")
        }
        if input.format != .jsonl {
            for key in ["id", "text", "keep"] where members[key] != nil {
                report(path.appending(key), atKey: true, "`input.\(key)` applies to `format: jsonl` only")
            }
        }
        return input
    }

    /// The value of `members[key]`, one of `Choice`'s names; a mistake is reported (with the
    /// nearest name) and gives `nil`.
    private mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ members: OrderedDictionary<String, JSONValue>, _ key: String, at path: JSONPath, what: String
    ) -> Choice? where Choice.RawValue == String {
        let context = what.split(separator: " ").first.map(String.init) ?? what
        guard let name = string(members[key], at: path.appending(key), what: "`\(context).\(key)`") else { return nil }
        if let parsed = Choice(rawValue: name) { return parsed }
        let names = Choice.allCases.map(\.rawValue)
        report(
            path.appending(key), "unknown \(what) `\(name)`",
            suggestion: Spelling.suggestion(for: name, among: names).map { "did you mean `\($0)`?" }
                ?? "expected one of " + names.map { "`\($0)`" }.joined(separator: ", "))
        return nil
    }

    private mutating func decodeOutput(_ value: JSONValue, at path: JSONPath) -> OutputSpec {
        var output = OutputSpec()
        guard case .object(let members) = value else {
            report(path, "`output` must be a mapping, got \(value.typeName)")
            return output
        }
        checkKeys(members, at: path, allowed: Self.outputKeys, context: "`output`")
        if let order: OutputOrder = choice(members, "order", at: path, what: "output order") { output.order = order }
        if let detail: OutputDetail = choice(members, "detail", at: path, what: "output detail") { output.detail = detail }
        return output
    }

    private mutating func decodeStages(_ value: JSONValue, at path: JSONPath) -> [StageSpec] {
        if case .null = value { return [] }
        guard case .array(let entries) = value else {
            report(path, "`stages` must be a list of stages, got \(value.typeName)")
            return []
        }
        var stages: [StageSpec] = []
        for (index, entry) in entries.enumerated() {
            let entryPath = path.appending(index: index)
            guard case .object(let members) = entry else {
                report(entryPath, "a stage must be a mapping with `id` and `uses`, got \(entry.typeName)")
                continue
            }
            checkKeys(members, at: entryPath, allowed: Self.stageKeys, context: "a stage")
            let uses = string(members["uses"], at: entryPath.appending("uses"), what: "`uses`")
            if members["uses"] == nil { report(entryPath, "stage \(index + 1) has no `uses:` (the stage to run)") }
            // Without `id:`, the stage's name is its id (a plugin's without the `plugin:` prefix).
            let defaultID = uses.map { $0.hasPrefix("plugin:") ? String($0.dropFirst("plugin:".count)) : $0 }
            let id = string(members["id"], at: entryPath.appending("id"), what: "`id`") ?? defaultID
            guard let id, let uses else { continue }
            let needs = stringList(members["needs"], at: entryPath.appending("needs"), what: "`needs`")
            var configuration: JSONValue = [:]
            if let with = members["with"] {
                switch with {
                case .object: configuration = with
                case .null: break
                default: report(entryPath.appending("with"), "`with` must be a mapping of settings, got \(with.typeName)")
                }
            }
            stages.append(StageSpec(id: id, uses: uses, needs: needs, configuration: configuration, path: entryPath))
        }
        return stages
    }
}
