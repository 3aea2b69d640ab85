import Foundation

/// Runs a Glean plugin: speaks the protocol on standard input and output so the author writes
/// one function from a document to a result.
///
/// ```swift
/// struct Settings: Decodable { var top: Int }
/// GleanPlugin.run(name: "keywords", version: "1.0.0") { (settings: Settings) in
///     { document in .output(["length": document.text.count]) }
/// }
/// ```
/// The closure is called once, at `initialize`, with the stage's settings; the function it
/// returns is called for every document. A function that throws fails that document alone.
public enum GleanPlugin {
    /// The protocol version this kit speaks.
    public static let protocolVersion = 1

    /// Serves requests until `shutdown` or the end of standard input, then returns.
    public static func run<Configuration: Decodable, Output: Encodable & Sendable>(
        name: String,
        version: String,
        maxBatch: Int = 1000,
        configure: (Configuration) throws -> (PluginDocument) throws -> PluginResult<Output>
    ) {
        var analyze: ((PluginDocument) throws -> PluginResult<Output>)?
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let reader = LineReader(descriptor: 0)
        while let line = reader.next() {
            guard let envelope = try? decoder.decode(Envelope.self, from: line) else {
                send(ErrorResponse(id: nil, error: .init(code: -32700, message: "parse error: not a JSON-RPC request")), encoder)
                continue
            }
            switch envelope.method {
            case "initialize":
                do {
                    let request = try decoder.decode(Request<InitializeParams<Configuration>>.self, from: line)
                    guard request.params.protocolVersion == protocolVersion else {
                        send(
                            ErrorResponse(
                                id: envelope.id,
                                error: .init(
                                    code: -32000,
                                    message:
                                        "protocol \(request.params.protocolVersion) is not supported; this plugin speaks \(protocolVersion)"
                                )),
                            encoder)
                        continue
                    }
                    analyze = try configure(request.params.configuration)
                    send(
                        Response(
                            id: envelope.id,
                            result: InitializeResult(
                                name: name, version: version, protocolVersion: protocolVersion, maxBatch: maxBatch)), encoder)
                } catch {
                    send(
                        ErrorResponse(id: envelope.id, error: .init(code: -32001, message: "invalid configuration: \(error)")),
                        encoder)
                }
            case "analyze":
                guard let analyze else {
                    send(
                        ErrorResponse(id: envelope.id, error: .init(code: -32002, message: "analyze before initialize")), encoder)
                    continue
                }
                do {
                    let request = try decoder.decode(Request<AnalyzeParams>.self, from: line)
                    var results: [DocumentResult<Output>] = []
                    results.reserveCapacity(request.params.documents.count)
                    for document in request.params.documents {
                        do {
                            switch try analyze(document) {
                            case .output(let output): results.append(DocumentResult(id: document.id, output: output))
                            case .skipped(let reason): results.append(DocumentResult(id: document.id, skipped: reason))
                            }
                        } catch {
                            results.append(DocumentResult(id: document.id, error: .init(code: -32003, message: "\(error)")))
                        }
                    }
                    send(Response(id: envelope.id, result: AnalyzeResult(results: results)), encoder)
                } catch {
                    send(ErrorResponse(id: envelope.id, error: .init(code: -32602, message: "invalid params: \(error)")), encoder)
                }
            case "shutdown":
                send(Response(id: envelope.id, result: Empty()), encoder)
                return
            default:
                send(
                    ErrorResponse(id: envelope.id, error: .init(code: -32601, message: "method not found: \(envelope.method)")),
                    encoder)
            }
        }
    }

    private static func send(_ message: some Encodable, _ encoder: JSONEncoder) {
        guard var data = try? encoder.encode(message) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(1, base + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
