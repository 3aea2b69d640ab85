import Foundation
import GleanCore

extension LanguageModel {
    /// The model that ships with Glean, loaded once on first use: from `$GLEAN_LANGUAGE_MODEL`
    /// when set, else from the resource bundle beside the executable or in the build folder.
    public static var shipped: LanguageModel {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in try LanguageModel(contentsOf: shippedURL) }

    /// Where the shipped model is read from.
    public static var shippedURL: URL {
        if let path = ProcessInfo.processInfo.environment["GLEAN_LANGUAGE_MODEL"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return StageResources.url(named: "language-model.bin")
    }
}
