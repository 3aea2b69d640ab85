import GleanCore
import Yams

extension Node {
    /// A configuration error at this node of the YAML file `source`, located `file:line:column`.
    func configurationError(in source: String, _ message: String) -> GleanError {
        let location = mark.map { SourceLocation(file: source, line: $0.line, column: $0.column) }
        return GleanError(.invalidConfiguration, message, location: location)
    }
}
