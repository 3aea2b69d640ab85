/// People in the sentences of a document in another language than English, found by rules over
/// capitalised words in Latin and Cyrillic script, without a trained model:
///
/// - after a title ("президент Путин", "Cumhurbaşkanı Erdoğan", "Präsident Macron"), with up to
///   two lower-case words or one known name between them ("президент Франции Эмманюэль Макрон",
///   "le président français Emmanuel Macron");
/// - two or three capitalised words in a row that are no known name ("Сергей Лавров"), except in
///   languages that capitalise every noun (German), where only titles begin a person;
/// - a later word that is the surname of a person found before in the document, also inflected
///   where the language inflects ("Путина", after "Владимир Путин").
///
/// These people are not linked; known leaders are found before, as names of the language's list
/// (`names-i18n.tsv`), and linked to their ids there.
public struct OtherLanguagePeople: Sendable {
    /// The language's titles, matched in lower-cased words.
    public let titles: LocalizedCountryNames?
    /// Whether the language capitalises every noun, so that capitalised words in a row say
    /// nothing (German, Luxembourgish).
    public let capitalisesNouns: Bool
    /// How the language inflects names, for surnames' later forms.
    public let inflection: NameInflection?
    /// The beginnings of words (lower-case) that make capitalised words an organisation's or a
    /// place's name ("Merkez Bankası"); one of fewer than four letters must be the whole word.
    public let organisationWords: Set<String>
    /// The surnames found so far in the document, with their stems.
    private var surnames: Set<String> = []

    /// The finder for a language with `titles` and `organisationWords`.
    public init(language: String, titles: LocalizedCountryNames?, organisationWords: Set<String> = []) {
        self.titles = titles
        self.organisationWords = organisationWords
        capitalisesNouns = language == "de" || language == "lb"
        inflection = .of(language)
    }

    /// The people in one sentence's `words`, given the spans of names already `known` there
    /// (first word and length); remembers their surnames for the sentences after.
    public mutating func people(in words: [String], known: [(first: Int, length: Int)]) -> [(first: Int, length: Int)] {
        let nameWords = words.map(Self.isNameWord)
        guard nameWords.contains(true) else { return [] }
        var taken = [Bool](repeating: false, count: words.count)
        for span in known { for index in span.first..<(span.first + span.length) { taken[index] = true } }
        let lowered = words.map { $0.lowercased() }
        let titleSpans = titles?.matches(in: lowered) ?? []
        for span in titleSpans { for index in span.first..<(span.first + span.length) { taken[index] = true } }
        func isFree(_ index: Int) -> Bool { index < words.count && !taken[index] && nameWords[index] }
        /// The number of free name words from `start` (four at most), and whether one of them
        /// marks an organisation.
        func run(from start: Int) -> (length: Int, organisation: Bool) {
            var end = start
            while end < words.count, end - start < 4, isFree(end) { end += 1 }
            return (end - start, lowered[start..<end].contains(where: isOrganisationWord))
        }
        var found: [(first: Int, length: Int)] = []
        func take(_ first: Int, _ length: Int) {
            found.append((first, length))
            for index in first..<(first + length) { taken[index] = true }
            remember(words[first + length - 1])
        }
        for title in titleSpans {
            var index = title.first + title.length
            var skipped = 0
            var knownSkipped = false
            while index < words.count, skipped < 3 {
                if let span = known.first(where: { $0.first == index }), !knownSkipped {
                    index += span.length
                    knownSkipped = true
                } else if words[index] == "," || Self.isLowerCaseWord(words[index]) {
                    index += 1
                } else {
                    break
                }
                skipped += 1
            }
            let run = run(from: index)
            if (1...3).contains(run.length), !run.organisation { take(index, run.length) }
        }
        if !capitalisesNouns {
            var index = 0
            while index < words.count {
                var start = index
                var run = run(from: index)
                // A sentence's first word before a known surname is a common word ("Встреча Порошенко").
                if index == 0, run.length >= 2, isSurname(words[1]) {
                    take(1, 1)
                    start = 2
                    run = (run.length - 2, run.organisation)
                }
                if (2...3).contains(run.length), !run.organisation { take(start, run.length) }
                index = max(start + run.length, index + 1)
            }
        }
        for index in words.indices where isFree(index) && isSurname(words[index]) { take(index, 1) }
        return found.sorted { $0.first < $1.first }
    }

    /// Whether lower-case `word` begins with one of ``organisationWords`` (four letters or
    /// more) or is one.
    private func isOrganisationWord(_ word: String) -> Bool {
        if organisationWords.contains(word) { return true }
        var prefix = ""
        for character in word {
            prefix.append(character)
            if prefix.count >= 4, organisationWords.contains(prefix) { return true }
        }
        return false
    }

    /// Remembers `surname` and, where the language inflects, its stems.
    private mutating func remember(_ surname: String) {
        surnames.insert(surname)
        for (stem, _) in inflection?.stems(of: surname) ?? [] { surnames.insert(stem) }
    }

    /// Whether `word` is a surname found before, as written or inflected.
    private func isSurname(_ word: String) -> Bool {
        guard !surnames.isEmpty else { return false }
        if surnames.contains(word) { return true }
        return inflection?.splits(ofInflected: word).contains { surnames.contains($0.stem) } ?? false
    }

    /// Whether `word` looks like a name's word: a capital letter then lower-case letters, two
    /// letters at least, or such parts joined by hyphens ("Касым-Жомарт"); not an abbreviation
    /// ("НАТО").
    static func isNameWord(_ word: String) -> Bool {
        word.unicodeScalars.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, first.properties.isUppercase, part.count >= 2 else { return false }
            return part.dropFirst().allSatisfy(\.properties.isLowercase)
        }
    }

    /// Whether `word` is a word of lower-case letters ("français", "России" is not).
    static func isLowerCaseWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isLowercase && word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }
}
