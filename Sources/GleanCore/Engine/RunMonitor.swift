import Synchronization

/// Live counters of a run, read by progress displays, and the switch that stops it cleanly.
///
/// Safe to use from any thread: a signal handler calls ``requestStop()``, a progress line reads
/// the counters while the engine updates them.
public final class RunMonitor: Sendable {
    private let documentsCounter = Atomic<Int>(0)
    private let errorsCounter = Atomic<Int>(0)
    private let bytesCounter = Atomic<Int>(0)
    private let recordBytesCounter = Atomic<Int>(0)
    private let processedBytesCounter = Atomic<Int>(0)
    private let passedBytesCounter = Atomic<Int>(0)
    private let place = Mutex<Position?>(nil)
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
    /// Bytes of the records read so far (uncompressed), whether analysed, passed over or refused.
    public var recordBytes: Int { recordBytesCounter.load(ordering: .relaxed) }
    /// Bytes of the records analysed so far (uncompressed): not those `--resume` or `--shard`
    /// passed over, nor lines that could not be read.
    public var processedBytes: Int { processedBytesCounter.load(ordering: .relaxed) }
    /// Bytes of the records passed over quickly so far (done by an earlier run, or unreadable).
    public var passedBytes: Int { passedBytesCounter.load(ordering: .relaxed) }
    /// The input line most recently written, with its input's place among the run's inputs.
    public var position: Position? { place.withLock { $0 } }
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

    func recordWritten(
        documents: Int, errors: Int, bytes: Int, recordBytes: Int = 0, processedBytes: Int = 0, passedBytes: Int = 0,
        position: Position? = nil
    ) {
        documentsCounter.add(documents, ordering: .relaxed)
        errorsCounter.add(errors, ordering: .relaxed)
        bytesCounter.add(bytes, ordering: .relaxed)
        recordBytesCounter.add(recordBytes, ordering: .relaxed)
        processedBytesCounter.add(processedBytes, ordering: .relaxed)
        passedBytesCounter.add(passedBytes, ordering: .relaxed)
        if let position { place.withLock { $0 = position } }
    }

    /// Where in the input a run is: a line of one of its inputs.
    public struct Position: Sendable, Hashable {
        /// The input's name (as in the error file's `input`).
        public var input: String
        /// The line within it.
        public var line: Int
        /// Which input it is, from 0, of ``count``.
        public var index: Int
        /// How many inputs the run reads.
        public var count: Int

        /// Creates a position.
        public init(input: String, line: Int, index: Int = 0, count: Int = 1) {
            self.input = input
            self.line = line
            self.index = index
            self.count = count
        }
    }
}
