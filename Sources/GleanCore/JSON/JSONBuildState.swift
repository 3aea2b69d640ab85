/// What the writers of a ``SerializedJSON`` share while it is written: the text so far and how
/// deep its objects and arrays nest. Handed from a writer to the writer of a nested object or
/// array and back, so the bytes are never copied.
struct JSONBuildState {
    /// The text so far.
    var writer: JSONWriter
    /// How many objects and arrays are open.
    var depth = 0

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int) {
        writer = JSONWriter(capacity: capacity)
    }

    /// Takes the state out of `state`, leaving an empty one without storage in its place.
    static func take(from state: inout JSONBuildState) -> JSONBuildState {
        var taken = JSONBuildState(capacity: 0)
        swap(&taken, &state)
        return taken
    }

    /// The state with an object or array opened with `bracket`: for the writer of its members
    /// or elements.
    consuming func opening(_ bracket: UInt8) -> JSONBuildState {
        depth += 1
        precondition(
            depth <= JSONParser.maximumDepth, "SerializedJSON: nesting deeper than \(JSONParser.maximumDepth) levels")
        writer.writeByte(bracket)
        return self
    }

    /// Closes an object or array with `bracket` and hands the state back to the writer around
    /// it, leaving an empty one in its place.
    mutating func closing(_ bracket: UInt8) -> JSONBuildState {
        depth -= 1
        writer.writeByte(bracket)
        return Self.take(from: &self)
    }
}
