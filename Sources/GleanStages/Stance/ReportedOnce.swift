import Synchronization

/// Values a stage has already reported (a document field's unknown value, say), shared by every
/// copy of the stage, so that each is logged once; at most ``limit`` are remembered, after which
/// new ones are no longer reported.
final class ReportedOnce: Sendable {
    /// The most values remembered.
    static let limit = 1_000
    private let seen = Mutex<Set<String>>([])

    /// Whether `value` is new and should be reported (and is now remembered).
    func isNew(_ value: String) -> Bool {
        seen.withLock { seen in
            guard seen.count < Self.limit else { return false }
            return seen.insert(value).inserted
        }
    }
}
