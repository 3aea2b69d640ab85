import Foundation

/// One document per file: every regular file under a folder (hidden files and folders passed
/// over), in sorted path order, each a record whose id is its path relative to the folder
/// (prefixed with the folder when a run reads several, so that names stay distinct).
public final class FolderRecordSource: RecordSource {
    private let root: String
    private let folder: String
    private let namePrefix: String
    private let files: [(relative: String, size: Int)]
    private var next = 0
    private let maximumFileBytes: Int
    /// Bytes read so far.
    public private(set) var bytesConsumed = 0
    /// The total size of the files.
    public let totalBytes: Int?

    /// Lists the files under `folder` (or takes `folder` itself when it is a file); records are
    /// named `namePrefix` + their path relative to the folder.
    public init(folder: String, maximumFileBytes: Int = 64 << 20, namePrefix: String = "") throws(GleanError) {
        self.maximumFileBytes = maximumFileBytes
        self.folder = folder
        self.namePrefix = namePrefix
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw GleanError(.unreadableInput, "input folder `\(folder)` does not exist")
        }
        if !isDirectory.boolValue {
            let url = URL(fileURLWithPath: folder)
            root = url.deletingLastPathComponent().path
            let size = (try? FileManager.default.attributesOfItem(atPath: folder))?[.size] as? Int
            files = [(url.lastPathComponent, size ?? 0)]
        } else {
            root = folder
            let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
            guard
                let enumerator = FileManager.default.enumerator(
                    at: url, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
                    options: [.skipsHiddenFiles])
            else {
                throw GleanError(.unreadableInput, "cannot list input folder `\(folder)`")
            }
            var found: [(String, Int)] = []
            let prefix = url.path.hasSuffix("/") ? url.path : url.path + "/"
            for case let file as URL in enumerator {
                let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
                guard values?.isRegularFile == true else { continue }
                let path = file.standardizedFileURL.path
                let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : file.lastPathComponent
                found.append((relative, values?.fileSize ?? 0))
            }
            files = found.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        }
        totalBytes = files.reduce(0) { $0 + $1.size }
    }

    /// The number of files found.
    public var fileCount: Int { files.count }
    /// The folder read.
    public var inputNames: [String] { [folder] }

    /// The next files, up to `maxRecords` or about `maxBytes`.
    public func nextBatch(sequence: Int, maxRecords: Int, maxBytes: Int) throws(GleanError) -> RecordBatch? {
        guard next < files.count else { return nil }
        var batch = RecordBatch(sequence: sequence)
        while next < files.count, batch.records.count < maxRecords, batch.storage.count < maxBytes {
            let file = files[next]
            next += 1
            let origin = DocumentOrigin(input: namePrefix + file.relative, line: 1)
            let path = root.isEmpty ? file.relative : root + "/" + file.relative
            batch.spans.append(InputSpan(input: origin.input, firstLine: 1, lastLine: 1, records: 1, bytes: 0))
            if file.size > maximumFileBytes {
                batch.append(
                    problem: GleanError(.lineTooLong, "file is \(file.size) bytes, over the limit of \(maximumFileBytes)"),
                    origin: origin, byteCount: file.size)
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                batch.append(problem: GleanError(.unreadableInput, "cannot read `\(path)`"), origin: origin)
                continue
            }
            bytesConsumed += data.count
            batch.inputBytes += data.count
            batch.spans[batch.spans.count - 1].bytes = data.count
            data.withUnsafeBytes { batch.append($0, origin: origin) }
        }
        return batch
    }
}
