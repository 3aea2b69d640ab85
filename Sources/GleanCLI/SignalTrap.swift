@preconcurrency import Dispatch
import GleanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the first SIGINT or SIGTERM into a clean stop of the run (whole lines written, summary
/// printed); a second one ends the process at once.
///
/// `@unchecked Sendable`: the dispatch sources are set once in `init` and only cancelled after.
final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they ask `monitor` to stop.
    init(monitor: RunMonitor) {
        signal(SIGPIPE, SIG_IGN)
        var installed: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if monitor.isStopRequested {
                    Terminal.standardError.write(
                        "\nglean: stopped at once; the last output line may be incomplete (--resume mends it)\n")
                    _exit(130)
                }
                Terminal.standardError.write(
                    "\nglean: stopping: finishing the documents in flight (press Ctrl-C again to quit at once)\n")
                monitor.requestStop()
            }
            source.resume()
            installed.append(source)
        }
        sources = installed
    }

    /// Removes the handlers and restores the default actions.
    func remove() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
