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
