/// Writes the members of an object of a ``SerializedJSON``, each whole: made only by
/// ``SerializedJSON/object(capacity:_:)`` and by the writers of the values around it.
///
/// A key may appear once in an object; writing it a second time stops the program, as a
/// repeated key in ``JSONObjectKeys`` does.
public struct JSONObjectWriter {
    var state: JSONBuildState
    /// The keys written, by number: bit `n` for key number `n` below 64.
    private var written: UInt64 = 0
    /// The numbers of keys written from 64 up.
    private var writtenBeyond: Set<Int> = []
    /// Whether no member is written yet.
    private var isEmpty = true

    /// Opens an object at the end of `state`.
    init(opening state: consuming JSONBuildState) {
        self.state = state.opening(UInt8(ascii: "{"))
    }

    /// Closes the object and gives back the state.
    mutating func close() -> JSONBuildState {
        state.closing(UInt8(ascii: "}"))
    }

    /// Writes `key` and the separator before it, refusing a key this object already has.
    private mutating func writeKey(_ key: JSONKey) {
        let isNew: Bool
        if key.number < UInt64.bitWidth {
            let bit: UInt64 = 1 << key.number
            isNew = written & bit == 0
            written |= bit
        } else {
            isNew = writtenBeyond.insert(key.number).inserted
        }
        precondition(isNew, "SerializedJSON: the key `\(key.name)` is repeated in an object")
        if isEmpty {
            isEmpty = false
        } else {
            state.writer.writeByte(UInt8(ascii: ","))
        }
        state.writer.writeBytes(key.text)
    }

    /// Writes the member `key`: `value`.
    public mutating func write(_ key: JSONKey, _ value: JSONValue) {
        writeKey(key)
        state.writer.write(value)
    }

    /// Writes the member `key`: `value`, its text copied as it is.
    public mutating func write(_ key: JSONKey, _ value: SerializedJSON) {
        writeKey(key)
        state.writer.write(value)
    }

    /// Writes the member `key` with an object as its value: `body` writes its members.
    public mutating func writeObject(_ key: JSONKey, _ body: (inout JSONObjectWriter) throws -> Void) rethrows {
        writeKey(key)
        var object = JSONObjectWriter(opening: JSONBuildState.take(from: &state))
        // Closed even when `body` throws, so the text stays whole if the caller goes on.
        defer { state = object.close() }
        try body(&object)
    }

    /// Writes the member `key` with an array as its value: `body` appends its elements.
    public mutating func writeArray(_ key: JSONKey, _ body: (inout JSONArrayWriter) throws -> Void) rethrows {
        writeKey(key)
        var array = JSONArrayWriter(opening: JSONBuildState.take(from: &state))
        defer { state = array.close() }
        try body(&array)
    }
}
