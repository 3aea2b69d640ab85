import Foundation
import GleanCore

/// Measures JSON Lines decoding and encoding on one core: Foundation's `JSONDecoder` and
/// `JSONEncoder` against Glean's `JSONParser` and `JSONWriter`, on the same lines, doing the
/// same work (read `id` and `text`; write `{"id":…,"text":…}`).
struct CodecBenchmark {
    /// The lines to measure on.
    var lines: [Data]

    /// Reads up to `bytes` of complete lines from `path`.
    init(path: String, bytes: Int) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GleanError(.unreadableInput, "cannot open the corpus `\(path)`")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: bytes) ?? Data()
        var found: [Data] = []
        var start = data.startIndex
        while let newline = data[start...].firstIndex(of: 0x0A) {
            found.append(data[start..<newline])
            start = newline + 1
        }
        lines = found
    }

    private struct Article: Codable {
        var id: String
        var text: String
    }

    /// One codec's result.
    struct Result {
        var name: String
        var seconds: Double
        var bytes: Int
        var megabytesPerSecond: Double { Double(bytes) / max(seconds, 1e-9) / 1_000_000 }
    }

    /// Runs the four measurements.
    func run() throws -> [Result] {
        let bytes = lines.reduce(0) { $0 + $1.count }
        let articles = try lines.map { try JSONDecoder().decode(Article.self, from: $0) }
        var results: [Result] = []
        let clock = ContinuousClock()
        var foundationTotal = 0
        var gleanTotal = 0

        let decoder = JSONDecoder()
        var start = clock.now
        for line in lines {
            foundationTotal &+= try decoder.decode(Article.self, from: line).text.utf8.count
        }
        results.append(Result(name: "Foundation JSONDecoder (read id, text)", seconds: (clock.now - start).seconds, bytes: bytes))

        start = clock.now
        for line in lines {
            gleanTotal &+= try line.withUnsafeBytes { raw -> Int in
                var total = 0
                for member in try JSONParser.scanMembers(raw) where member.key == "id" || member.key == "text" {
                    if let value = try JSONParser.string(scanned: member, in: raw), member.key == "text" {
                        total += value.utf8.count
                    }
                }
                return total
            }
        }
        results.append(Result(name: "Glean JSONParser (read id, text)", seconds: (clock.now - start).seconds, bytes: bytes))
        guard foundationTotal == gleanTotal else {
            throw GleanError(
                .malformedJSON, "the decoders disagree on the text they read (\(foundationTotal) vs \(gleanTotal) bytes)")
        }

        let encoder = JSONEncoder()
        start = clock.now
        var written = 0
        for article in articles {
            written += try encoder.encode(article).count + 1
        }
        results.append(
            Result(name: "Foundation JSONEncoder (write id, text)", seconds: (clock.now - start).seconds, bytes: written))

        start = clock.now
        written = 0
        for article in articles {
            var writer = JSONWriter(capacity: article.text.utf8.count + 32)
            writer.writeRaw(#"{"id":"#.utf8)
            writer.writeString(article.id)
            writer.writeRaw(#","text":"#.utf8)
            writer.writeString(article.text)
            writer.writeRaw("}\n".utf8)
            written += writer.bytes.count
        }
        results.append(Result(name: "Glean JSONWriter (write id, text)", seconds: (clock.now - start).seconds, bytes: written))
        return results
    }
}
