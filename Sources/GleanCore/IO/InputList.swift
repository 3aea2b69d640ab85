import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The input files of a run, from what the user named: files, `-`, glob patterns glean expands
/// itself (`'feeds/*.jsonl.gz'`) and folders, in a stable order.
///
/// Each argument keeps its place; a pattern's matches and a folder's files come in byte order of
/// their paths. For line formats a folder stands for the files in it (recursively, hidden ones
/// passed over) whose names end in one of the format's ``suffixes(for:)``; for `text` a folder is
/// one input whose files are the documents. A file named twice is read once.
public struct InputList: Sendable, Hashable {
    /// The inputs to read, in order.
    public var paths: [String]
    /// Paths named more than once (read once, at their first place).
    public var repeated: [String]

    /// Expands `arguments` for `format`.
    public init(_ arguments: [String], format: InputFormat) throws(GleanError) {
        var paths: [String] = []
        var repeated: [String] = []
        var seen = Set<String>()
        for argument in arguments {
            for path in try Self.expand(argument, format: format) {
                if seen.insert(Self.key(path)).inserted {
                    paths.append(path)
                } else {
                    repeated.append(path)
                }
            }
        }
        guard !paths.isEmpty else { throw GleanError(.invalidArgument, "no input named") }
        self.paths = paths
        self.repeated = repeated
    }

    /// What identifies a file however it is named (`./a.jsonl`, `a.jsonl`): its absolute,
    /// standardised path; `-` for standard input.
    public static func key(_ path: String) -> String {
        path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The file name endings a folder's files must have to be read in `format`.
    public static func suffixes(for format: InputFormat) -> [String] {
        switch format {
        case .jsonl: return [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"]
        case .lines: return [".txt", ".txt.gz"]
        case .text: return []
        }
    }

    private static func expand(_ argument: String, format: InputFormat) throws(GleanError) -> [String] {
        if argument == "-" { return ["-"] }
        if let isFolder = kind(of: argument) {
            return isFolder ? try folderInputs(argument, format: format) : [argument]
        }
        guard argument.contains(where: { "*?[".contains($0) }) else {
            // Not there: opening it gives the system's reason.
            throw GleanError(.unreadableInput, "cannot open input `\(argument)`: \(String(cString: strerror(ENOENT)))")
        }
        let matches = try Self.matches(of: argument)
        guard !matches.isEmpty else { throw GleanError(.unreadableInput, "no input matches `\(argument)`") }
        var paths: [String] = []
        for match in matches {
            paths += kind(of: match) == true ? try folderInputs(match, format: format) : [match]
        }
        return paths
    }

    /// `true` for a folder, `false` for anything else that exists, `nil` when nothing is there.
    private static func kind(of path: String) -> Bool? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue
    }

    private static func folderInputs(_ folder: String, format: InputFormat) throws(GleanError) -> [String] {
        if format == .text { return [folder] }
        let suffixes = suffixes(for: format)
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        guard
            let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw GleanError(.unreadableInput, "cannot list input folder `\(folder)`")
        }
        let base = url.standardizedFileURL.path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var found: [String] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = file.standardizedFileURL.path
            guard suffixes.contains(where: { path.hasSuffix($0) }) else { continue }
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : file.lastPathComponent
            found.append(prefix + relative)
        }
        guard !found.isEmpty else {
            let names = suffixes.map { "`\($0)`" }.joined(separator: ", ")
            throw GleanError(
                .unreadableInput,
                "input folder `\(folder)` holds no files ending in \(names) (`input.format: \(format.rawValue)`)")
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The paths matching a shell pattern, in byte order.
    private static func matches(of pattern: String) throws(GleanError) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        #if canImport(Glibc)
            let status = Glibc.glob(pattern, 0, nil, &result)
        #elseif canImport(Musl)
            let status = Musl.glob(pattern, 0, nil, &result)
        #else
            let status = Darwin.glob(pattern, 0, nil, &result)
        #endif
        if status == GLOB_NOMATCH { return [] }
        guard status == 0 else { throw GleanError(.unreadableInput, "cannot expand the input pattern `\(pattern)`") }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
