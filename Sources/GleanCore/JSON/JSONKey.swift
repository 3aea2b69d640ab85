import Synchronization

/// An object key written ahead of time for ``JSONObjectWriter``: its name quoted, escaped and
/// followed by `:`, so writing a member copies the key's bytes instead of escaping it again.
///
/// Hold keys written many times over in `static let`s:
///
/// ```swift
/// static let start = JSONKey("start")
/// ```
public struct JSONKey: Sendable, Hashable {
    /// The key's name.
    public let name: String
    /// `"name":` as JSON text.
    let text: [UInt8]
    /// The name's number, the same for every key of this name in the process (numbered in the
    /// order names are first seen): an object tells a repeated key by it.
    let number: Int

    /// The key `name`.
    public init(_ name: String) {
        self.name = name
        var writer = JSONWriter(capacity: name.utf8.count + 3)
        writer.writeString(name)
        writer.writeByte(UInt8(ascii: ":"))
        text = writer.bytes
        number = Self.numbers.withLock { numbers in
            if let known = numbers[name] { return known }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
    }

    /// The number of each name seen.
    private static let numbers = Mutex<[String: Int]>([:])
}
