import Foundation
import Testing

@testable import GleanStages

@Suite("stage resources")
struct StageResourcesTests {
    @Test("a file's bytes are read whole; an empty file gives none; a missing file or a folder gives nil")
    func contents() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("glean-resources-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = folder.appendingPathComponent("model.bin")
        try Data(bytes).write(to: file)
        let empty = folder.appendingPathComponent("empty.tsv")
        try Data().write(to: empty)
        #expect(StageResources.contents(ofFile: file.path) == bytes)
        #expect(StageResources.contents(ofFile: empty.path) == [])
        #expect(StageResources.contents(ofFile: folder.appendingPathComponent("missing").path) == nil)
        #expect(StageResources.contents(ofFile: folder.path) == nil)
    }
}
