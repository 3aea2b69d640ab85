extension Substring {
    /// The pieces between each `separator`, an ASCII control character other than a carriage
    /// return (`"\n"` for lines, `"\t"` for fields), empty pieces kept: the same pieces as
    /// `split(separator: Character(separator), omittingEmptySubsequences: false)`, found by
    /// reading UTF-8 bytes instead of breaking the text into characters, which costs several
    /// times more for the resource files read when stages are built. A control character is a
    /// character of its own, except a line feed after a carriage return (`"\r\n"` is one
    /// character): that line feed is no separator here either.
    public func splitting(atControl separator: Unicode.Scalar) -> [Substring] {
        assert(separator.value < 0x20 && separator != "\r", "the separator must be an ASCII control character other than CR")
        let byte = UInt8(truncatingIfNeeded: separator.value)
        // The byte offsets of the separators.
        func separators(in bytes: some Collection<UInt8>) -> [Int] {
            var found: [Int] = []
            var previous: UInt8 = 0
            for (offset, current) in bytes.enumerated() {
                if current == byte && !(byte == 0x0A && previous == 0x0D) { found.append(offset) }
                previous = current
            }
            return found
        }
        let utf8 = self.utf8
        let offsets = utf8.withContiguousStorageIfAvailable { separators(in: $0) } ?? separators(in: utf8)
        var pieces: [Substring] = []
        pieces.reserveCapacity(offsets.count + 1)
        var start = utf8.startIndex
        var startOffset = 0
        for offset in offsets {
            let end = utf8.index(start, offsetBy: offset - startOffset)
            pieces.append(self[start..<end])
            start = utf8.index(after: end)
            startOffset = offset + 1
        }
        pieces.append(self[start..<utf8.endIndex])
        return pieces
    }
}
