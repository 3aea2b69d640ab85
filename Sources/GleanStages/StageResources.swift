import Foundation
import GleanCore

/// Where the built-in stages' resources (models, gazetteers) are read from, first found wins:
/// the folder named by `$GLEAN_RESOURCES`; the resource bundle `Glean_GleanStages.resources`
/// beside the executable (a packaged or installed `glean`: `scripts/package.sh` puts it there);
/// else the bundle in the build folder, where SwiftPM put it.
///
/// When `$GLEAN_RESOURCES` is set, only that folder is used: a packaged `glean` told where its
/// resources are never reads the build folder instead.
enum StageResources {
    /// The name of the resource bundle folder SwiftPM makes for this target.
    static let bundleName = "Glean_GleanStages.resources"

    /// The URL of the resource file `name`.
    static func url(named name: String) -> URL {
        folder(environment: ProcessInfo.processInfo.environment, executableFolder: Bundle.main.bundleURL)
            .appendingPathComponent(name)
    }

    /// The folder resources are read from, given the environment and the executable's folder.
    static func folder(environment: [String: String], executableFolder: URL) -> URL {
        if let path = environment["GLEAN_RESOURCES"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let beside = executableFolder.appendingPathComponent(bundleName, isDirectory: true)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return Bundle.module.bundleURL
    }

    /// The bytes of a resource file; when it cannot be read, an error naming `what` it is and the
    /// `remedy` (the script or command that makes it).
    static func bytes(at url: URL, of what: String, remedy: String) throws(GleanError) -> [UInt8] {
        guard let bytes = contents(ofFile: url.path) else {
            throw GleanError(
                .invalidModel,
                "cannot read \(what) \(url.path); \(remedy) (a packaged glean reads its resources from "
                    + "\(bundleName) beside the executable, or from the folder in $GLEAN_RESOURCES)")
        }
        return bytes
    }
}
