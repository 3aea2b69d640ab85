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
            let parsedEnvelope = try? line.withUnsafeBytes { bytes in
                var reader = RequestReader(bytes)
                return try reader.envelope()
            }
            guard let parsedEnvelope else {
                send(ErrorResponse(id: nil, error: .init(code: -32700, message: "parse error: not a JSON-RPC request")), encoder)
                continue
            }
            let envelope = Envelope(id: parsedEnvelope.id, method: parsedEnvelope.method)
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
                let documents: [PluginDocument]
                do {
                    if let read = parsedEnvelope.documents {
                        documents = read
                    } else {
                        documents = try line.withUnsafeBytes { bytes in
                            var reader = RequestReader(bytes)
                            return try parsedEnvelope.params.map { try reader.documents(in: $0) } ?? []
                        }
                    }
                } catch {
                    send(ErrorResponse(id: envelope.id, error: .init(code: -32602, message: "invalid params: \(error)")), encoder)
                    continue
                }
                var outcomes: [Outcome] = []
                var outputs: [Output] = []
                outcomes.reserveCapacity(documents.count)
                for document in documents {
                    do {
                        switch try analyze(document) {
                        case .output(let output):
                            outcomes.append(.output(outputs.count))
                            outputs.append(output)
                        case .json(let text):
                            outcomes.append(.json(text))
                        case .skipped(let reason):
                            outcomes.append(.skipped(reason))
                        }
                    } catch {
                        outcomes.append(.failed("\(error)"))
                    }
                }
                sendResults(id: envelope.id, documents: documents, outcomes: outcomes, outputs: outputs, encoder)
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

    private enum Outcome {
        case output(Int)
        case json(String)
        case skipped(String)
        case failed(String)
    }

    /// Writes an `analyze` answer: the outputs encoded in one call, then spliced into the
    /// per-document results.
    private static func sendResults<Output: Encodable>(
        id: Int?, documents: [PluginDocument], outcomes: [Outcome], outputs: [Output], _ encoder: JSONEncoder
    ) {
        let encoded: Data
        do {
            encoded = outputs.isEmpty ? Data("[]".utf8) : try encoder.encode(outputs)
        } catch {
            send(ErrorResponse(id: id, error: .init(code: -32603, message: "cannot encode the outputs: \(error)")), encoder)
            return
        }
        writeResults(id: id, documents: documents, outcomes: outcomes, encoded: encoded)
    }

    /// Writes the answer; not generic, so its loop is compiled here, not in the caller.
    private static func writeResults(id: Int?, documents: [PluginDocument], outcomes: [Outcome], encoded: Data) {
        let elements = arrayElements(encoded)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + documents.count * 24 + 64)
        out.append(contentsOf: Array(#"{"jsonrpc":"2.0","id":"#.utf8))
        out.append(contentsOf: Array((id.map(String.init) ?? "null").utf8))
        out.append(contentsOf: Array(#","result":{"results":["#.utf8))
        for index in 0..<min(documents.count, outcomes.count) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array(#"{"id":"#.utf8))
            appendString(documents[index].id, to: &out)
            switch outcomes[index] {
            case .output(let position):
                out.append(contentsOf: Array(#","output":"#.utf8))
                if position < elements.count {
                    out.append(contentsOf: encoded[elements[position]])
                } else {
                    out.append(contentsOf: Array("null".utf8))
                }
            case .json(let text):
                out.append(contentsOf: Array(#","output":"#.utf8))
                out.append(contentsOf: Array(text.utf8))
            case .skipped(let reason):
                out.append(contentsOf: Array(#","skipped":"#.utf8))
                appendString(reason, to: &out)
            case .failed(let message):
                out.append(contentsOf: Array(#","error":{"code":-32003,"message":"#.utf8))
                appendString(message, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("]}}\n".utf8))
        out.withUnsafeBytes { write($0) }
    }

    /// Appends `text` as a JSON string.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func write(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Foundation.write(1, base + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }

    private static func send(_ message: some Encodable, _ encoder: JSONEncoder) {
        guard var data = try? encoder.encode(message) else { return }
        data.append(0x0A)
        data.withUnsafeBytes { write($0) }
    }
}
