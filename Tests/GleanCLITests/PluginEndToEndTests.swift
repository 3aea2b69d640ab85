import Foundation
import GleanCore
import Testing

/// The live processes running `script`, with their parents, state excluded zombies.
private func processes(running script: String) -> [(pid: Int32, parent: Int32)] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    var found: [(Int32, Int32)] = []
    for entry in entries where entry.allSatisfy(\.isNumber) {
        guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
            String(decoding: data, as: UTF8.self).contains(script),
            let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")"), let pid = Int32(entry)
        else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 2, fields[0] != "Z", let parent = Int32(fields[1]) { found.append((pid, parent)) }
    }
    return found
}

/// Whether process `pid` is alive (not gone, not a zombie).
private func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
        return false
    }
    return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
}

@Suite("glean with plugins, end to end", .serialized)
struct PluginEndToEndTests {
    @Test("the demo pipeline: Swift and Python plugins beside a built-in, same bytes at any concurrency")
    func demo() throws {
        let one = try GleanProcess.run([
            "run", "Pipelines/plugins-demo.yaml", "-i", "Pipelines/samples/news.jsonl", "--concurrency", "1", "--batch-size", "5",
            "--summary", "none",
        ])
        let four = try GleanProcess.run([
            "run", "Pipelines/plugins-demo.yaml", "-i", "Pipelines/samples/news.jsonl", "--concurrency", "4", "--batch-size", "3",
            "--summary", "none",
        ])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.output == four.output)
        let first = try JSONParser.parse(String(one.output.split(separator: "\n")[0]))
        #expect(first["keywords"]?.arrayValue?.first == ["count": 2, "word": "azerbaijan"])
        #expect(first["readability"]?["words"] == 37)
        #expect(!processes(running: "readability.py").contains { $0.parent == getpid() })
    }

    @Test("plugins never outlive glean, even when it is killed with SIGKILL")
    func noOrphans() throws {
        let scratch = try Scratch()
        let pipeline = try scratch.write(
            "p.yaml",
            "pipeline: hang\nplugins: [\(GleanProcess.packageRoot)/Plugins]\nstages:\n  - uses: plugin:misbehave\n    with: { timeout_seconds: 600 }\n"
        )
        let running = try GleanProcess.start(
            ["run", pipeline, "--summary", "none"], input: Data(#"{"id":"1","text":"HANG"}"#.utf8 + [0x0A]))
        let glean = running.process.processIdentifier
        let deadline = Date().addingTimeInterval(20)
        var plugin: Int32?
        while plugin == nil && Date() < deadline {
            plugin = processes(running: "misbehave.py").first { $0.parent == glean }?.pid
            if plugin == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        let pluginPID = try #require(plugin, "the plugin never started")
        kill(glean, SIGKILL)
        _ = try GleanProcess.finish(running)
        let gone = Date().addingTimeInterval(5)
        while isAlive(pluginPID) && Date() < gone { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!isAlive(pluginPID))
    }

    @Test("plugins list, check, describe; an unknown plugin is a validation mistake")
    func commands() throws {
        let list = try GleanProcess.run(["plugins", "--path", "Plugins"])
        #expect(list.output.contains("keywords  1.0.0"))
        #expect(list.output.contains("readability  1.0.0"))
        let check = try GleanProcess.run(["plugins", "check", "readability", "--path", "Plugins"])
        #expect(check.status == 0 && check.output.contains("handshake and sample document: ok"))
        let broken = try GleanProcess.run(["plugins", "check", "misbehave", "--path", "Plugins", "--text", "CRASH"])
        #expect(broken.status == 1 && broken.errors.contains("plugin misbehave does not work"))
        let described = try GleanProcess.run(["stages", "--plugins", "Plugins", "plugin:readability"])
        #expect(described.output.contains("decimals: an integer from 0 to 6, default 1"))
        let scratch = try Scratch()
        let pipeline = try scratch.write(
            "p.yaml", "pipeline: p\nplugins: [\(GleanProcess.packageRoot)/Plugins]\nstages:\n  - uses: plugin:readabilty\n")
        let invalid = try GleanProcess.run(["validate", pipeline])
        #expect(invalid.status == 1)
        #expect(invalid.errors.contains("unknown stage `plugin:readabilty`; did you mean `plugin:readability`?"))
        let badSetting = try scratch.write(
            "q.yaml",
            "pipeline: p\nplugins: [\(GleanProcess.packageRoot)/Plugins]\nstages:\n  - uses: plugin:readability\n    with: { decimals: 9 }\n"
        )
        let refused = try GleanProcess.run(["validate", badSetting])
        #expect(refused.errors.contains("`decimals`: expected an integer from 0 to 6, got 9"))
    }
}

@Suite("Plugin manifests")
struct PluginManifestTests {
    @Test("a plugin's declared needs are checked against the pipeline")
    func declaredNeeds() throws {
        let scratch = try Scratch()
        let missing = try scratch.write(
            "p.yaml", "pipeline: p\nplugins: [\(GleanProcess.packageRoot)/Plugins]\nstages:\n  - uses: plugin:readability\n")
        let refused = try GleanProcess.run(["validate", missing])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "stage `readability` (`plugin:readability`) needs the results of a `text-stats` stage; add a stage with `uses: text-stats` and list its id under this stage's `needs:`"
            ))
        let ok = try GleanProcess.run(["validate", GleanProcess.packageRoot + "/Pipelines/plugins-demo.yaml"])
        #expect(ok.status == 0)
    }

    @Test("a broken manifest is listed with its mistakes")
    func brokenManifest() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/bad", withIntermediateDirectories: true)
        _ = try scratch.write("bad/glean-plugin.yaml", "name: bad\ncomand: [x]\nconfiguration:\n  n: { type: integr }\n")
        let list = try GleanProcess.run(["plugins", "--path", scratch.path])
        #expect(list.output.contains("[broken manifest]"))
        #expect(list.output.contains("unknown key `comand` in a plugin manifest; did you mean `command`?"))
        #expect(list.output.contains("the manifest needs `command:`"))
        #expect(list.output.contains("unknown type `integr`"))
    }
}
