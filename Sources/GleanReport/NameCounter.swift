/// Counts how many documents mention each name, keeping at most a fixed number of names: when
/// it holds twice its capacity, the least mentioned half is dropped (and the largest count
/// dropped is remembered, so the page can say counts under it may be low). Exact whenever the
/// distinct names stay under the capacity.
public struct NameCounter: Sendable {
    /// One name's counts.
    public struct Entry: Sendable {
        /// The name as first written.
        public var name: String
        /// Documents that mention it.
        public var documents = 0
        /// Mentions in all.
        public var mentions = 0
        /// The first few documents that mention it.
        public var examples: [String] = []
    }

    /// Names kept after a pruning.
    public let capacity: Int
    /// The counts, by key.
    public private(set) var entries: [String: Entry] = [:]
    /// The largest document count dropped by pruning (0 when nothing was dropped).
    public private(set) var droppedBelow = 0

    /// Examples kept per name.
    static let examplesKept = 5

    /// Creates a counter keeping `capacity` names.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Counts one document's mentions of `key`.
    public mutating func add(_ key: String, name: String, mentions: Int, document: String) {
        entries[key, default: Entry(name: name)].documents += 1
        entries[key, default: Entry(name: name)].mentions += mentions
        if entries[key, default: Entry(name: name)].examples.count < Self.examplesKept {
            entries[key, default: Entry(name: name)].examples.append(document)
        }
        if entries.count > 2 * capacity { prune() }
    }

    /// Adds the counts of a later part of the file.
    public mutating func merge(_ other: NameCounter) {
        for (key, theirs) in other.entries {
            if var mine = entries[key] {
                mine.documents += theirs.documents
                mine.mentions += theirs.mentions
                mine.examples.append(contentsOf: theirs.examples.prefix(Self.examplesKept - mine.examples.count))
                entries[key] = mine
            } else {
                entries[key] = theirs
            }
        }
        droppedBelow = max(droppedBelow, other.droppedBelow)
        if entries.count > 2 * capacity { prune() }
    }

    /// The `count` most mentioned, by documents then mentions then name.
    public func top(_ count: Int) -> [(key: String, entry: Entry)] {
        entries.sorted { lhs, rhs in
            if lhs.value.documents != rhs.value.documents { return lhs.value.documents > rhs.value.documents }
            if lhs.value.mentions != rhs.value.mentions { return lhs.value.mentions > rhs.value.mentions }
            return lhs.key < rhs.key
        }
        .prefix(count).map { ($0.key, $0.value) }
    }

    private mutating func prune() {
        let kept = top(capacity)
        let keptKeys = Set(kept.map(\.key))
        for (key, entry) in entries where !keptKeys.contains(key) {
            droppedBelow = max(droppedBelow, entry.documents)
        }
        entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.entry) })
    }
}
