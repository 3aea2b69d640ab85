import Foundation
import GleanCore

/// Finds plugins: folders holding a `glean-plugin.yaml`, given directly or one level down.
public enum PluginDiscovery {
    /// What was found: manifests by name, and the folders whose manifests are broken.
    public struct Found: Sendable {
        /// Valid manifests, by plugin name (the first found wins).
        public var manifests: [String: PluginManifest] = [:]
        /// Folders whose manifest could not be read, with why.
        public var broken: [(folder: String, problem: String)] = []
        /// The folders searched.
        public var searched: [String] = []
    }

    /// The folders named by `GLEAN_PLUGIN_PATH` (colon-separated).
    public static var environmentPaths: [String] {
        (ProcessInfo.processInfo.environment["GLEAN_PLUGIN_PATH"] ?? "").split(separator: ":").map(String.init)
    }

    /// Searches `paths`, each a plugin folder or a folder of plugin folders.
    public static func search(_ paths: [String]) -> Found {
        var found = Found()
        let manager = FileManager.default
        for path in paths {
            found.searched.append(path)
            var candidates: [String] = []
            if manager.fileExists(atPath: path + "/" + PluginManifest.fileName) {
                candidates.append(path)
            } else if let children = try? manager.contentsOfDirectory(atPath: path) {
                for child in children.sorted()
                where manager.fileExists(atPath: path + "/" + child + "/" + PluginManifest.fileName) {
                    candidates.append(path + "/" + child)
                }
            }
            for folder in candidates {
                do {
                    let manifest = try PluginManifest.load(folder: folder)
                    if found.manifests[manifest.name] == nil { found.manifests[manifest.name] = manifest }
                } catch {
                    found.broken.append((folder, error.description))
                }
            }
        }
        return found
    }
}
