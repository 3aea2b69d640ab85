import Foundation

extension Gazetteer {
    /// The country (ISO 3166-1 alpha-2 code) that `value` names: a code of a country the
    /// gazetteer knows, in any case (`"at"`, `"AT"`), or one of its English names or formal names
    /// as written (`"Austria"`, `"Republic of Korea"`; not `"austria"`); `nil` for anything else
    /// (a city, a bloc, an unknown name).
    public func country(named value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = trimmed.uppercased()
        if code.count == 2, kinds(of: code).contains(.geopolitical) { return code }
        let tokens = tokens(of: trimmed)
        guard let entry = entry(for: tokens[...]), entry.kind == .geopolitical, entry.parent == nil,
            !entry.canonical.contains(":")
        else { return nil }
        return entry.canonical
    }
}
