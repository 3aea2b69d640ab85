import Foundation
import GleanCore

extension StanceModel {
    private struct File: Codable {
        var outcomes: [String]
        var provenance: [String: String]
        var forest: StanceForest
        var calibration: StanceCalibration
        var plainCalibration: StanceCalibration?

        enum CodingKeys: String, CodingKey {
            case outcomes, provenance, forest, calibration
            case plainCalibration = "calibration_plain"
        }
    }

    /// The shipped model (`Resources/stance-model.json`), loaded once.
    public static var shipped: StanceModel {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "stance-model.json"), of: "the stance model",
            remedy: "restore Sources/GleanStages/Stance/Resources/stance-model.json or run `glean train stance`")
        return try StanceModel(json: bytes, source: "stance-model.json")
    }

    /// Reads a model written by ``json()``.
    public init(json bytes: [UInt8], source: String) throws(GleanError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw GleanError(
                .invalidModel,
                "`\(source)` is no stance model this version reads (models before alignment-stance 0.4.0, with "
                    + "`weights` instead of `forest`, are no longer read): retrain it with `glean train stance`",
                cause: error)
        }
        guard file.outcomes == Self.outcomes, file.forest.base.count == Self.outcomes.count else {
            throw GleanError(
                .invalidModel,
                "`\(source)`: expected the outcomes \(Self.outcomes.joined(separator: ", ")), each with a base score; "
                    + "retrain it with `glean train stance`")
        }
        self.init(
            forest: file.forest, calibration: file.calibration, plainCalibration: file.plainCalibration,
            provenance: file.provenance)
    }

    /// The model as JSON with sorted keys: the same model gives the same bytes.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let file = File(
            outcomes: Self.outcomes, provenance: provenance, forest: forest, calibration: calibration,
            plainCalibration: plainCalibration)
        return [UInt8](try encoder.encode(file)) + [0x0A]
    }
}
