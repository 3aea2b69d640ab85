import Foundation
import GleanCore

/// Reads pipeline files: YAML text to the core's ``PipelineSpec``, every structural mistake
/// reported with its `file:line:column`, hostile files refused before they can cost anything.
public enum PipelineFile {
    /// The largest pipeline file read.
    public static let maximumBytes = 1 << 20

    /// Reads and decodes the pipeline file at `path`.
    ///
    /// - Returns: The specification and the mistakes found so far; ``PipelineBuilder`` reports
    ///   them together with the ones it finds.
    /// - Throws: ``PipelineError`` when the file cannot be read as a pipeline at all.
    public static func load(path: String) throws(PipelineError) -> (spec: PipelineSpec, diagnostics: [PipelineDiagnostic]) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else {
            throw PipelineError([PipelineDiagnostic(start, "cannot read the pipeline file: no such file")])
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw PipelineError([PipelineDiagnostic(start, "this is a folder, not a pipeline file")])
        }
        if let size = attributes[.size] as? Int, size > maximumBytes {
            throw PipelineError([
                PipelineDiagnostic(
                    start,
                    "the file is \(size) bytes; pipeline files are limited to \(maximumBytes) bytes (is this the right file?)")
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError([PipelineDiagnostic(start, "cannot read the pipeline file")])
        }
        return try decode(data: data, file: path)
    }

    /// Decodes pipeline file bytes; `file` names them in messages.
    public static func decode(data: Data, file: String) throws(PipelineError) -> (
        spec: PipelineSpec, diagnostics: [PipelineDiagnostic]
    ) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= maximumBytes else {
            throw PipelineError([PipelineDiagnostic(start, "the file is over \(maximumBytes) bytes; pipeline files are small")])
        }
        if let nul = data.firstIndex(of: 0) {
            throw PipelineError([
                PipelineDiagnostic(
                    HostileInputCheck.location(ofByte: nul - data.startIndex, in: data, file: file),
                    "this looks like a binary file, not a YAML pipeline (it holds a NUL byte)")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError([PipelineDiagnostic(start, "the file is not valid UTF-8 text")])
        }
        return try decode(text: text, file: file)
    }

    /// Reads any small YAML file (a plugin manifest, say) as JSON values with their positions,
    /// with the same limits and hostile-file checks as pipeline files.
    public static func readYAML(path: String) throws(PipelineError) -> (value: JSONValue, sourceMap: SourceMap) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        guard let size else { throw PipelineError([PipelineDiagnostic(start, "cannot read the file: no such file")]) }
        guard size <= maximumBytes else {
            throw PipelineError([PipelineDiagnostic(start, "the file is \(size) bytes; the limit is \(maximumBytes)")])
        }
        guard let data = FileManager.default.contents(atPath: path), !data.contains(0),
            let text = String(data: data, encoding: .utf8)
        else {
            throw PipelineError([PipelineDiagnostic(start, "the file is not UTF-8 text")])
        }
        if let problem = HostileInputCheck.scan(text, file: path) { throw PipelineError([problem]) }
        let tree = try YAMLTree.read(text, file: path)
        return (tree.value, tree.sourceMap)
    }

    /// Decodes pipeline YAML text; `file` names it in messages.
    public static func decode(text: String, file: String) throws(PipelineError) -> (
        spec: PipelineSpec, diagnostics: [PipelineDiagnostic]
    ) {
        if let problem = HostileInputCheck.scan(text, file: file) {
            throw PipelineError([problem])
        }
        let tree = try YAMLTree.read(text, file: file)
        let decoded = PipelineDecoder.decode(tree.value, sourceMap: tree.sourceMap)
        guard let spec = decoded.spec else { throw PipelineError(decoded.diagnostics) }
        return (spec, decoded.diagnostics)
    }
}
