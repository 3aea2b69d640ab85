import GleanCore

/// Reads a results file once, streaming, into a ``ReportAggregate``; optionally reads the
/// original input again for the text of the evidence sentences the report shows.
public struct ReportBuilder: Sendable {
    /// The results file.
    public var results: String
    /// The date and text fields.
    public var fields: ResultFields
    /// The caps.
    public var limits: ReportAggregate.Limits
    /// Batches counted at once.
    public var concurrency: Int
    /// The run's input (JSON Lines), read for evidence sentences when the results lack the text.
    public var texts: String?
    /// The id field of that input.
    public var textsIDField: String

    /// Creates a builder.
    public init(
        results: String, fields: ResultFields = ResultFields(), limits: ReportAggregate.Limits = .init(),
        concurrency: Int = EngineOptions.defaultConcurrency, texts: String? = nil, textsIDField: String = "id"
    ) {
        self.results = results
        self.fields = fields
        self.limits = limits
        self.concurrency = concurrency
        self.texts = texts
        self.textsIDField = textsIDField
    }

    /// Counts the results (and fills in evidence sentences from ``texts``).
    public func build() async throws(GleanError) -> ReportAggregate {
        let fields = self.fields
        let limits = self.limits
        var total = ReportAggregate(limits: limits)
        try await ResultsReader(path: results, concurrency: concurrency).run {
            (batch: RecordBatch) throws(GleanError) -> ReportAggregate in
            var part = ReportAggregate(limits: limits)
            try batch.forEachLine { (line, origin) throws(GleanError) in
                part.add(try ResultDocument(line: line, origin: origin, fields: fields, parts: .distinct))
            }
            return part
        } consume: { (part: ReportAggregate) throws(GleanError) in
            total.merge(part)
        }
        if let texts { try await fillSentences(&total, from: texts) }
        return total
    }

    /// Reads `path` for the documents whose evidence sentences have no text yet.
    private func fillSentences(_ aggregate: inout ReportAggregate, from path: String) async throws(GleanError) {
        var wanted: Set<String> = []
        for cell in aggregate.cells.values {
            for item in cell.evidence where item.cues.contains(where: { $0.text == nil }) { wanted.insert(item.document) }
        }
        guard !wanted.isEmpty else { return }
        let documents = wanted
        let idField = textsIDField
        let textField = fields.text
        var found: [String: String] = [:]
        try await ResultsReader(path: path, concurrency: concurrency).run {
            (batch: RecordBatch) throws(GleanError) -> [(String, String)] in
            var texts: [(String, String)] = []
            try batch.forEachLine { (line, origin) throws(GleanError) in
                do {
                    let members = try JSONParser.scanMembers(line)
                    guard let idMember = members.first(where: { $0.key == idField }),
                        let id = try JSONParser.string(scanned: idMember, in: line)
                            ?? String(validating: UnsafeRawBufferPointer(rebasing: line[idMember.value]), as: UTF8.self),
                        documents.contains(id),
                        let textMember = members.first(where: { $0.key == textField }),
                        let text = try JSONParser.string(scanned: textMember, in: line)
                    else { return }
                    texts.append((id, text))
                } catch {
                    // A line the run could not read has no results either: nothing to fill in.
                }
            }
            return texts
        } consume: { (texts: [(String, String)]) throws(GleanError) in
            for (id, text) in texts where found[id] == nil { found[id] = text }
        }
        for key in aggregate.cells.keys {
            guard var cell = aggregate.cells[key] else { continue }
            for index in cell.evidence.indices {
                guard let text = found[cell.evidence[index].document] else { continue }
                let document = ResultDocument(id: cell.evidence[index].document, text: text)
                for cue in cell.evidence[index].cues.indices where cell.evidence[index].cues[cue].text == nil {
                    let evidence = cell.evidence[index].cues[cue]
                    cell.evidence[index].cues[cue].text = document.sentence(start: evidence.start, end: evidence.end)
                }
            }
            aggregate.cells[key] = cell
        }
    }
}

extension ResultDocument {
    /// A document with only an id and a text, for slicing sentences.
    init(id: String, text: String) {
        self.id = id
        self.text = text
        self.origin = DocumentOrigin(input: "-", line: 0)
    }
}
