import Foundation

/// The JSON-RPC 2.0 messages of Glean's plugin protocol, version 1.
struct Envelope {
    var id: Int?
    var method: String
}

struct Request<Params: Decodable>: Decodable {
    var id: Int?
    var params: Params
}

struct InitializeParams<Configuration: Decodable>: Decodable {
    var protocolVersion: Int
    var stageID: String
    var configuration: Configuration

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol_version"
        case stageID = "stage_id"
        case configuration
    }
}

struct Response<Result: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: Int?
    var result: Result

    init(id: Int?, result: Result) {
        self.id = id
        self.result = result
    }
}

struct ErrorResponse: Encodable {
    struct Detail: Encodable {
        var code: Int
        var message: String
    }

    var jsonrpc = "2.0"
    var id: Int?
    var error: Detail

    init(id: Int?, error: Detail) {
        self.id = id
        self.error = error
    }
}

struct InitializeResult: Encodable {
    var name: String
    var version: String
    var protocolVersion: Int
    var maxBatch: Int

    enum CodingKeys: String, CodingKey {
        case name, version
        case protocolVersion = "protocol_version"
        case maxBatch = "max_batch"
    }
}

struct AnalyzeResult<Output: Encodable>: Encodable {
    var results: [DocumentResult<Output>]
}

struct DocumentResult<Output: Encodable>: Encodable {
    var id: String
    var output: Output?
    var skipped: String?
    var error: ErrorResponse.Detail?

    init(id: String, output: Output? = nil, skipped: String? = nil, error: ErrorResponse.Detail? = nil) {
        self.id = id
        self.output = output
        self.skipped = skipped
        self.error = error
    }
}

struct Empty: Encodable {}

/// Lines from a file descriptor, split at newlines.
final class LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func next() -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Data(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Data(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                finished = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}
