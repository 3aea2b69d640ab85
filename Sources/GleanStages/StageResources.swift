import Foundation
import GleanCore

/// Where the built-in stages' resources (models, gazetteers) are read from: the resource bundle
/// beside the executable (an installed `glean`), else the one in the build folder.
enum StageResources {
    /// The URL of the resource file `name`.
    static func url(named name: String) -> URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("Glean_GleanStages.resources").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return Bundle.module.bundleURL.appendingPathComponent(name)
    }

    /// The bytes of a resource file; when it cannot be read, an error naming `what` it is and the
    /// `remedy` (the script or command that makes it).
    static func bytes(at url: URL, of what: String, remedy: String) throws(GleanError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GleanError(.invalidModel, "cannot read \(what) \(url.path); \(remedy)")
        }
        return [UInt8](data)
    }
}
