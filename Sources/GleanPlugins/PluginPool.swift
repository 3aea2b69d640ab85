import GleanCore
import Logging

/// Supervises the instances of one plugin stage: starts them on demand, spreads requests over
/// them with several in flight each, restarts crashed or wedged ones with back-off, recycles
/// them after N documents or above a memory limit, and gives up after repeated failures.
actor PluginPool {
    /// Consecutive failures (failed starts or crashes without a success between) before the
    /// plugin is declared broken for the rest of the run.
    static let maximumConsecutiveFailures = 16

    private struct Slot {
        var process: PluginProcess?
        var starting: Task<Launched, any Error>?
        var inFlight = 0
        var documents = 0
        var consecutiveFailures = 0
    }

    private let manifest: PluginManifest
    private let stageID: String
    private let configuration: JSONValue
    private let options: PluginHostOptions
    private let logger: Logger
    private var slots: [Slot]
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var broken: PluginFailure?
    private var next = 0
    /// The largest batch the plugin accepts: its `initialize` answer's `max_batch` (default 1000).
    private var maxBatch = 1000
    /// Whether an instance has completed the handshake, so ``maxBatch`` is the plugin's own.
    private var handshakeDone = false

    /// A started instance and the largest batch it accepts.
    private struct Launched: Sendable {
        var process: PluginProcess
        var maxBatch: Int?
    }

    init(manifest: PluginManifest, stageID: String, configuration: JSONValue, options: PluginHostOptions, logger: Logger) {
        self.manifest = manifest
        self.stageID = stageID
        self.configuration = configuration
        self.options = options
        self.logger = logger
        slots = Array(repeating: Slot(), count: max(1, options.instances))
    }

    /// Sends one `analyze` request (its params already serialised) and returns the answer's
    /// `result` as JSON text, with the number of results it holds.
    func analyze(_ params: [UInt8]) async throws(PluginFailure) -> AnalyzeAnswer {
        if let broken { throw broken }
        let index = await acquire()
        defer { release(index) }
        let process = try await started(index)
        do throws(PluginFailure) {
            let raw = try await process.request("analyze", serializedParams: params, timeout: options.timeout)
            guard let answer = AnalyzeAnswer(raw) else {
                throw PluginFailure(.protocolError, "plugin \(manifest.name) answered `analyze` without a `results` list")
            }
            slots[index].consecutiveFailures = 0
            slots[index].documents += answer.elements.count
            recycleIfNeeded(index, process)
            return answer
        } catch {
            if error.kind == .crashed || error.kind == .timedOut {
                retire(index, process, after: error)
            }
            throw error
        }
    }

    /// The largest batch to send, from the plugin's handshake; starts an instance first when
    /// none has completed one yet (a failure to start is recorded and surfaces on `analyze`).
    func batchLimit() async -> Int {
        if !handshakeDone && broken == nil {
            let index = await acquire()
            defer { release(index) }
            _ = try? await started(index)
        }
        return maxBatch
    }

    /// Shuts every instance down (kills those that ignore `shutdown` after the grace period).
    func shutdown() async {
        let processes = slots.compactMap(\.process)
        for index in slots.indices { slots[index].process = nil }
        await withTaskGroup(of: Void.self) { group in
            for process in processes {
                let grace = options.shutdownGrace
                group.addTask { await process.shutdown(grace: grace) }
            }
        }
    }

    // MARK: - Slots

    /// A slot with room for another request, waiting while every slot is full.
    private func acquire() async -> Int {
        while true {
            for offset in 0..<slots.count {
                let index = (next + offset) % slots.count
                if slots[index].inFlight < options.maxInFlight {
                    next = (index + 1) % slots.count
                    slots[index].inFlight += 1
                    return index
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func release(_ index: Int) {
        slots[index].inFlight -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    /// The slot's running process, starting one (after the back-off its failures call for).
    private func started(_ index: Int) async throws(PluginFailure) -> PluginProcess {
        if let process = slots[index].process, !process.hasExited { return process }
        let task: Task<Launched, any Error>
        if let starting = slots[index].starting {
            task = starting
        } else {
            let failures = slots[index].consecutiveFailures
            let manifest = manifest
            let configuration = configuration
            let stageID = stageID
            let options = options
            let logger = logger
            task = Task {
                if failures > 0 {
                    let delay = min(10 * (1 << min(failures - 1, 7)), 1000)
                    try? await Task.sleep(for: .milliseconds(delay))
                }
                return try await PluginPool.launch(
                    manifest, stageID: stageID, configuration: configuration, options: options, logger: logger)
            }
            slots[index].starting = task
        }
        do {
            let launched = try await task.value
            slots[index].starting = nil
            slots[index].process = launched.process
            slots[index].documents = 0
            if let limit = launched.maxBatch, limit >= 1 { maxBatch = limit }
            handshakeDone = true
            return launched.process
        } catch {
            slots[index].starting = nil
            let failure = (error as? PluginFailure) ?? PluginFailure(.startFailed, "plugin \(manifest.name): \(error)")
            noteFailure(index, failure)
            throw failure
        }
    }

    /// Starts an instance and completes the handshake.
    private static func launch(
        _ manifest: PluginManifest, stageID: String, configuration: JSONValue, options: PluginHostOptions, logger: Logger
    ) async throws(PluginFailure) -> Launched {
        let process = try PluginProcess(manifest: manifest, logger: logger)
        do throws(PluginFailure) {
            let answer = try await process.request(
                "initialize",
                ["protocol_version": .int(PluginProtocol.version), "stage_id": .string(stageID), "configuration": configuration],
                timeout: options.startupTimeout)
            if let version = answer["protocol_version"]?.intValue, version != PluginProtocol.version {
                throw PluginFailure(
                    .protocolError,
                    "plugin \(manifest.name) speaks protocol \(version); this Glean speaks \(PluginProtocol.version)")
            }
            return Launched(process: process, maxBatch: answer["max_batch"]?.intValue)
        } catch {
            await process.killAndWait()
            let reason =
                error.kind == .crashed || error.kind == .timedOut ? "during the handshake: \(error.message)" : error.message
            throw PluginFailure(
                error.kind == .protocolError || error.kind == .rejected ? error.kind : .startFailed,
                "plugin \(manifest.name) failed to start \(reason)")
        }
    }

    private func noteFailure(_ index: Int, _ failure: PluginFailure) {
        slots[index].consecutiveFailures += 1
        if failure.kind == .protocolError || failure.kind == .rejected
            || slots[index].consecutiveFailures >= Self.maximumConsecutiveFailures
        {
            broken = PluginFailure(
                failure.kind == .rejected ? .startFailed : failure.kind,
                failure.message + " (giving up on this plugin for the rest of the run)")
            logger.error("\(failure.message); giving up on plugin \(manifest.name)")
        } else {
            logger.warning("\(failure.message); restarting it")
        }
    }

    private func retire(_ index: Int, _ process: PluginProcess, after failure: PluginFailure) {
        guard slots[index].process === process else { return }
        process.kill()
        slots[index].process = nil
        noteFailure(index, failure)
    }

    private func recycleIfNeeded(_ index: Int, _ process: PluginProcess) {
        guard slots[index].process === process else { return }
        var reason: String?
        if let limit = options.restartAfter, slots[index].documents >= limit {
            reason = "after \(slots[index].documents) documents (restart_after)"
        } else if let limit = options.maxResidentMegabytes, let resident = process.residentMegabytes, resident > limit {
            reason = "at \(resident) MB resident (max_rss_mb \(limit))"
        }
        guard let reason else { return }
        logger.info("recycling plugin \(manifest.name) \(reason)")
        slots[index].process = nil
        let grace = options.shutdownGrace
        Task { await process.shutdown(grace: grace) }
    }
}

/// Constants of the plugin protocol.
public enum PluginProtocol {
    /// The protocol version this host speaks.
    public static let version = 1
}

/// The `result` of an `analyze` answer, as JSON text with the byte ranges of its `results`.
struct AnalyzeAnswer: Sendable {
    /// The answer's bytes.
    let bytes: [UInt8]
    /// Each element of `results`, as a range of ``bytes``.
    let elements: [Range<Int>]

    /// Finds the `results` list, or `nil` when there is none.
    init?(_ bytes: [UInt8]) {
        let found = bytes.withUnsafeBytes { raw -> [Range<Int>]? in
            guard let members = try? JSONParser.scanMembers(raw),
                let results = members.first(where: { $0.key == "results" })?.value,
                let elements = try? JSONParser.scanArray(UnsafeRawBufferPointer(rebasing: raw[results]))
            else { return nil }
            return elements.map { ($0.lowerBound + results.lowerBound)..<($0.upperBound + results.lowerBound) }
        }
        guard let found else { return nil }
        self.bytes = bytes
        elements = found
    }
}
