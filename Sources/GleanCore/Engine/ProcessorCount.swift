import Foundation

/// The number of cores this process may run on (its CPU affinity on Linux, so `taskset`
/// and container CPU sets are honoured).
public enum ProcessorCount {
    /// The cores available to this process, at least 1.
    public static var active: Int {
        #if os(Linux)
            // `Cpus_allowed_list: 0-1,4` in /proc/self/status lists the affinity mask.
            if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
            {
                var count = 0
                for part in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
                    let bounds = part.trimmingCharacters(in: .whitespaces).split(separator: "-").compactMap { Int($0) }
                    if bounds.count == 2 { count += bounds[1] - bounds[0] + 1 } else if bounds.count == 1 { count += 1 }
                }
                if count > 0 { return count }
            }
        #endif
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
