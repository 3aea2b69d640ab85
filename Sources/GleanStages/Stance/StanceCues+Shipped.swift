import Foundation
import GleanCore

extension StanceCues {
    /// The built-in English cues (`Resources/stance-cues/en.yaml`), loaded once.
    public static var shipped: StanceCues {
        get throws(GleanError) { try shipped(language: "en") ?? StanceCues() }
    }

    /// The languages with built-in cues (a file `Resources/stance-cues/<code>.yaml` each), from
    /// the files' names: describing the stage (every `glean` start) parses none of them.
    public static var shippedLanguages: [String] {
        get throws(GleanError) { try shippedFileNames().map { String($0.dropLast(".yaml".count)) }.sorted() }
    }

    private static func shippedFileNames() throws(GleanError) -> [String] {
        let folder = StageResources.url(named: "stance-cues")
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        } catch {
            throw GleanError(
                .invalidModel,
                "cannot list the stance cues in \(folder.path); restore Sources/GleanStages/Stance/Resources/stance-cues/",
                cause: error)
        }
    }

    /// The built-in cues of `language` (an ISO 639-1 code), or `nil` when there are none.
    public static func shipped(language: String) throws(GleanError) -> StanceCues? {
        try loadedShipped.get()[language]
    }

    private static let loadedShipped = Result { () throws(GleanError) -> [String: StanceCues] in
        let folder = StageResources.url(named: "stance-cues")
        let remedy = "restore Sources/GleanStages/Stance/Resources/stance-cues/"
        let names = try shippedFileNames()
        var cues: [String: StanceCues] = [:]
        for name in names {
            let language = String(name.dropLast(".yaml".count))
            let bytes = try StageResources.bytes(
                at: folder.appendingPathComponent(name), of: "the stance cues", remedy: remedy + name)
            var parsed = try parse(yaml: String(decoding: bytes, as: UTF8.self), source: "stance-cues/" + name).cues
            parsed.language = language
            cues[language] = parsed
        }
        guard cues["en"] != nil else {
            throw GleanError(.invalidModel, "no English stance cues in \(folder.path); \(remedy)en.yaml")
        }
        return cues
    }
}
