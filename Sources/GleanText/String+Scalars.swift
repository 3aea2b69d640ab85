extension String {
    /// The string of `scalars`, encoded to UTF-8 straight into the string's storage: the same
    /// string as `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar and
    /// costs several times more for the short words that tokenising looks up.
    public init(scalars: some Collection<Unicode.Scalar>) {
        var capacity = 0
        for scalar in scalars { capacity += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[count] = unit
                    count += 1
                }
            }
            return count
        }
    }
}
