/// One of N disjoint parts of the input, chosen by a stable hash of each document's id, so N
/// processes given `--shard 0/N` … `--shard N-1/N` partition the input exactly.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This part, from 0 to `count - 1`.
    public var index: Int
    /// The number of parts.
    public var count: Int

    /// Creates shard `index` of `count`.
    public init(index: Int, count: Int) throws(GleanError) {
        guard count >= 1 else { throw GleanError(.invalidArgument, "--shard: the number of shards must be at least 1") }
        guard (0..<count).contains(index) else {
            throw GleanError(.invalidArgument, "--shard: shard \(index) of \(count) does not exist; use 0 to \(count - 1)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(GleanError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw GleanError(.invalidArgument, "--shard takes K/N, such as 0/4 (shards are numbered from 0), not `\(text)`")
        }
        try self.init(index: index, count: count)
    }

    /// Whether the document `id` belongs to this shard.
    public func contains(id: String) -> Bool {
        Int(Self.hash(id) % UInt64(count)) == index
    }

    /// Whether an input record that could not be read (it has no id) belongs to this shard: by
    /// the hash of its bytes and its line number, so exactly one of the N shards reports it.
    public func contains(unreadable bytes: UnsafeRawBufferPointer, line: Int) -> Bool {
        Int((Self.hash(bytes) ^ UInt64(truncatingIfNeeded: line)) % UInt64(count)) == index
    }

    /// FNV-1a, 64 bits, of the id's UTF-8: the same on every machine and every run.
    public static func hash(_ id: String) -> UInt64 {
        hash(id.utf8)
    }

    /// FNV-1a, 64 bits, of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
