import Foundation
import GleanCore
import GleanPlugins
import Logging
import Synchronization
import Testing

/// Log messages captured from the host.
final class CapturedLog: Sendable {
    let messages = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(log: self) }
    }

    func contains(_ text: String) -> Bool {
        messages.withLock { $0.contains { $0.contains(text) } }
    }
}

struct CapturingHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        log.messages.withLock { $0.append(event.message.description) }
    }
}

let pluginsFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/Plugins"
}()

/// Builds the stage of a plugin in `Plugins/` with `settings`.
func pluginStage(
    _ name: String, _ settings: JSONValue = [:], log: CapturedLog = CapturedLog(), folder: String = pluginsFolder + "/"
) throws -> any Stage {
    let manifest = try PluginManifest.load(folder: folder + name)
    return try PluginStage.factory(for: manifest).makeStage(
        configuration: settings, context: StageContext(stageID: name, logger: log.logger))
}

func inputs(_ texts: [String]) -> [StageInput] {
    texts.enumerated().map { StageInput(document: Document(id: "d\($0.offset)", text: $0.element)) }
}

/// Whether `condition` holds within `limit`, polled every 20 ms (a killed process takes a moment
/// to go, longer on a loaded machine).
func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while !condition() {
        guard clock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return true
}

/// How many live processes started by this test process run `script`.
func running(_ script: String) -> Int {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    let me = getpid()
    var count = 0
    for entry in entries where entry.allSatisfy(\.isNumber) {
        guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
            String(decoding: data, as: UTF8.self).contains(script),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 2, fields[0] != "Z", Int32(fields[1]) == me { count += 1 }
    }
    return count
}

@Suite("Plugin host: failures it survives", .serialized)
struct PluginHostTests {
    @Test("a well-behaved plugin answers each document; shutdown leaves no process")
    func behaves() async throws {
        let stage = try pluginStage("misbehave")
        let outcomes = await stage.analyze(batch: inputs(["one", "three", "fifteen chars!!"]))
        #expect(outcomes.map { try? $0.get() } == [.output(3), .output(5), .output(15)])
        #expect(running("misbehave.py") == 1)
        await stage.shutdown()
        #expect(await eventually { running("misbehave.py") == 0 })
    }

    @Test("a plugin that fails to start: bad path, not executable")
    func failsToStart() async throws {
        let folder = NSTemporaryDirectory() + "glean-plugin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/ghost", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "name: ghost\ncommand: [no-such-program]\n".write(
            toFile: folder + "/ghost/glean-plugin.yaml", atomically: true, encoding: .utf8)
        let ghost = try pluginStage("ghost", folder: folder + "/")
        let outcomes = await ghost.analyze(batch: inputs(["a", "b"]))
        for outcome in outcomes {
            #expect(throws: GleanError.self) { try outcome.get() }
        }
        if case .failure(let error as GleanError) = outcomes[0] {
            #expect(error.code.rawValue == "plugin_start_failed")
            #expect(error.message.contains("plugin ghost failed to start"))
            #expect(error.message.contains("No such file or directory"))
        }
        try FileManager.default.createDirectory(atPath: folder + "/plain", withIntermediateDirectories: true)
        try "name: plain\ncommand: [data.txt]\n".write(
            toFile: folder + "/plain/glean-plugin.yaml", atomically: true, encoding: .utf8)
        try "not a program".write(toFile: folder + "/plain/data.txt", atomically: true, encoding: .utf8)
        let plain = try pluginStage("plain", folder: folder + "/")
        if case .failure(let error as GleanError) = await plain.analyze(batch: inputs(["a"]))[0] {
            #expect(error.message.contains("Permission denied"))
        } else {
            Issue.record("a non-executable command must fail")
        }
    }

    @Test("exits during the handshake; speaks the wrong protocol version")
    func badHandshake() async throws {
        let exits = try pluginStage("misbehave", ["mode": "exit_on_init"])
        if case .failure(let error as GleanError) = await exits.analyze(batch: inputs(["a"]))[0] {
            #expect(error.message.contains("failed to start during the handshake"))
        } else {
            Issue.record("expected a start failure")
        }
        let wrong = try pluginStage("misbehave", ["mode": "wrong_protocol"])
        if case .failure(let error as GleanError) = await wrong.analyze(batch: inputs(["a"]))[0] {
            #expect(error.message.contains("speaks protocol 99"))
        } else {
            Issue.record("expected a protocol failure")
        }
        await exits.shutdown()
        await wrong.shutdown()
        #expect(await eventually { running("misbehave.py") == 0 })
    }

    @Test("non-protocol output and answers with unknown ids are reported, results still right")
    func noise() async throws {
        let log = CapturedLog()
        let stage = try pluginStage("misbehave", ["mode": "noise"], log: log)
        let outcomes = await stage.analyze(batch: inputs(["ab", "abc"]))
        #expect(outcomes.map { try? $0.get() } == [.output(2), .output(3)])
        #expect(log.contains("plugin misbehave wrote non-protocol output: debug: this line is not JSON-RPC"))
        #expect(log.contains("answered an unknown request id 999999"))
        await stage.shutdown()
    }

    @Test("a plugin that never answers: the request times out, the others go on")
    func hangs() async throws {
        let stage = try pluginStage("misbehave", ["timeout_seconds": 0.5])
        let outcomes = await stage.analyze(batch: inputs(["fine", "HANG here", "also fine"]))
        #expect(try outcomes[0].get() == .output(4))
        #expect(try outcomes[2].get() == .output(9))
        if case .failure(let error as GleanError) = outcomes[1] {
            #expect(error.code == .timeout)
            #expect(error.message.contains("did not answer `analyze` within"))
            #expect(error.message.contains("document d1"))
        } else {
            Issue.record("the hanging document must fail")
        }
        await stage.shutdown()
        #expect(await eventually { running("misbehave.py") == 0 })
    }

    @Test("a plugin that crashes mid-batch: restarted, the poison document isolated, the rest succeed")
    func crashes() async throws {
        let log = CapturedLog()
        let stage = try pluginStage("misbehave", log: log)
        var texts = (0..<16).map { "document \($0)" }
        texts[11] = "CRASH now"
        let outcomes = await stage.analyze(batch: inputs(texts))
        for (index, outcome) in outcomes.enumerated() where index != 11 {
            #expect(try outcome.get() == .output(.int(texts[index].count)))
        }
        if case .failure(let error as GleanError) = outcomes[11] {
            #expect(error.code.rawValue == "plugin_crashed")
            #expect(error.message.contains("plugin misbehave exited with status 3"))
            #expect(error.message.contains("document d11, tried twice"))
        } else {
            Issue.record("the poison document must fail alone")
        }
        #expect(log.contains("restarting it"))
        await stage.shutdown()
        #expect(await eventually { running("misbehave.py") == 0 })
    }

    @Test("the plugin's max_batch from the handshake splits larger batches")
    func maxBatch() async throws {
        // The plugin exits on a request over its max_batch, so any oversized request shows as a restart.
        let log = CapturedLog()
        let stage = try pluginStage("misbehave", ["max_batch": 2], log: log)
        let outcomes = await stage.analyze(batch: inputs(["a", "bb", "ccc", "dddd", "eeeee"]))
        #expect(outcomes.map { try? $0.get() } == [.output(1), .output(2), .output(3), .output(4), .output(5)])
        #expect(!log.contains("restarting it"))
        #expect(!log.contains("more than max_batch"))
        await stage.shutdown()
    }

    @Test("fewer results than documents: only the unanswered document fails")
    func fewer() async throws {
        let stage = try pluginStage("misbehave", ["mode": "fewer"])
        let outcomes = await stage.analyze(batch: inputs(["a", "bb", "ccc"]))
        #expect(try outcomes[0].get() == .output(1))
        #expect(try outcomes[1].get() == .output(2))
        if case .failure(let error as GleanError) = outcomes[2] {
            #expect(error.message == "plugin misbehave returned 2 results for 3 documents; none for this one")
        } else {
            Issue.record("the unanswered document must fail")
        }
        await stage.shutdown()
    }

    @Test("megabytes on standard error neither block nor lose results")
    func stderrFlood() async throws {
        let log = CapturedLog()
        let stage = try pluginStage("misbehave", ["mode": "stderr_flood"], log: log)
        let outcomes = await stage.analyze(batch: inputs(["abc"]))
        #expect(try outcomes[0].get() == .output(3))
        #expect(log.contains("plugin misbehave: xxxx"))
        await stage.shutdown()
    }

    @Test("a plugin that ignores shutdown is killed after the grace period")
    func ignoresShutdown() async throws {
        let stage = try pluginStage("misbehave", ["mode": "ignore_shutdown"])
        _ = await stage.analyze(batch: inputs(["a"]))
        #expect(running("misbehave.py") == 1)
        let clock = ContinuousClock()
        let started = clock.now
        await stage.shutdown()
        #expect(clock.now - started < .seconds(10))
        #expect(await eventually { running("misbehave.py") == 0 })
    }

    @Test("recycling after N documents starts a fresh instance")
    func recycles() async throws {
        let log = CapturedLog()
        let stage = try pluginStage("misbehave", ["restart_after": 2], log: log)
        for _ in 0..<3 {
            let outcomes = await stage.analyze(batch: inputs(["ab", "cd"]))
            #expect(outcomes.map { try? $0.get() } == [.output(2), .output(2)], "\(outcomes)")
        }
        #expect(log.contains("recycling plugin misbehave after 2 documents (restart_after)"))
        await stage.shutdown()
        #expect(await eventually { running("misbehave.py") == 0 })
    }
}
