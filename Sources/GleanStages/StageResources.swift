import Foundation

/// Where the built-in stages' resources (models, gazetteers) are read from: the resource bundle
/// beside the executable (an installed `glean`), else the one in the build folder.
enum StageResources {
    /// The URL of the resource file `name`.
    static func url(named name: String) -> URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("Glean_GleanStages.resources").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return Bundle.module.bundleURL.appendingPathComponent(name)
    }
}
