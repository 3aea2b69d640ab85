/// Appends the elements of an array of a ``SerializedJSON``, each whole: made only by
/// ``SerializedJSON/array(capacity:_:)`` and by the writers of the values around it.
public struct JSONArrayWriter {
    var state: JSONBuildState
    /// How many elements are written.
    private var count = 0

    /// Opens an array at the end of `state`.
    init(opening state: consuming JSONBuildState) {
        self.state = state.opening(UInt8(ascii: "["))
    }

    /// Closes the array and gives back the state.
    mutating func close() -> JSONBuildState {
        state.closing(UInt8(ascii: "]"))
    }

    /// Writes the separator before an element and counts it.
    private mutating func beginElement() {
        if count > 0 { state.writer.writeByte(UInt8(ascii: ",")) }
        count += 1
    }

    /// Appends `value`.
    public mutating func append(_ value: JSONValue) {
        beginElement()
        state.writer.write(value)
    }

    /// Appends `value`, its text copied as it is.
    public mutating func append(_ value: SerializedJSON) {
        beginElement()
        state.writer.write(value)
    }

    /// Appends an object: `body` writes its members.
    public mutating func appendObject(_ body: (inout JSONObjectWriter) throws -> Void) rethrows {
        beginElement()
        var object = JSONObjectWriter(opening: JSONBuildState.take(from: &state))
        defer { state = object.close() }
        try body(&object)
    }

    /// Appends an array: `body` appends its elements.
    public mutating func appendArray(_ body: (inout JSONArrayWriter) throws -> Void) rethrows {
        beginElement()
        var array = JSONArrayWriter(opening: JSONBuildState.take(from: &state))
        defer { state = array.close() }
        try body(&array)
    }
}
