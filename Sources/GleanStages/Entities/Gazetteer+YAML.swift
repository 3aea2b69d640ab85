import GleanCore
import Yams

extension Gazetteer {
    /// Adds the entities of a YAML gazetteer: a list of entries, each with `id` (the canonical
    /// id), `type` (`PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, `DATE`), `forms` (a surface form or a
    /// list of them) and optionally `name` (default: the first form) and `parent`. Mistakes are
    /// reported as `file:line:column`.
    ///
    /// ```yaml
    /// - id: Q-HASANOV
    ///   type: PERSON
    ///   name: Zakir Hasanov
    ///   forms: [Zakir Hasanov, General Hasanov]
    ///   parent: AZ
    /// ```
    public mutating func addYAML(_ text: String, source: String) throws(GleanError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw GleanError(.invalidConfiguration, "\(source): not valid YAML", cause: error)
        }
        guard let root else { return }
        guard let entries = root.sequence else {
            throw root.configurationError(in: source, "expected a list of entries, each with id, type and forms")
        }
        for entry in entries {
            guard let fields = entry.mapping else {
                throw entry.configurationError(in: source, "expected an entry with id, type and forms")
            }
            var id: String?
            var kind: Entity.Kind?
            var name: String?
            var parent: String?
            var forms: [String] = []
            for (keyNode, value) in fields {
                let key = keyNode.string ?? ""
                switch key {
                case "id": id = try Self.text(value, of: key, in: source)
                case "type":
                    let text = try Self.text(value, of: key, in: source)
                    guard let known = Entity.Kind(rawValue: text) else {
                        throw value.configurationError(
                            in: source,
                            "`\(text)` is not a type; expected one of "
                                + Entity.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    kind = known
                case "name": name = try Self.text(value, of: key, in: source)
                case "parent": parent = try Self.text(value, of: key, in: source)
                case "forms":
                    if let list = value.sequence {
                        forms = try list.map { (node: Node) throws(GleanError) -> String in
                            try Self.text(node, of: key, in: source)
                        }
                    } else {
                        forms = [try Self.text(value, of: key, in: source)]
                    }
                default:
                    throw keyNode.configurationError(in: source, "unknown key `\(key)`; expected id, type, forms, name, parent")
                }
            }
            guard let id, let kind, let first = forms.first else {
                let missing = [id == nil ? "id" : nil, kind == nil ? "type" : nil, forms.isEmpty ? "forms" : nil]
                throw entry.configurationError(
                    in: source, "the entry has no " + missing.compactMap { $0 }.joined(separator: ", "))
            }
            let entry = GazetteerEntry(kind: kind, canonical: id, name: name ?? first, parent: parent)
            for form in forms { add(form, entry) }
        }
    }

    private static func text(_ node: Node, of key: String, in source: String) throws(GleanError) -> String {
        guard let text = node.string, !text.isEmpty else {
            throw node.configurationError(in: source, "`\(key)` must be non-empty text")
        }
        return text
    }
}
