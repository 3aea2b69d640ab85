import Dispatch

/// A serial thread for blocking file I/O, so reads and writes never occupy the cooperative
/// pool that runs the stages.
public final class BlockingIOQueue: Sendable {
    private let queue: DispatchQueue

    /// Creates a queue; `label` names its thread.
    public init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `body` on the queue's thread and returns its result.
    public func run<Result: Sendable>(_ body: @escaping @Sendable () throws(GleanError) -> Result) async throws(GleanError)
        -> Result
    {
        let outcome: Swift.Result<Result, GleanError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(GleanError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }
}
