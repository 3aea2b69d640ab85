/// Rules that add what the tagger and gazetteer miss: people after a title, organisations
/// named by their head word, "the Alliance", and dates.
enum EntityRules {
    static let titles: Set<String> = [
        "President", "Minister", "Prime", "Chancellor", "Secretary", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "General",
        "King", "Queen", "Prince", "Senator", "Sen.", "Ambassador", "Spokesman", "Spokeswoman", "Premier", "Commissioner",
        "Colonel", "Col.", "Admiral", "Pope", "Sheikh", "Emir", "Governor", "Gov.", "Mayor", "Speaker",
    ]
    /// Words that may follow a bloc's name in one span and leave it the bloc ("NATO Allies",
    /// "EU member states", "CSTO peacekeeping forces").
    static let blocTailWords: Set<String> = [
        "Alliance", "alliance", "Allies", "allies", "Ally", "ally", "Allied", "allied", "Member", "member", "Members",
        "members", "State", "States", "state", "states", "Country", "Countries", "country", "countries", "Nations",
        "nations", "Partner", "Partners", "partner", "partners", "Leaders", "leaders", "Forces", "forces", "Troops",
        "troops", "Peacekeepers", "peacekeepers", "Peacekeeping", "peacekeeping", "Mission", "mission", "Missions",
        "missions", "Membership", "membership", "Accession", "accession", "Enlargement", "enlargement", "Bloc", "bloc",
        "Group", "Bloc's", "Alliance's", "Summit", "summit", "Summits", "summits",
    ]

    /// Last words that make a span a bloc's meeting wherever it is held ("NATO Vilnius Summit").
    static let meetingWords: Set<String> = ["Summit", "summit", "Summits", "Ministerial", "Conference"]

    static let organisationHeads: Set<String> = [
        "Ministry", "Department", "Council", "Committee", "Commission", "Bank", "Agency", "Party", "University",
        "Institute", "Court", "Parliament", "Assembly", "Organization", "Organisation", "Union", "Forces", "Army",
        "Navy", "Service", "Office", "Corporation", "Company", "Association", "Foundation", "Fund", "Guard", "Federation",
    ]
    /// Words of office that go with a title ("Foreign Minister", "Deputy Prime Minister").
    static let titleWords: Set<String> = [
        "Foreign", "Defence", "Defense", "Deputy", "Vice", "Interior", "Finance", "Economy", "Justice", "Chief",
        "Acting", "Former", "First", "Supreme", "Leader",
    ]
    /// Last words of the names of seas, valleys, mountains, buildings and other places that are
    /// not states ("Aegean Sea", "City Hall").
    static let placeHeads: Set<String> = [
        "Sea", "Ocean", "Valley", "Mountains", "Mountain", "River", "Lake", "Gulf", "Strait", "Peninsula", "Desert",
        "Basin", "Bay", "Coast", "Island", "Islands", "Range", "Plateau", "Corridor", "Hall", "Center", "Centre",
        "Building", "Bridge", "Bridges", "Airport", "Station", "Street", "Avenue", "Square", "Museum", "Stadium",
        "Auditorium", "Cathedral", "Palace", "Channel", "Canal", "Delta", "Hills", "Highlands", "Archipelago", "Steppe",
        "Glacier", "Reef", "Lagoon", "Falls", "Heights", "Strip",
    ]
    /// Whether the word at `index` is a head word that makes a person's name part of a longer
    /// name: a place's, an organisation's, or a trail, a doctrine, a prize named after them
    /// ("Ho Chi Minh Trail", "Truman Doctrine", "Charles de Gaulle Airport").
    static func goesOnFromPerson(_ words: [String], at index: Int) -> Bool {
        guard index < words.count else { return false }
        let word = words[index]
        return placeHeads.contains(word) || organisationHeads.contains(word) || namedAfterHeads.contains(word)
    }
    /// Whether a match of `entry` at `first` is a state's military non-alignment, not the
    /// Non-Aligned Movement: "a militarily non-aligned country" (Finland before 2023), "the
    /// military non-aligned countries of Europe" are neutrality toward the military blocs; "a
    /// non-aligned country", "the Non-Aligned Countries" are the movement.
    static func isMilitaryNonAlignment(_ entry: GazetteerEntry, _ words: [String], first: Int) -> Bool {
        entry.canonical == "NAM" && first > 0 && ["militarily", "military"].contains(words[first - 1].lowercased())
            && words[first].lowercased().hasPrefix("non")
    }

    /// Head words of things named after people that are neither places nor organisations.
    static let namedAfterHeads: Set<String> = [
        "Trail", "City", "Mosque", "Causeway", "Road", "Park", "Prize", "Doctrine", "Plan", "Line", "Dam", "Port",
    ]
    /// First words of the names of natural places ("Lake Balkhash", "Mount Ararat", "Gulf of Aden").
    static let placeOpeners: Set<String> = ["Lake", "Mount", "Mt.", "Cape", "Gulf", "Strait", "Straits", "Sea", "Bay", "Isle"]
    /// Lower-case particles inside people's names ("Ursula von der Leyen", "Mohammed bin Salman").
    static let nameParticles: Set<String> = [
        "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin", "ibn", "ben",
        "al", "el", "ter", "zu",
    ]
    /// Words after which an organisation's name follows ("oil giant Aramco", "news agency Xinhua");
    /// also any word ending in "maker" ("carmaker", "chip equipment maker").
    static let organisationCues: Set<String> = [
        "giant", "company", "firm", "group", "lender", "carrier", "conglomerate", "broadcaster", "retailer", "insurer",
        "airline", "exporter", "fund", "bank", "miner", "agency", "manufacturer", "outlet", "newspaper", "daily",
        "network", "watchdog", "regulator",
    ]

    /// Lower-case words for a kind of place, before "of" and the place's name ("the town of
    /// Handlova", "the region of Kursk").
    static let placeNouns: Set<String> = ["town", "city", "village", "region", "province", "district", "port", "island"]

    /// Whether `word` says that an organisation's name follows it.
    static func isOrganisationCue(_ word: String) -> Bool {
        organisationCues.contains(word) || (word.hasSuffix("maker") && word.first?.isLowercase == true)
    }
    /// US states and Canadian provinces as addresses write them after a town and a comma
    /// ("Spring, TX", "Trenton, N.J.", "Ottawa, Ont."): postal codes and the press's abbreviations.
    static let regionAbbreviations: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "D.C.", "Ala.", "Ariz.", "Ark.",
        "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.",
        "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.",
        "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "AB", "BC", "MB", "NB",
        "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", "Alta.", "B.C.", "Man.", "N.B.", "N.L.", "N.S.", "Ont.",
        "P.E.I.", "Que.", "Sask.",
    ]
    static let connectors: Set<String> = ["of", "for", "and", "the", "on", "de"]
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]
    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// Holidays, as dates ("Christmas Day", "New Year's Eve", "Ramadan"), the longest first.
    static let holidays: [[String]] = [
        ["New", "Year", "'s", "Day"], ["New", "Year", "'s", "Eve"], ["New", "Year", "’s", "Day"], ["New", "Year", "’s", "Eve"],
        ["Christmas", "Day"], ["Christmas", "Eve"], ["Easter", "Sunday"], ["Good", "Friday"], ["Boxing", "Day"],
        ["Eid", "al-Fitr"], ["Eid", "al-Adha"], ["Victory", "Day"], ["Christmas"], ["Easter"], ["Thanksgiving"],
        ["Ramadan"], ["Hanukkah"], ["Nowruz"],
    ]
    static let holidayStarts = Set(holidays.compactMap(\.first))

    /// Where a title inside a name the tagger took whole ends what comes before it and begins a
    /// person ("Greek Prime Minister Kyriakos Mitsotakis": "Greek", then "Kyriakos Mitsotakis"),
    /// or `nil` when no title stands inside `first...last` with a capitalised name after it.
    static func titleSplit(_ words: [String], first: Int, last: Int) -> (before: Range<Int>, person: ClosedRange<Int>)? {
        guard last > first + 1, let title = ((first + 1)..<last).first(where: { titles.contains(words[$0]) }) else {
            return nil
        }
        var person = title
        while person <= last, titles.contains(words[person]) || titleWords.contains(words[person]) { person += 1 }
        guard person <= last, isCapitalised(words[person]) else { return nil }
        var before = title
        while before > first, titleWords.contains(words[before - 1]) { before -= 1 }
        return (first..<before, person...last)
    }

    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        // ASCII without a property lookup (the same answers).
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        return word.unicodeScalars.first?.properties.isUppercase == true
    }

    static func isYear(_ word: String) -> Bool {
        guard word.count == 4, let value = Int(word) else { return false }
        return (1000...2099).contains(value)
    }

    static func isDay(_ word: String) -> Bool {
        guard
            let value = Int(
                word.hasSuffix("th") || word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd")
                    ? String(word.dropLast(2)) : word)
        else { return false }
        return (1...31).contains(value)
    }

    /// Mentions found by the rules among tokens not `taken`; marks what they cover.
    static func mentions(_ words: [String], taken: inout [Bool]) -> [EntityRecognizer.Mention] {
        var result: [EntityRecognizer.Mention] = []
        func free(_ range: ClosedRange<Int>) -> Bool { !taken[range].contains(true) }
        func take(_ first: Int, _ last: Int, _ kind: Entity.Kind) {
            result.append(EntityRecognizer.Mention(first: first, last: last, kind: kind, entry: nil))
            for index in first...last { taken[index] = true }
        }
        var index = 0
        while index < words.count {
            let word = words[index]
            // Every title, holiday, month and weekday is capitalised: other words skip those lookups.
            let capitalised = isCapitalised(word)
            // People after a title: "President Ilham Aliyev", "Prime Minister Nikol Pashinyan".
            if capitalised, titles.contains(word), index + 1 < words.count {
                var first = index + 1
                while first < words.count && titles.contains(words[first]) { first += 1 }
                var last = first - 1
                while last + 1 < words.count && isCapitalised(words[last + 1]) && !titles.contains(words[last + 1])
                    && !organisationHeads.contains(words[last + 1]) && !taken[last + 1] && last - first < 3
                {
                    last += 1
                }
                if last >= first && free(first...last) {
                    take(first, last, .person)
                    index = last + 1
                    continue
                }
            }
            // Seas, valleys, mountains: "Aegean Sea", "Fergana Valley" (not "The" at a sentence's start).
            if capitalised && !taken[index] && !titles.contains(word) && word != "The" {
                var last = index
                while last + 1 < words.count && !taken[last + 1] && isCapitalised(words[last + 1]) && last - index < 3 {
                    last += 1
                }
                if last > index && (placeHeads.contains(words[last]) || placeOpeners.contains(word)) {
                    take(index, last, .location)
                    index = last + 1
                    continue
                }
            }
            // Organisations by their head: "Ministry of Foreign Affairs", "National Security Council".
            if capitalised && !taken[index] && word != "The" {
                var last = index
                while last + 1 < words.count && !taken[last + 1]
                    && (isCapitalised(words[last + 1])
                        || (connectors.contains(words[last + 1]) && last + 2 < words.count && isCapitalised(words[last + 2])))
                {
                    last += 1
                }
                if last > index && (index...last).contains(where: { organisationHeads.contains(words[$0]) }) {
                    take(index, last, .organisation)
                    index = last + 1
                    continue
                }
            }
            // "the Alliance": linked to NATO when the document names NATO.
            if word == "Alliance" && index > 0 && words[index - 1].lowercased() == "the" && !taken[index] {
                take(index, index, .organisation)
            }
            // Holidays: "Christmas Day", "New Year's Eve".
            if capitalised, !taken[index], holidayStarts.contains(word),
                let holiday = holidays.first(where: {
                    index + $0.count <= words.count && words[index..<(index + $0.count)].elementsEqual($0)
                }), free(index...(index + holiday.count - 1))
            {
                take(index, index + holiday.count - 1, .date)
                index += holiday.count
                continue
            }
            // Dates: "5 December 2024", "December 5, 2024", "December 2024", "in 1994", "Monday".
            if !taken[index] {
                if capitalised && months.contains(word) && word != "May"
                    || (word == "May" && index + 1 < words.count && (isDay(words[index + 1]) || isYear(words[index + 1])))
                {
                    var first = index
                    var last = index
                    if index > 0 && isDay(words[index - 1]) && !taken[index - 1] { first = index - 1 }
                    if last + 1 < words.count && isDay(words[last + 1]) { last += 1 }
                    if last + 1 < words.count && words[last + 1] == "," && last + 2 < words.count && isYear(words[last + 2]) {
                        last += 2
                    } else if last + 1 < words.count && isYear(words[last + 1]) {
                        last += 1
                    }
                    if free(first...last) { take(first, last, .date) }
                    index = last + 1
                    continue
                }
                if isYear(word) || (capitalised && weekdays.contains(word))
                    || (word.hasSuffix("0s") && isYear(String(word.dropLast())))
                {
                    take(index, index, .date)
                }
            }
            index += 1
        }
        return result
    }
}
