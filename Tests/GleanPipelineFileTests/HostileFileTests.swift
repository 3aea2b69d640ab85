import Foundation
import GleanCore
import GleanPipelineFile
import Testing

@Suite("Pipeline files: hostile input is refused with a message")
struct HostileFileTests {
    @Test("an alias bomb (nested anchors that expand exponentially)")
    func aliasBomb() {
        var yaml = "pipeline: p\nstages: []\nbomb:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            yaml += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = mistakes(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("alias bomb") == true)
    }

    @Test("very many aliases")
    func manyAliases() {
        let yaml = "pipeline: p\nstages: []\na: &a x\nb: [" + Array(repeating: "*a", count: 1000).joined(separator: ", ") + "]\n"
        #expect(mistakes(yaml).first?.contains("more than 256 YAML aliases") == true)
    }

    @Test("a 100 MB file is refused by its size, unread")
    func hugeFile() throws {
        let path = NSTemporaryDirectory() + "glean-huge-\(UUID().uuidString).yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        #expect {
            try PipelineFile.load(path: path)
        } throws: { error in
            (error as? PipelineError)?.diagnostics.first?.message.contains("limited to 1048576 bytes") == true
        }
    }

    @Test("a binary file")
    func binaryFile() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE]
        #expect {
            try PipelineFile.decode(data: Data(bytes), file: "p.yaml")
        } throws: { error in
            (error as? PipelineError)?.diagnostics.map(\.description) == [
                "p.yaml:1:7: this looks like a binary file, not a YAML pipeline (it holds a NUL byte)"
            ]
        }
        #expect(throws: PipelineError.self) { try PipelineFile.decode(data: Data([0x61, 0xC3, 0x28]), file: "p.yaml") }
    }

    @Test(
        "deep nesting, in flow and block style",
        arguments: [
            "pipeline: p\nstages: []\nx: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n",
            "pipeline: p\nstages: []\nx: " + String(repeating: "{a: ", count: 20_000) + "1"
                + String(repeating: "}", count: 20_000) + "\n",
            "pipeline: p\nstages: []\nx:\n" + String(repeating: "- ", count: 30_000) + "1\n",
            "pipeline: p\nstages: []\n" + (0..<200).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n")
                + " 1\n",
        ])
    func deepNesting(yaml: String) {
        let found = mistakes(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("nesting deeper than 64 levels") == true)
    }
}
