import GleanCore
import Testing

@Suite("Line splitting")
struct LineRecordSourceTests {
    private func lines(_ bytes: [UInt8], maximum: Int = 1 << 20) throws -> [(line: Int, text: String?, problem: GleanError.Code?)]
    {
        let folder = try TemporaryFolder()
        let path = try folder.file("in.txt", bytes: bytes)
        let source = LineRecordSource(source: try FileByteSource(path: path), inputName: path, maximumLineBytes: maximum)
        var found: [(Int, String?, GleanError.Code?)] = []
        var sequence = 0
        while let batch = try source.nextBatch(sequence: sequence, maxRecords: 3, maxBytes: 1 << 20) {
            sequence += 1
            for record in batch.records {
                let text = record.problem == nil ? String(decoding: batch.storage[record.range], as: UTF8.self) : nil
                found.append((record.origin.line, text, record.problem?.code))
            }
        }
        return found
    }

    @Test("strips CRLF and a byte-order mark, passes over blank lines, keeps a last line without newline")
    func basics() throws {
        let found = try lines([0xEF, 0xBB, 0xBF] + Array("one\r\n\n  \ntwo\nthree".utf8))
        #expect(found.map(\.line) == [1, 4, 5])
        #expect(found.map(\.text) == ["one", "two", "three"])
    }

    @Test("lines longer than the read size are joined across reads")
    func longLines() throws {
        let long = String(repeating: "x", count: 3 << 20)
        let found = try lines(Array((long + "\nshort\n").utf8), maximum: 8 << 20)
        #expect(found.map { $0.text?.count } == [3 << 20, 5])
    }

    @Test("a line over the limit is reported and skipped; the next line is read")
    func tooLong() throws {
        let long = String(repeating: "y", count: 3 << 20)
        let found = try lines(Array(("a\n" + long + "\nb\n").utf8), maximum: 1 << 20)
        #expect(found.map(\.line) == [1, 2, 3])
        #expect(found.map(\.problem) == [nil, .lineTooLong, nil])
        #expect(found.map(\.text) == ["a", nil, "b"])
    }
}
