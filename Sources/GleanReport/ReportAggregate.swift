/// What the report shows, counted while the results stream by: the stance matrix with capped
/// evidence, stance and tone over time, tone by country, languages, the most mentioned entities
/// and the run's accounting. Its size depends on the number of distinct actors, blocs, days and
/// names (each bounded), never on the number of documents.
///
/// Batches are counted separately and merged in file order, so the evidence kept for a cell is
/// its first ``Limits/evidencePerCell`` items in the file, whatever the concurrency.
public struct ReportAggregate: Sendable {
    /// Caps that keep the aggregate (and the page) small.
    public struct Limits: Sendable {
        /// Evidence items kept per actor–bloc cell; the rest are counted.
        public var evidencePerCell = 8
        /// Distinct names kept per entity kind before the rarest are dropped.
        public var namesPerKind = 20_000
        /// Actor–bloc–day cells kept before the timeline falls back to months.
        public var timelineCells = 200_000

        /// The default caps.
        public init() {}
    }

    /// The caps in force.
    public var limits: Limits
    /// Results lines read.
    public var documents = 0
    /// Documents with an alignment-stance result (possibly empty).
    public var documentsWithStance = 0
    /// Documents with at least one stage skipped.
    public var documentsSkipped = 0
    /// Documents with at least one failed stage.
    public var documentsFailed = 0
    /// `stage: reason` → documents.
    public var skipReasons: [String: Int] = [:]
    /// `stage: code` → documents.
    public var errorCodes: [String: Int] = [:]
    /// Each actor–bloc cell.
    public var cells: [PairKey: Cell] = [:]
    /// Actor names by id.
    public var actorNames: [String: String] = [:]
    /// Bloc names by id.
    public var blocNames: [String: String] = [:]
    /// Documents per language code (`?` when none).
    public var languages: [String: Int] = [:]
    /// Language names by code.
    public var languageNames: [String: String] = [:]
    /// Tone of the documents that mention each linked country.
    public var toneByCountry: [String: ToneSum] = [:]
    /// Tone of all documents, per day (or month; see ``timelineInMonths``).
    public var toneOverTime: [Int: ToneSum] = [:]
    /// The most mentioned people, organisations and countries.
    public var people: NameCounter
    /// Organisations (blocs included).
    public var organisations: NameCounter
    /// Countries (linked GPE with an ISO code).
    public var countries: NameCounter
    /// Documents with a readable date.
    public var documentsWithDate = 0
    /// Whether time keys are months since 1970 rather than days (set once the day cells pass
    /// ``Limits/timelineCells``).
    public var timelineInMonths = false
    private var timelineCellCount = 0

    /// Creates an empty aggregate.
    public init(limits: Limits = Limits()) {
        self.limits = limits
        people = NameCounter(capacity: limits.namesPerKind)
        organisations = NameCounter(capacity: limits.namesPerKind)
        countries = NameCounter(capacity: limits.namesPerKind)
    }

    /// An actor and a bloc.
    public struct PairKey: Sendable, Hashable, Comparable {
        /// The actor's ISO code.
        public var actor: String
        /// The bloc's id.
        public var bloc: String

        /// Creates a key.
        public init(actor: String, bloc: String) {
            self.actor = actor
            self.bloc = bloc
        }

        /// Actor, then bloc.
        public static func < (lhs: PairKey, rhs: PairKey) -> Bool { (lhs.actor, lhs.bloc) < (rhs.actor, rhs.bloc) }
    }

    /// One actor–bloc cell: its stances, evidence and timeline.
    public struct Cell: Sendable {
        /// Pairs per primary stance.
        public var counts = StanceCounts()
        /// The first pairs in the file, with their evidence.
        public var evidence: [EvidenceItem] = []
        /// Pairs not kept as evidence.
        public var moreEvidence = 0
        /// Per time key: stances and the tone of the documents.
        public var timeline: [Int: TimePoint] = [:]
        /// Sum of the pairs' confidence.
        public var confidenceSum = 0.0
    }

    /// Stances and tone at one time.
    public struct TimePoint: Sendable {
        /// Pairs per stance.
        public var counts = StanceCounts()
        /// The tone of the documents behind them.
        public var tone = ToneSum()
    }

    /// One pair behind a cell: the document, the stance and the first cues.
    public struct EvidenceItem: Sendable {
        /// The document's id.
        public var document: String
        /// Its date field.
        public var date: String?
        /// Its title, when kept.
        public var title: String?
        /// The pair's stance.
        public var stance: String
        /// Other stances.
        public var also: [String]
        /// The pair's confidence.
        public var confidence: Double?
        /// The year the stance is dated to.
        public var asOf: Int?
        /// Up to four cues, with their sentences.
        public var cues: [StanceEvidence]
    }

    /// Counts one document.
    public mutating func add(_ document: ResultDocument) {
        documents += 1
        if !document.skipped.isEmpty { documentsSkipped += 1 }
        if !document.errors.isEmpty { documentsFailed += 1 }
        for skip in document.skipped { skipReasons["\(skip.stage): \(skip.reason)", default: 0] += 1 }
        for error in document.errors { errorCodes["\(error.stage): \(error.code)", default: 0] += 1 }
        if document.hasStance { documentsWithStance += 1 }
        languages[document.language ?? "?", default: 0] += 1
        if let code = document.language, let name = document.languageName, languageNames[code] == nil {
            languageNames[code] = name
        }
        let day = document.date.flatMap(CivilDate.day)
        if day != nil { documentsWithDate += 1 }
        let time = day.map(timeKey)
        if let tone = document.tone, let time { toneOverTime[time, default: ToneSum()].add(tone) }
        for pair in document.pairs {
            let key = PairKey(actor: pair.actorID, bloc: pair.blocID)
            if let name = pair.actorName, actorNames[pair.actorID] == nil { actorNames[pair.actorID] = name }
            if let name = pair.blocName, blocNames[pair.blocID] == nil { blocNames[pair.blocID] = name }
            var cell = cells.removeValue(forKey: key) ?? Cell()  // out and back: changed in place, not copied
            cell.counts.add(pair.stance)
            cell.confidenceSum += pair.confidence ?? 0
            if cell.evidence.count < limits.evidencePerCell {
                var cues = Array(pair.evidence.prefix(4))
                for index in cues.indices where cues[index].text == nil {
                    cues[index].text = document.sentence(start: cues[index].start, end: cues[index].end)
                }
                cell.evidence.append(
                    EvidenceItem(
                        document: document.id, date: document.date, title: document.title, stance: pair.stance,
                        also: pair.also, confidence: pair.confidence, asOf: pair.asOf, cues: cues))
            } else {
                cell.moreEvidence += 1
            }
            if let time {
                if cell.timeline[time] == nil { timelineCellCount += 1 }
                cell.timeline[time, default: TimePoint()].counts.add(pair.stance)
                if let tone = document.tone { cell.timeline[time, default: TimePoint()].tone.add(tone) }
            }
            cells[key] = cell
        }
        if let distinct = document.distinct {
            for entity in distinct {
                switch entity.type {
                case "PERSON": people.add(entity.key, name: entity.text, mentions: entity.mentions, document: document.id)
                case "ORG":
                    organisations.add(entity.key, name: entity.text, mentions: entity.mentions, document: document.id)
                case "GPE" where entity.canonical?.utf8.count == 2:
                    countries.add(entity.key, name: entity.text, mentions: entity.mentions, document: document.id)
                    if let tone = document.tone { toneByCountry[entity.key, default: ToneSum()].add(tone) }
                default: break
                }
            }
        }
        if timelineCellCount > limits.timelineCells { coarsenTimeline() }
    }

    /// Adds an aggregate of the documents that follow this one's in the file.
    public mutating func merge(_ other: ReportAggregate) {
        var other = other
        if timelineInMonths != other.timelineInMonths {
            coarsenTimeline()
            other.coarsenTimeline()
        }
        documents += other.documents
        documentsWithStance += other.documentsWithStance
        documentsSkipped += other.documentsSkipped
        documentsFailed += other.documentsFailed
        documentsWithDate += other.documentsWithDate
        skipReasons.merge(other.skipReasons, uniquingKeysWith: +)
        errorCodes.merge(other.errorCodes, uniquingKeysWith: +)
        languages.merge(other.languages, uniquingKeysWith: +)
        languageNames.merge(other.languageNames) { mine, _ in mine }
        actorNames.merge(other.actorNames) { mine, _ in mine }
        blocNames.merge(other.blocNames) { mine, _ in mine }
        toneByCountry.merge(other.toneByCountry) { $0.adding($1) }
        toneOverTime.merge(other.toneOverTime) { $0.adding($1) }
        for (key, theirs) in other.cells {
            guard var cell = cells.removeValue(forKey: key) else {
                cells[key] = theirs
                timelineCellCount += theirs.timeline.count
                continue
            }
            cell.counts.add(theirs.counts)
            cell.confidenceSum += theirs.confidenceSum
            let room = max(0, limits.evidencePerCell - cell.evidence.count)
            cell.evidence.append(contentsOf: theirs.evidence.prefix(room))
            cell.moreEvidence += theirs.moreEvidence + max(0, theirs.evidence.count - room)
            for (time, point) in theirs.timeline {
                if cell.timeline[time] == nil { timelineCellCount += 1 }
                cell.timeline[time, default: TimePoint()].counts.add(point.counts)
                cell.timeline[time, default: TimePoint()].tone = cell.timeline[time, default: TimePoint()].tone.adding(
                    point.tone)
            }
            cells[key] = cell
        }
        people.merge(other.people)
        organisations.merge(other.organisations)
        countries.merge(other.countries)
        if timelineCellCount > limits.timelineCells { coarsenTimeline() }
    }

    private func timeKey(_ day: Int) -> Int {
        timelineInMonths ? Self.month(ofDay: day) : day
    }

    /// Months since January 1970 of a day number.
    public static func month(ofDay day: Int) -> Int {
        let date = CivilDate.civil(day)
        return (date.year - 1970) * 12 + date.month - 1
    }

    /// Turns day keys into month keys, for good.
    mutating func coarsenTimeline() {
        guard !timelineInMonths else { return }
        timelineInMonths = true
        timelineCellCount = 0
        var tone: [Int: ToneSum] = [:]
        for (day, sum) in toneOverTime {
            tone[Self.month(ofDay: day), default: ToneSum()] = tone[Self.month(ofDay: day), default: ToneSum()].adding(sum)
        }
        toneOverTime = tone
        for key in Array(cells.keys) {
            guard var cell = cells.removeValue(forKey: key) else { continue }
            var months: [Int: TimePoint] = [:]
            for (day, point) in cell.timeline {
                let month = Self.month(ofDay: day)
                months[month, default: TimePoint()].counts.add(point.counts)
                months[month, default: TimePoint()].tone = months[month, default: TimePoint()].tone.adding(point.tone)
            }
            cell.timeline = months
            timelineCellCount += months.count
            cells[key] = cell
        }
    }
}

/// A running sum of tone scores.
public struct ToneSum: Sendable, Hashable {
    /// The sum of the scores.
    public var sum = 0.0
    /// How many.
    public var count = 0

    /// Creates an empty sum.
    public init() {}

    /// Adds one score.
    public mutating func add(_ tone: Double) {
        sum += tone
        count += 1
    }

    /// This sum and another.
    public func adding(_ other: ToneSum) -> ToneSum {
        var total = self
        total.sum += other.sum
        total.count += other.count
        return total
    }

    /// The mean, or `nil` when empty.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }
}
