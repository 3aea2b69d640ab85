import GleanText

extension EntityRecognizer {
    /// A token of text in another language than English cut as its names are looked up: at
    /// apostrophes ("l'Ukraine", "Türkiye'de"), and at the hyphen after an abbreviation, which
    /// Azerbaijani and German write before a suffix or a compound's other part ("NATO-ya",
    /// "Aİ-nda", "NATO-Beitritt").
    static func otherLanguagePieces(of span: TextSpan, in scalars: [Unicode.Scalar]) -> [TextSpan] {
        span.splitting(in: scalars) { $0 == "'" || $0 == "\u{2019}" }.flatMap { piece -> [TextSpan] in
            guard let hyphen = scalars[piece.start..<piece.end].firstIndex(of: "-"), hyphen - piece.start >= 2,
                scalars[piece.start..<hyphen].allSatisfy(\.properties.isUppercase)
            else { return [piece] }
            var pieces = [TextSpan(start: piece.start, end: hyphen), TextSpan(start: hyphen, end: hyphen + 1)]
            if hyphen + 1 < piece.end { pieces.append(TextSpan(start: hyphen + 1, end: piece.end)) }
            return pieces
        }
    }
}
