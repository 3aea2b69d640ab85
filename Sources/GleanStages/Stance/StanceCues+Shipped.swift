import Foundation
import GleanCore
import Synchronization

extension StanceCues {
    /// The built-in English cues (`Resources/stance-cues/en.yaml`), loaded once.
    public static var shipped: StanceCues {
        get throws(GleanError) { try shipped(language: "en") }
    }

    /// The languages with built-in cues (`Resources/stance-cues/LANG.yaml`), by ISO 639-1 code.
    public static var shippedLanguages: [String] {
        let folder = StageResources.url(named: "stance-cues")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The built-in cues of `language` (ISO 639-1), loaded once per language. Every language's
    /// file maps its words to the same stances, so one model reads them all.
    public static func shipped(language: String) throws(GleanError) -> StanceCues {
        try ShippedCues.shared.cues(for: language)
    }
}

/// The built-in cue files read so far, by language.
private final class ShippedCues: Sendable {
    static let shared = ShippedCues()
    private let loaded = Mutex<[String: Result<StanceCues, GleanError>]>([:])

    func cues(for language: String) throws(GleanError) -> StanceCues {
        let result = loaded.withLock { cached in
            if let result = cached[language] { return result }
            let name = "stance-cues/\(language).yaml"
            let result = Result { () throws(GleanError) in
                let bytes = try StageResources.bytes(
                    at: StageResources.url(named: name), of: "the \(language) stance cues",
                    remedy: "the built-in cue languages are \(StanceCues.shippedLanguages.joined(separator: ", "))")
                return try StanceCues.parse(yaml: String(decoding: bytes, as: UTF8.self), source: name).cues
            }
            cached[language] = result
            return result
        }
        return try result.get()
    }
}
