extension OutputTrim {
    /// `json` at `detail`, trimmed in its text: what is left in is copied as it is, nothing is
    /// built as values. The same text as writing ``apply(_:detail:)`` of its value.
    public func apply(_ json: SerializedJSON, detail: OutputDetail) -> SerializedJSON {
        let paths = paths(at: detail).filter { !$0.isEmpty }.map { $0[...] }
        guard !paths.isEmpty else { return json }
        var writer = JSONWriter(capacity: json.bytes.count)
        json.bytes.withUnsafeBytes { text in Self.remove(paths, from: text, into: &writer) }
        return SerializedJSON(validBytes: writer.bytes)
    }

    /// Writes `text` without what `paths` (none of them empty) name in it.
    private static func remove(_ paths: [ArraySlice<Step>], from text: UnsafeRawBufferPointer, into writer: inout JSONWriter) {
        switch text.first {
        case UInt8(ascii: "["):
            let inner = paths.filter { $0.first == .each }.map { $0.dropFirst() }.filter { !$0.isEmpty }
            guard !inner.isEmpty else { return writer.writeRaw(text) }
            writer.writeByte(UInt8(ascii: "["))
            var isEmpty = true
            ValidJSONScanner.forEachElement(in: text) { element in
                if !isEmpty { writer.writeByte(UInt8(ascii: ",")) }
                isEmpty = false
                remove(inner, from: UnsafeRawBufferPointer(rebasing: text[element]), into: &writer)
            }
            writer.writeByte(UInt8(ascii: "]"))
        case UInt8(ascii: "{"):
            writer.writeByte(UInt8(ascii: "{"))
            var isEmpty = true
            ValidJSONScanner.forEachMember(in: text) { key, value in
                let keyText = UnsafeRawBufferPointer(rebasing: text[key])
                var inner: [ArraySlice<Step>] = []
                for path in paths {
                    guard case .key(_, let name) = path.first, name.elementsEqual(keyText) else { continue }
                    // The whole member is left out.
                    if path.count == 1 { return }
                    inner.append(path.dropFirst())
                }
                if !isEmpty { writer.writeByte(UInt8(ascii: ",")) }
                isEmpty = false
                writer.writeRaw(keyText)
                writer.writeByte(UInt8(ascii: ":"))
                let valueText = UnsafeRawBufferPointer(rebasing: text[value])
                if inner.isEmpty {
                    writer.writeRaw(valueText)
                } else {
                    remove(inner, from: valueText, into: &writer)
                }
            }
            writer.writeByte(UInt8(ascii: "}"))
        default:
            writer.writeRaw(text)
        }
    }
}
