#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's peak resident memory.
enum PeakMemory {
    #if canImport(Glibc)
        private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    /// Peak resident set size in bytes, from `getrusage`.
    static var bytes: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
            return Int(usage.ru_maxrss)
        #else
            return Int(usage.ru_maxrss) * 1024
        #endif
    }
}
