import CGleanSpawn
import Foundation
import GleanCore
import Logging
import Synchronization

/// One running plugin instance: its process, a thread reading its output line by line, a thread
/// draining its log, and the JSON-RPC requests in flight.
final class PluginProcess: Sendable {
    let name: String
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private let errors: Int32
    private let logger: Logger
    private let writer: DispatchQueue
    private let state = Mutex(State())

    private struct State {
        var nextID = 1
        var pending: [Int: CheckedContinuation<[UInt8], any Error>] = [:]
        var exited: String?
        /// Whether the plugin's input is closed (its descriptor may already belong to another file).
        var inputClosed = false
    }

    /// Starts the plugin described by `manifest`.
    init(manifest: PluginManifest, logger: Logger) throws(PluginFailure) {
        name = manifest.name
        self.logger = logger
        let arguments = [manifest.executable] + manifest.command.dropFirst()
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArguments.append(nil)
        defer { for pointer in cArguments { free(pointer) } }
        var stdinFD: Int32 = -1
        var stdoutFD: Int32 = -1
        var stderrFD: Int32 = -1
        var errorNumber: Int32 = 0
        let spawned = cArguments.withUnsafeBufferPointer { argv in
            argv.baseAddress.map { base in
                base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: argv.count) { pointer in
                    glean_spawn(pointer, manifest.folder, &stdinFD, &stdoutFD, &stderrFD, &errorNumber)
                }
            } ?? -1
        }
        guard spawned > 0 else {
            let reason = String(cString: strerror(errorNumber))
            throw PluginFailure(.startFailed, "plugin \(manifest.name) failed to start `\(manifest.executable)`: \(reason)")
        }
        pid = spawned
        input = stdinFD
        output = stdoutFD
        errors = stderrFD
        writer = DispatchQueue(label: "glean.plugin.\(manifest.name).writer")
        let readerThread = Thread { [self] in readOutput() }
        readerThread.name = "glean.plugin.\(manifest.name).stdout"
        readerThread.start()
        let logThread = Thread { [self] in drainLog() }
        logThread.name = "glean.plugin.\(manifest.name).stderr"
        logThread.start()
    }

    /// Whether the process has gone (exited, crashed or was killed).
    var hasExited: Bool { state.withLock { $0.exited != nil } }

    /// Resident memory in megabytes, when known.
    var residentMegabytes: Int? {
        let kilobytes = glean_rss_kb(pid)
        return kilobytes < 0 ? nil : kilobytes / 1024
    }

    /// Sends a request and waits for its answer's `result`.
    func request(_ method: String, _ params: JSONValue, timeout: Duration) async throws(PluginFailure) -> JSONValue {
        let raw = try await request(method, serializedParams: JSONWriter.serialize(params), timeout: timeout)
        return (try? JSONParser.parse(raw)) ?? .null
    }

    /// Sends a request whose params are already JSON text; returns its answer's `result` as JSON
    /// text, so the caller reads only what it needs of it.
    func request(_ method: String, serializedParams params: [UInt8], timeout: Duration) async throws(PluginFailure) -> [UInt8] {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        var line = JSONWriter(capacity: params.count + 64)
        line.writeRaw(#"{"jsonrpc":"2.0","id":"#.utf8)
        line.write(.int(id))
        line.writeRaw(#","method":"#.utf8)
        line.writeString(method)
        line.writeRaw(#","params":"#.utf8)
        line.writeRaw(params)
        line.writeRaw("}\n".utf8)
        let bytes = line.bytes
        let timer = Task { [self] in
            try await Task.sleep(for: timeout)
            fail(id, PluginFailure(.timedOut, "plugin \(name) did not answer `\(method)` within \(timeout)"))
            kill()
        }
        defer { timer.cancel() }
        do {
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8], any Error>) in
                let exited = state.withLock { state -> String? in
                    if let reason = state.exited { return reason }
                    state.pending[id] = continuation
                    return nil
                }
                if let exited {
                    continuation.resume(throwing: PluginFailure(.crashed, "plugin \(name) \(exited)"))
                    return
                }
                writer.async { [self] in
                    if !writeAll(bytes) {
                        fail(id, PluginFailure(.crashed, "plugin \(name) closed its input (it exited?)"))
                    }
                }
            }
        } catch let failure as PluginFailure {
            throw failure
        } catch {
            throw PluginFailure(.crashed, "plugin \(name): \(error)")
        }
    }

    /// Asks the plugin to shut down; kills its process group after `grace` if it has not exited.
    func shutdown(grace: Duration) async {
        if !hasExited {
            _ = try? await request("shutdown", [:], timeout: grace)
            closeInput()
            let deadline = ContinuousClock.now + grace
            while !hasExited && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        await killAndWait()
    }

    /// Kills the process group at once.
    func kill() {
        glean_kill_group(pid, SIGKILL)
    }

    /// Kills the process group and waits (at most `limit`) until the process is reaped.
    func killAndWait(limit: Duration = .seconds(2)) async {
        kill()
        let deadline = ContinuousClock.now + limit
        while !hasExited && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    private func fail(_ id: Int, _ failure: PluginFailure) {
        let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
        continuation?.resume(throwing: failure)
    }

    /// Closes the plugin's input once, on the writer queue after the writes queued before it.
    /// Closing it twice could close a descriptor the system has since given to another plugin.
    private func closeInput() {
        writer.async { [self] in
            let first = state.withLock { state -> Bool in
                defer { state.inputClosed = true }
                return !state.inputClosed
            }
            if first { close(input) }
        }
    }

    /// Writes all of `bytes` to the plugin's input (run on the writer queue); false when the
    /// input is closed or the write fails.
    private func writeAll(_ bytes: [UInt8]) -> Bool {
        guard !state.withLock({ $0.inputClosed }) else { return false }
        return bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let count = write(input, base + offset, buffer.count - offset)
                if count > 0 {
                    offset += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Reads the plugin's output: 1 MiB reads split at newlines with `memchr`; each line is a
    /// response, or is reported as non-protocol output and dropped.
    private func readOutput() {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            buffer.withUnsafeBytes { chunk in
                var start = 0
                guard let base = chunk.baseAddress else { return }
                while start < count, let found = memchr(base + start, 0x0A, count - start) {
                    let end = base.distance(to: UnsafeRawPointer(found))
                    if pending.isEmpty {
                        handle(line: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                    } else {
                        pending.append(contentsOf: chunk[start..<end])
                        pending.withUnsafeBytes { handle(line: $0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
                if start < count { pending.append(contentsOf: chunk[start..<count]) }
            }
        }
        close(output)
        var status: Int32 = 0
        var reaped = false
        for _ in 0..<200 where !reaped {
            reaped = glean_try_wait(pid, &status) == 1
            if !reaped { usleep(5_000) }
        }
        if !reaped {
            glean_kill_group(pid, SIGKILL)
            reaped = glean_try_wait(pid, &status) == 1 || waitpid(pid, &status, 0) == pid
        }
        let reason: String
        if status & 0x7F == 0 {
            reason = "exited with status \((status >> 8) & 0xFF)"
        } else {
            reason = "was killed by signal \(status & 0x7F)"
        }
        let orphans = state.withLock { state -> [CheckedContinuation<[UInt8], any Error>] in
            state.exited = reason
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for continuation in orphans {
            continuation.resume(throwing: PluginFailure(.crashed, "plugin \(name) \(reason) with a request in flight"))
        }
        closeInput()
    }

    private func handle(line: UnsafeRawBufferPointer) {
        var bytes = line
        if bytes.last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        var id: Int?
        var version: String?
        var result: Range<Int>?
        var error: Range<Int>?
        if let members = try? JSONParser.scanMembers(bytes) {
            for member in members {
                switch member.key {
                case "jsonrpc": version = try? JSONParser.string(scanned: member, in: bytes)
                case "id": id = (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[member.value])))?.intValue
                case "result": result = member.value
                case "error": error = member.value
                default: break
                }
            }
        }
        guard version == "2.0", let id, result != nil || error != nil else {
            let excerpt = String(decoding: bytes.prefix(200), as: UTF8.self)
            logger.warning("plugin \(name) wrote non-protocol output: \(excerpt)")
            return
        }
        let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
        guard let continuation else {
            logger.warning("plugin \(name) answered an unknown request id \(id); ignored")
            return
        }
        if let error {
            let detail = (try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[error]))) ?? .null
            let text = detail["message"]?.stringValue ?? JSONWriter.string(detail)
            continuation.resume(throwing: PluginFailure(.rejected, "plugin \(name): \(text)"))
        } else if let result {
            continuation.resume(returning: Array(bytes[result]))
        }
    }

    /// Forwards the plugin's standard error to the log, line by line (long lines cut), so a
    /// chatty plugin never blocks on a full pipe.
    private func drainLog() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var line: [UInt8] = []
        var dropped = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            for byte in buffer[0..<count] {
                if byte == 0x0A {
                    if !line.isEmpty { logger.info("plugin \(name): \(String(decoding: line, as: UTF8.self))") }
                    line.removeAll(keepingCapacity: true)
                } else if line.count < 1000 {
                    line.append(byte)
                } else {
                    dropped += 1
                }
            }
        }
        if !line.isEmpty { logger.info("plugin \(name): \(String(decoding: line, as: UTF8.self))") }
        close(errors)
    }
}
