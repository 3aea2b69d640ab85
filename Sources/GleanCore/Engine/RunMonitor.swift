import Synchronization

/// Live counters of a run, read by progress displays, and the switch that stops it cleanly.
///
/// Safe to use from any thread: a signal handler calls ``requestStop()``, a progress line reads
/// the counters while the engine updates them.
public final class RunMonitor: Sendable {
    private let documentsCounter = Atomic<Int>(0)
    private let errorsCounter = Atomic<Int>(0)
    private let bytesCounter = Atomic<Int>(0)
    private let stopFlag = Atomic<Bool>(false)
    private let stageTimes: Mutex<[Duration]>
    private let stopHandlers = Mutex<StopHandlers>(StopHandlers())

    /// Code to run once when a stop is requested, by token.
    private struct StopHandlers: ~Copyable {
        var next = 0
        var handlers: [Int: @Sendable () -> Void] = [:]
    }

    /// Creates a monitor for a pipeline of `stageCount` stages.
    public init(stageCount: Int = 0) {
        stageTimes = Mutex([Duration](repeating: .zero, count: stageCount))
    }

    /// Documents written so far.
    public var documents: Int { documentsCounter.load(ordering: .relaxed) }
    /// Documents with errors plus input lines that failed, so far.
    public var errors: Int { errorsCounter.load(ordering: .relaxed) }
    /// Input bytes consumed so far (compressed bytes for gzip input).
    public var bytesRead: Int { bytesCounter.load(ordering: .relaxed) }
    /// Whether a stop was requested.
    public var isStopRequested: Bool { stopFlag.load(ordering: .relaxed) }

    /// Asks the run to stop reading; what is in flight is finished and written whole.
    public func requestStop() {
        stopFlag.store(true, ordering: .relaxed)
        let handlers = stopHandlers.withLock { state in
            let handlers = state.handlers.values
            state.handlers = [:]
            return Array(handlers)
        }
        for handler in handlers { handler() }
    }

    /// Runs `handler` once when a stop is requested (at once if one already was), unless
    /// ``removeStopHandler(_:)`` removes it first; returns the token that removes it.
    func onStop(_ handler: @escaping @Sendable () -> Void) -> Int {
        let token: Int? = stopHandlers.withLock { state in
            if stopFlag.load(ordering: .relaxed) { return nil }
            state.next += 1
            state.handlers[state.next] = handler
            return state.next
        }
        guard let token else {
            handler()
            return 0
        }
        return token
    }

    /// Removes a handler added with ``onStop(_:)``.
    func removeStopHandler(_ token: Int) {
        stopHandlers.withLock { _ = $0.handlers.removeValue(forKey: token) }
    }

    /// Time spent in each stage so far (summed over the workers), by stage index.
    public var stageDurations: [Duration] { stageTimes.withLock { $0 } }

    func recordStageTime(_ index: Int, _ duration: Duration) {
        stageTimes.withLock { times in
            if index < times.count { times[index] += duration }
        }
    }

    func recordWritten(documents: Int, errors: Int, bytes: Int) {
        documentsCounter.add(documents, ordering: .relaxed)
        errorsCounter.add(errors, ordering: .relaxed)
        bytesCounter.add(bytes, ordering: .relaxed)
    }
}
