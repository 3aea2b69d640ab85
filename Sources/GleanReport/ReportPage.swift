import Foundation
import GleanCore

/// The report as one self-contained HTML page: inline CSS, inline SVG charts, a few lines of
/// script that the page does not need; nothing fetched from the network.
public struct ReportPage {
    let aggregate: ReportAggregate
    let options: ReportOptions
    var html = ""

    /// The page for `aggregate`.
    public static func render(_ aggregate: ReportAggregate, options: ReportOptions) -> String {
        var page = ReportPage(aggregate: aggregate, options: options)
        page.write()
        return page.html
    }

    /// The matrix's actors, most pairs first.
    var actors: [(id: String, total: Int)] {
        var totals: [String: Int] = [:]
        for (key, cell) in aggregate.cells { totals[key.actor, default: 0] += cell.counts.total }
        return totals.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// The matrix's blocs, most pairs first.
    var blocs: [(id: String, total: Int)] {
        var totals: [String: Int] = [:]
        for (key, cell) in aggregate.cells { totals[key.bloc, default: 0] += cell.counts.total }
        return totals.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// The cells shown in the matrix (and given evidence sections).
    var shownCells: [ReportAggregate.PairKey] {
        let shownActors = actors.prefix(options.maxActors)
        let blocIDs = blocs.map(\.id)
        return shownActors.flatMap { actor in
            blocIDs.map { ReportAggregate.PairKey(actor: actor.id, bloc: $0) }.filter { aggregate.cells[$0] != nil }
        }
    }

    func actorName(_ id: String) -> String { aggregate.actorNames[id] ?? id }
    func blocName(_ id: String) -> String { aggregate.blocNames[id] ?? id }
    static func anchor(_ key: ReportAggregate.PairKey) -> String { "c-\(HTMLText.slug(key.actor))-\(HTMLText.slug(key.bloc))" }

    mutating func write() {
        let hasTimeline = aggregate.documentsWithDate > 0 && aggregate.cells.values.contains { !$0.timeline.isEmpty }
        html += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        html += "<title>\(HTMLText.escape(options.title))</title><style>\(ReportStyle.css)</style></head>\n<body><main>\n"
        html += "<h1>\(HTMLText.escape(options.title))</h1>"
        html += "<p class=\"lead\">\(HTMLText.escape(options.source)) · \(HTMLText.count(aggregate.documents)) documents</p>"
        html += "<nav><a href=\"#summary\">Summary</a><a href=\"#matrix\">Stance matrix</a>"
        if hasTimeline { html += "<a href=\"#timeline\">Over time</a>" }
        html += "<a href=\"#tone\">Tone and languages</a><a href=\"#entities\">Most mentioned</a>"
        html += "<a href=\"#evidence\">Evidence</a></nav>\n"
        writeSummary()
        writeMatrix()
        if hasTimeline { writeTimeline() }
        writeToneAndLanguages()
        writeEntities()
        writeEvidence()
        html += "<footer>Made by \(HTMLText.escape(options.generator)) from \(HTMLText.escape(options.source)). "
        html += "Stance pairs come from the alignment-stance stage, tone from sentiment (VADER compound, −1 to 1), "
        html += "names from entities. Every count links to the documents behind it; export them all with "
        html += "<code>glean export</code>.</footer>\n"
        html += "</main><script>\(ReportStyle.script)</script></body></html>\n"
    }

    // MARK: - Summary

    mutating func writeSummary() {
        html += "<h2 id=\"summary\">Summary</h2>\n<div class=\"cards\">"
        let pairs = aggregate.cells.values.reduce(0) { $0 + $1.counts.total }
        card(HTMLText.count(aggregate.documents), "documents")
        card(HTMLText.count(pairs), "stance pairs")
        card(HTMLText.count(aggregate.cells.count), "actor–bloc cells")
        card(HTMLText.count(aggregate.documentsWithDate), "with a date (\(options.dateField))")
        card(HTMLText.count(aggregate.documentsSkipped), "with a stage skipped")
        card(HTMLText.count(aggregate.documentsFailed), "with errors")
        if let summary = options.runSummary, let seconds = summary["elapsed_seconds"]?.doubleValue {
            card(HTMLText.decimal(seconds, places: 1) + " s", "run time")
            if let documents = summary["documents"]?.intValue, seconds > 0 {
                card(HTMLText.count(Int(Double(documents) / seconds)), "documents/s")
            }
            if let failed = summary["failed_records"]?.intValue {
                card(HTMLText.count(failed), "unreadable input lines")
            }
        }
        html += "</div>\n"
        if options.runSummary == nil {
            html += "<p class=\"note\">Run time not recorded: pass the run's summary with "
            html += "<code>--run-summary</code> (<code>glean run … --summary json 2&gt; run.json</code>).</p>\n"
        }
        if !aggregate.skipReasons.isEmpty || !aggregate.errorCodes.isEmpty {
            html += "<div class=\"grid\">"
            countTable("Skipped stages", "stage: reason", Self.grouped(aggregate.skipReasons))
            countTable("Errors", "stage: code", aggregate.errorCodes)
            html += "</div>\n"
        }
    }

    /// Reasons that differ only in a short last part (`unsupported language: ru`, `…: de`) as one
    /// row, the parts listed after it by count.
    static func grouped(_ reasons: [String: Int]) -> [String: Int] {
        var groups: [String: [(String, Int)]] = [:]
        for (reason, count) in reasons {
            if let colon = reason.range(of: ": ", options: .backwards), reason[colon.upperBound...].count <= 8,
                reason[..<colon.lowerBound].contains(": ")
            {
                groups[String(reason[..<colon.lowerBound]), default: []].append((String(reason[colon.upperBound...]), count))
            } else {
                groups[reason, default: []].append(("", count))
            }
        }
        var out: [String: Int] = [:]
        for (head, parts) in groups {
            let total = parts.reduce(0) { $0 + $1.1 }
            let named = parts.filter { !$0.0.isEmpty }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            if named.count > 1 || (named.count == 1 && parts.count > 1) {
                out["\(head) (" + named.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"] = total
            } else if let only = named.first {
                out["\(head): \(only.0)"] = total
            } else {
                out[head] = total
            }
        }
        return out
    }

    mutating func card(_ value: String, _ label: String) {
        html += "<div class=\"card\"><b>\(value)</b><span>\(HTMLText.escape(label))</span></div>"
    }

    mutating func countTable(_ title: String, _ header: String, _ counts: [String: Int]) {
        guard !counts.isEmpty else { return }
        html += "<div><h3>\(title)</h3><table class=\"list\"><tr><th>\(header)</th><th class=\"num\">documents</th></tr>"
        for (key, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(20) {
            html += "<tr><td>\(HTMLText.escape(key))</td><td class=\"num\">\(HTMLText.count(count))</td></tr>"
        }
        html += "</table></div>"
    }

    // MARK: - Matrix

    mutating func legend() {
        html += "<div class=\"legend\">"
        for stance in Stance.allCases {
            html += "<span><i class=\"st-\(stance.rawValue)\"></i>\(stance.rawValue)</span>"
        }
        html += "</div>"
    }

    mutating func writeMatrix() {
        html += "<h2 id=\"matrix\">Where each country stands toward each bloc</h2>\n"
        html += "<p class=\"lead\">Each cell counts the documents that place the country (row) toward the bloc (column); "
        html += "its colour is the most frequent stance and the strip under the number its mix. "
        html += "Click a cell for the documents and sentences behind it.</p>"
        legend()
        let allActors = actors
        let shownActors = allActors.prefix(options.maxActors)
        let blocList = blocs
        guard !shownActors.isEmpty else {
            html += "<p class=\"note\">No stance pairs in these results (no alignment-stance stage, or nothing found).</p>\n"
            return
        }
        html += "<div class=\"matrix-wrap\"><table class=\"matrix\"><tr><th></th>"
        for bloc in blocList {
            html +=
                "<th class=\"bloc\" title=\"\(HTMLText.escape(blocName(bloc.id))): \(bloc.total)\">\(HTMLText.escape(bloc.id))</th>"
        }
        html += "</tr>\n"
        for actor in shownActors {
            html +=
                "<tr><th class=\"actor\">\(HTMLText.escape(actorName(actor.id)))<small>\(HTMLText.escape(actor.id))</small></th>"
            for bloc in blocList {
                let key = ReportAggregate.PairKey(actor: actor.id, bloc: bloc.id)
                guard let cell = aggregate.cells[key] else {
                    html += "<td class=\"empty\"></td>"
                    continue
                }
                let dominant = cell.counts.dominant?.rawValue ?? "other"
                let breakdown = Stance.allCases.filter { cell.counts[$0] > 0 }.map { "\($0.rawValue) \(cell.counts[$0])" }
                let title = "\(actorName(actor.id)) – \(blocName(bloc.id)): " + breakdown.joined(separator: ", ")
                html +=
                    "<td class=\"cell\" data-actor=\"\(HTMLText.escape(actor.id))\" data-bloc=\"\(HTMLText.escape(bloc.id))\">"
                html += "<a class=\"st-\(dominant)\" href=\"#\(Self.anchor(key))\" title=\"\(HTMLText.escape(title))\">"
                html += HTMLText.count(cell.counts.total) + "<span class=\"mix\">"
                let total = Double(max(cell.counts.total, 1))
                for stance in Stance.allCases where cell.counts[stance] > 0 {
                    let width = HTMLText.decimal(Double(cell.counts[stance]) / total * 100, places: 1)
                    html += "<i class=\"st-\(stance.rawValue)\" style=\"width:\(width)%\"></i>"
                }
                html += "</span></a></td>"
            }
            html += "</tr>\n"
        }
        html += "</table></div>\n"
        if allActors.count > shownActors.count {
            let rest = allActors.dropFirst(shownActors.count)
            html += "<p class=\"note\">\(rest.count) more countries with \(HTMLText.count(rest.reduce(0) { $0 + $1.total })) "
            html += "pairs are not shown (raise <code>--max-actors</code>, or export the pairs table).</p>\n"
        }
    }

    // MARK: - Evidence

    mutating func writeEvidence() {
        html += "<h2 id=\"evidence\">Evidence</h2>\n<p class=\"lead\">For each cell, the first "
        html += "\(aggregate.limits.evidencePerCell) documents in the results file, with the sentences and cues the stance "
        html += "rests on.</p>\n<div class=\"ev\">"
        for key in shownCells {
            guard let cell = aggregate.cells[key] else { continue }
            let breakdown = Stance.allCases.filter { cell.counts[$0] > 0 }.map {
                "<span class=\"chip st-\($0.rawValue)\">\($0.rawValue) \(HTMLText.count(cell.counts[$0]))</span>"
            }
            html += "<section id=\"\(Self.anchor(key))\"><h3>\(HTMLText.escape(actorName(key.actor))) "
            html += "– \(HTMLText.escape(blocName(key.bloc))) \(breakdown.joined(separator: " "))"
            html += "<a class=\"back\" href=\"#matrix\">↑ matrix</a></h3><ol>"
            for item in cell.evidence { evidenceItem(item) }
            html += "</ol>"
            if cell.moreEvidence > 0 {
                html += "<p class=\"note\">… and \(HTMLText.count(cell.moreEvidence)) more (all of them: "
                html += "<code>glean export RESULTS --table pairs</code>).</p>"
            }
            html += "</section>\n"
        }
        html += "</div>\n"
    }

    mutating func evidenceItem(_ item: ReportAggregate.EvidenceItem) {
        html +=
            "<li><span class=\"chip st-\(Stance(rawValue: item.stance)?.rawValue ?? "other")\">\(HTMLText.escape(item.stance))</span>"
        if !item.also.isEmpty {
            html += " <span class=\"meta\">also \(HTMLText.escape(item.also.joined(separator: ", ")))</span>"
        }
        html += " <span class=\"meta\"><b>\(HTMLText.escape(item.document))</b>"
        if let date = item.date { html += " · \(HTMLText.escape(date))" }
        if let confidence = item.confidence { html += " · confidence \(HTMLText.decimal(confidence, places: 2))" }
        if let asOf = item.asOf { html += " · as of \(asOf)" }
        html += "</span>"
        if let title = item.title { html += "<div>\(HTMLText.escape(title))</div>" }
        var sentences: [(start: Int?, cues: [StanceEvidence])] = []
        for cue in item.cues {
            if let index = sentences.firstIndex(where: { $0.start != nil && $0.start == cue.start }) {
                sentences[index].cues.append(cue)
            } else {
                sentences.append((cue.start, [cue]))
            }
        }
        for (start, cues) in sentences {
            let readings = cues.map { cue in
                "<span class=\"cue\">\(HTMLText.escape(cue.cue ?? ""))</span> → \(HTMLText.escape(cue.stance ?? ""))"
                    + (cue.negated ? " (negated)" : "")
            }
            if let text = cues.first?.text, let start {
                let ranges = cues.compactMap { cue in
                    cue.cueStart.flatMap { from in cue.cueEnd.map { (from - start, $0 - start) } }
                }
                html += "<blockquote>\(Self.highlight(text, ranges: ranges))"
                html += "<div class=\"meta\">\(readings.joined(separator: "; "))</div></blockquote>"
            } else {
                html += "<div class=\"meta\">sentence \(cues.first?.sentence.map(String.init) ?? "?")"
                if let start, let end = cues.first?.end { html += " (characters \(start)–\(end))" }
                html += ": \(readings.joined(separator: "; "))</div>"
            }
        }
        html += "</li>"
    }

    /// `sentence` escaped, the scalar ranges `ranges` (relative to it) marked.
    static func highlight(_ sentence: String, ranges: [(Int, Int)]) -> String {
        let scalars = Array(sentence.unicodeScalars)
        var marked = [Bool](repeating: false, count: scalars.count)
        for (from, to) in ranges where from >= 0 && to > from && to <= scalars.count {
            for index in from..<to { marked[index] = true }
        }
        var out = ""
        var index = 0
        while index < scalars.count {
            var end = index
            while end < scalars.count && marked[end] == marked[index] { end += 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[index..<end])
            out += marked[index] ? "<mark>\(HTMLText.escape(String(piece)))</mark>" : HTMLText.escape(String(piece))
            index = end
        }
        return out
    }
}
