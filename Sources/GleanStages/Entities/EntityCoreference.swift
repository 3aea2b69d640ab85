/// Gives the people and organisations of one document ids that stay the same across their
/// mentions: "President Ilham Aliyev" … "Aliyev" … "Mr Aliyev" are `p1`, and "the North Atlantic
/// Treaty Organization" … "NATO" `o1`. Descriptions ("the President") are not mentions and are
/// not resolved.
///
/// People: a mention is the person of an earlier mention when both names are the same, when
/// one name's words are all words of the other (the later "Aliyev" of "Ilham Aliyev", or "Ilham
/// Aliyev" after an earlier "Aliyev"), the most recent such person first, and none of the
/// person's full names is another's ("Melania Trump" is not "Donald Trump" … "Trump"). A later
/// mention is linked as the document says (``link(_:words:to:)``). Organisations: the same
/// canonical id, the same name, or an acronym of an earlier name's capitalised words ("OSCE"
/// after "Organization for Security and Co-operation in Europe").
enum EntityCoreference {
    /// Sets ``Entity/id`` on every person (`p1`, `p2`, … in order of first mention) and
    /// organisation (`o1`, …) of `entities`, which are one document's, in text order.
    static func assignIDs(_ entities: inout [Entity]) {
        var people: [(id: String, names: [[String]], known: Entity?)] = []
        var organisations: [(id: String, canonical: String?, names: Set<String>, initials: Set<String>)] = []
        for index in entities.indices {
            let entity = entities[index]
            switch entity.kind {
            case .person:
                let words = personWords(entity.text)
                guard !words.isEmpty else { continue }
                let match = people.indices.last { candidate in
                    let person = people[candidate]
                    // One of their names, and none of their full names another's ("Melania
                    // Trump" is not "Donald Trump" … "Trump"); a known leader only as themselves.
                    guard person.names.contains(where: { sameName($0, words) }),
                        !person.names.contains(where: { $0.count > 1 && words.count > 1 && !sameName($0, words) })
                    else { return false }
                    if words.count > 1, let linked = entity.canonical, let known = person.known {
                        return known.canonical == linked
                    }
                    return true
                }
                if let match {
                    people[match].names.append(words)
                    entities[index].id = people[match].id
                    link(&entities[index], words: words, to: &people[match])
                } else {
                    let id = "p\(people.count + 1)"
                    people.append((id, [words], entity.canonical == nil ? nil : entity))
                    entities[index].id = id
                }
            case .organisation:
                let name = entity.text
                let found = organisations.indices.last { candidate in
                    let known = organisations[candidate]
                    if let canonical = entity.canonical, let other = known.canonical { return canonical == other }
                    return known.names.contains(name) || known.initials.contains(name)
                        || initials(of: name).map { initial in known.names.contains { $0 == initial } } == true
                }
                if let found {
                    organisations[found].names.insert(name)
                    if let initial = initials(of: name) { organisations[found].initials.insert(initial) }
                    if organisations[found].canonical == nil { organisations[found].canonical = entity.canonical }
                    entities[index].id = organisations[found].id
                } else {
                    let id = "o\(organisations.count + 1)"
                    organisations.append((id, entity.canonical, [name], Set([initials(of: name)].compactMap { $0 })))
                    entities[index].id = id
                }
            default:
                continue
            }
        }
    }

    /// Links a mention of a person named before in the document as the document says: a
    /// surname alone is whoever the document named with it ("Hillary Clinton" … "Clinton" is not
    /// the gazetteer's Bill Clinton; "Jill Biden" … "Biden" is no leader), and a part of a known
    /// leader's name is that leader ("Mark Carney" … "Carney").
    private static func link(
        _ entity: inout Entity, words: [String], to person: inout (id: String, names: [[String]], known: Entity?)
    ) {
        if let known = person.known {
            let leader = personWords(known.canonicalName ?? known.text) + personWords(known.text)
            guard words.count == 1 || words.allSatisfy(leader.contains) else { return }
            entity.canonical = known.canonical
            entity.canonicalName = known.canonicalName
            entity.parent = known.parent
        } else if entity.canonical != nil {
            if words.count == 1, person.names.contains(where: { $0.count > 1 }) {
                entity.canonical = nil
                entity.canonicalName = nil
                entity.parent = nil
            } else {
                person.known = entity
            }
        }
    }

    /// A person's name as words, without a trailing possessive.
    private static func personWords(_ text: String) -> [String] {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if let last = words.last, last == "'s" || last == "\u{2019}s" { words.removeLast() }
        if let last = words.last, last.hasSuffix("'s") || last.hasSuffix("\u{2019}s") {
            words[words.count - 1] = String(last.dropLast(2))
        }
        return words
    }

    /// Whether two names name one person: equal, or every word of the shorter one is a word of
    /// the longer one, its last word included ("Aliyev", "Ilham Aliyev"; not "Ilham" alone for
    /// "Heydar Aliyev").
    private static func sameName(_ one: [String], _ other: [String]) -> Bool {
        if one == other { return true }
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        guard let shortLast = short.last, let longLast = long.last else { return false }
        if short.count == 1 { return shortLast == longLast }
        return shortLast == longLast && short.allSatisfy(long.contains)
    }

    /// The initials of a name of at least three capitalised words ("Organization for Security
    /// and Co-operation in Europe" → "OSCE"; hyphenated words give one letter per part), or nil.
    private static func initials(of name: String) -> String? {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" })
        let capitals = parts.compactMap { part in part.first.flatMap { $0.isUppercase ? $0 : nil } }
        guard capitals.count >= 2, parts.count >= 2 else { return nil }
        return String(capitals)
    }
}
