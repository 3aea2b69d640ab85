import Foundation
import GleanCore

/// The progress line on standard error while a run goes: documents, documents per second,
/// MB/s, errors and, when the input's size is known, the time left.
final class ProgressDisplay: Sendable {
    private let monitor: RunMonitor
    private let totalBytes: Int?
    private let task: Task<Void, Never>

    /// Starts redrawing the line twice a second.
    init(monitor: RunMonitor, totalBytes: Int?) {
        self.monitor = monitor
        self.totalBytes = totalBytes
        let started = ContinuousClock.now
        task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                if Task.isCancelled { break }
                let line = ProgressDisplay.line(monitor: monitor, totalBytes: totalBytes, elapsed: ContinuousClock.now - started)
                Terminal.standardError.write("\r\u{1B}[K" + line)
            }
        }
    }

    /// Stops and erases the line.
    func stop() {
        task.cancel()
        Terminal.standardError.write("\r\u{1B}[K")
    }

    /// The text of the line.
    ///
    /// Rates are over the bytes analysed, not those passed over (lines an earlier run finished,
    /// lines that could not be read): those go by in no time and would make the run look
    /// faster than it is. The time left assumes the rest of the input goes at the rate of the
    /// part analysed so far.
    static func line(monitor: RunMonitor, totalBytes: Int?, elapsed: Duration) -> String {
        let seconds = max(elapsed.seconds, 0.001)
        let documents = monitor.documents
        let bytes = monitor.bytesRead
        var parts = [
            "\(Format.count(documents)) docs",
            "\(Format.rate(Double(documents) / seconds)) docs/s",
            "\(Format.rate(Double(monitor.processedBytes) / seconds / 1_000_000)) MB/s",
            "\(Format.count(monitor.errors)) errors",
        ]
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            parts.insert("\(Int(fraction * 100))%", at: 0)
            let records = monitor.recordBytes
            let worked = records > 0 ? Double(bytes) * Double(records - monitor.passedBytes) / Double(records) : 0
            if worked > 0 {
                let left = Double(totalBytes - min(bytes, totalBytes)) / (worked / seconds)
                parts.append("ETA \(Format.clock(left))")
            }
        }
        if let position = monitor.position {
            let name = position.input == "-" ? "stdin" : position.input
            var place = "\(name):\(position.line)"
            if position.count > 1 { place += " (\(position.index + 1)/\(position.count))" }
            parts.append(place)
        }
        return "glean: " + parts.joined(separator: "  ")
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
