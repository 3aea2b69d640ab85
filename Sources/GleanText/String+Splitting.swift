extension String {
    /// The pieces between each `separator`, an ASCII control character other than a carriage
    /// return, empty pieces kept: the same pieces as `split(separator: Character(separator),
    /// omittingEmptySubsequences: false)`, read as UTF-8 bytes (``Substring/splitting(atControl:)``).
    public func splitting(atControl separator: Unicode.Scalar) -> [Substring] {
        self[...].splitting(atControl: separator)
    }
}
