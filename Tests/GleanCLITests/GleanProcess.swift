import Foundation
import Testing

/// Runs the `glean` executable built with the tests, as a user would.
struct GleanProcess {
    /// The package's root folder.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The fixtures folder.
    static let fixtures = packageRoot + "/Tests/GleanCLITests/Fixtures"

    /// The `glean` binary next to the test bundle.
    static let executable: String = {
        var candidates: [String] = []
        if let test = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: test).deletingLastPathComponent().appendingPathComponent("glean").path)
        }
        if let main = Bundle.main.executableURL {
            candidates.append(main.deletingLastPathComponent().appendingPathComponent("glean").path)
        }
        candidates.append(packageRoot + "/.build/debug/glean")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "glean"
    }()

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `glean arguments` in `directory`, feeding `input` on standard input.
    static func run(_ arguments: [String], in directory: String = packageRoot, input: Data? = nil) throws -> Result {
        let process = try start(arguments, in: directory, input: input)
        return try finish(process)
    }

    /// A started process with its pipes.
    struct Running {
        var process: Process
        var output: Pipe
        var errors: Pipe
    }

    static func start(_ arguments: [String], in directory: String = packageRoot, input: Data? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if let input {
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return Running(process: process, output: output, errors: errors)
    }

    static func finish(_ running: Running) throws -> Result {
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            outputData = running.output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errorData = running.errors.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        running.process.waitUntilExit()
        return Result(
            status: running.process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}

/// A temporary folder removed when dropped.
final class Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "glean-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let full = path + "/" + name
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: path + "/" + name, encoding: .utf8)) ?? ""
    }
}

func fixture(_ name: String) -> String {
    (try? String(contentsOfFile: GleanProcess.fixtures + "/" + name, encoding: .utf8)) ?? "<missing fixture \(name)>"
}

/// A corpus of `count` short documents with distinct ids.
func syntheticCorpus(_ count: Int) -> String {
    let sentences = [
        "Officials met in Baku on Monday.", "The Alliance said talks would continue!", "Москва ответила на заявление.",
        "Trade grew by 3.5 percent in the year.", "Mr. Karimov declined to comment.", "北京举行会议。",
    ]
    var lines: [String] = []
    lines.reserveCapacity(count)
    for index in 0..<count {
        let text = (0..<(3 + index % 5)).map { sentences[(index + $0) % sentences.count] }.joined(separator: " ")
        lines.append(#"{"id":"doc-\#(index)","n":\#(index),"text":"\#(text)"}"#)
    }
    return lines.joined(separator: "\n") + "\n"
}
