extension TextSpan {
    /// This span cut before a possessive `'s` or `’s` at its end ("Türkiye’s" → "Türkiye", "’s"),
    /// or the span alone.
    public func splittingPossessive(in scalars: [Unicode.Scalar]) -> [TextSpan] {
        guard length > 2, scalars[end - 1] == "s" || scalars[end - 1] == "S",
            scalars[end - 2] == "'" || scalars[end - 2] == "\u{2019}"
        else { return [self] }
        return [TextSpan(start: start, end: end - 2), TextSpan(start: end - 2, end: end)]
    }

    /// This span cut around each scalar that `isSeparator` accepts, each of those a span of its
    /// own ("l'Ukraine" → "l", "'", "Ukraine"; "Euro-Atlantic" → "Euro", "-", "Atlantic").
    public func splitting(in scalars: [Unicode.Scalar], around isSeparator: (Unicode.Scalar) -> Bool) -> [TextSpan] {
        var pieces: [TextSpan] = []
        var pieceStart = start
        for index in start..<end where isSeparator(scalars[index]) {
            if index > pieceStart { pieces.append(TextSpan(start: pieceStart, end: index)) }
            pieces.append(TextSpan(start: index, end: index + 1))
            pieceStart = index + 1
        }
        if pieceStart < end { pieces.append(TextSpan(start: pieceStart, end: end)) }
        return pieces
    }
}
