/// The report's charts, drawn as inline SVG.
extension ReportPage {
    /// Time buckets shared by every timeline: days for spans up to three months, else months.
    struct TimeAxis {
        var inMonths: Bool
        var keysAreMonths: Bool
        var first: Int
        var last: Int

        init?(_ aggregate: ReportAggregate) {
            let keys = aggregate.cells.values.flatMap(\.timeline.keys) + Array(aggregate.toneOverTime.keys)
            guard let low = keys.min(), let high = keys.max() else { return nil }
            keysAreMonths = aggregate.timelineInMonths
            inMonths = keysAreMonths || high - low > 92
            first = keysAreMonths || !inMonths ? low : ReportAggregate.month(ofDay: low)
            last = keysAreMonths || !inMonths ? high : ReportAggregate.month(ofDay: high)
        }

        func bucket(_ key: Int) -> Int { inMonths && !keysAreMonths ? ReportAggregate.month(ofDay: key) : key }

        func x(_ bucket: Int, left: Double, width: Double) -> Double {
            guard last > first else { return left + width / 2 }
            return left + Double(bucket - first) / Double(last - first) * width
        }

        static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

        func label(_ bucket: Int) -> String {
            if inMonths {
                return "\(Self.monthNames[((bucket % 12) + 12) % 12]) \(1970 + Int((Double(bucket) / 12).rounded(.down)))"
            }
            let date = CivilDate.civil(bucket)
            return "\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.day < 10 ? "0" : "")\(date.day)"
        }

        var ticks: [Int] {
            let span = last - first
            guard span > 0 else { return [first] }
            let step = max(1, Int((Double(span) / 5).rounded(.up)))
            return Array(stride(from: first, through: last, by: step))
        }

        /// Points per bucket of a key → value map, values combined with `combine`.
        func buckets<Value>(_ values: [Int: Value], _ empty: Value, _ combine: (Value, Value) -> Value) -> [(Int, Value)] {
            var out: [Int: Value] = [:]
            for (key, value) in values { out[bucket(key)] = combine(out[bucket(key)] ?? empty, value) }
            return out.sorted { $0.key < $1.key }
        }
    }

    static let laneHeight = 20.0

    mutating func timeAxis(_ axis: TimeAxis, left: Double, width: Double, y: Double) {
        html += "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + width))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
        for tick in axis.ticks {
            let x = axis.x(tick, left: left, width: width)
            html += "<text x=\"\(f(x))\" y=\"\(f(y + 13))\" text-anchor=\"middle\">\(axis.label(tick))</text>"
        }
    }

    mutating func writeTimeline() {
        guard let axis = TimeAxis(aggregate) else { return }
        html += "<h2 id=\"timeline\">Stance and tone over time</h2>\n<p class=\"lead\">By the documents' "
        html += "<code>\(HTMLText.escape(options.dateField))</code> date, per \(axis.inMonths ? "month" : "day"). "
        html += "Left: the stances each document gives the pair (dot area ∝ documents); right: the mean tone of those "
        html += "documents (−1 to +1). Click a dot for the evidence.</p>\n"
        let tone = axis.buckets(aggregate.toneOverTime, ToneSum()) { $0.adding($1) }
        if !tone.isEmpty {
            html += "<h3>Tone of all dated documents</h3>"
            toneChart(tone, axis: axis, width: 900, height: 110, link: nil)
        }
        let pairs = aggregate.cells.filter { !$0.value.timeline.isEmpty }
            .sorted {
                $0.value.counts.total != $1.value.counts.total ? $0.value.counts.total > $1.value.counts.total : $0.key < $1.key
            }
            .prefix(options.maxTimelines)
        let largest = pairs.flatMap { $0.value.timeline.values.flatMap(\.counts.values) }.max() ?? 1
        for (key, cell) in pairs {
            let points = axis.buckets(cell.timeline, ReportAggregate.TimePoint()) { lhs, rhs in
                var sum = lhs
                sum.counts.add(rhs.counts)
                sum.tone = sum.tone.adding(rhs.tone)
                return sum
            }
            html += "<div class=\"tl\" data-pair=\"\(HTMLText.escape(key.actor))-\(HTMLText.escape(key.bloc))\">"
            html += "<h3>\(HTMLText.escape(actorName(key.actor))) – \(HTMLText.escape(blocName(key.bloc))) "
            html += "<span class=\"note\">\(HTMLText.count(cell.counts.total)) documents</span></h3>"
            stanceLanes(points, axis: axis, largest: largest, link: Self.anchor(key))
            toneChart(
                points.map { ($0.0, $0.1.tone) }, axis: axis, width: 300, height: 5 * Self.laneHeight + 24, link: Self.anchor(key)
            )
            html += "</div>\n"
        }
    }

    mutating func stanceLanes(_ points: [(Int, ReportAggregate.TimePoint)], axis: TimeAxis, largest: Int, link: String) {
        let width = 640.0
        let left = 64.0
        let plot = width - left - 14
        let height = 5 * Self.laneHeight + 24
        html += "<svg class=\"lanes\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"stance over time\">"
        for stance in Stance.allCases {
            let y = 4 + (Double(stance.index) + 0.5) * Self.laneHeight
            html += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 3.5))\" text-anchor=\"end\">\(stance.rawValue)</text>"
            html +=
                "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + plot))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke-opacity=\".5\"/>"
        }
        timeAxis(axis, left: left, width: plot, y: 4 + 5 * Self.laneHeight)
        html += "<a href=\"#\(link)\">"
        for (bucket, point) in points {
            let x = axis.x(bucket, left: left, width: plot)
            for stance in Stance.allCases where point.counts[stance] > 0 {
                let y = 4 + (Double(stance.index) + 0.5) * Self.laneHeight
                let radius = 2.5 + 6 * (Double(point.counts[stance]) / Double(max(largest, 1))).squareRoot()
                html += "<circle class=\"pt c-\(stance.rawValue)\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(radius))\">"
                html += "<title>\(axis.label(bucket)): \(stance.rawValue), \(point.counts[stance]) documents</title></circle>"
            }
        }
        html += "</a></svg>"
    }

    mutating func toneChart(_ points: [(Int, ToneSum)], axis: TimeAxis, width: Double, height: Double, link: String?) {
        let left = 30.0
        let plot = width - left - 10
        let top = 4.0
        let span = height - 24
        func y(_ tone: Double) -> Double { top + (1 - (tone + 1) / 2) * span }
        html += "<svg class=\"tone\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"tone over time\">"
        for (value, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "−1")] {
            html += "<text x=\"\(f(left - 5))\" y=\"\(f(y(value) + 3.5))\" text-anchor=\"end\">\(label)</text>"
        }
        html += "<line class=\"zero\" x1=\"\(f(left))\" x2=\"\(f(left + plot))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\"/>"
        timeAxis(axis, left: left, width: plot, y: top + span)
        let valued = points.compactMap { bucket, sum in sum.mean.map { (bucket, $0, sum.count) } }
        if valued.count > 1 {
            let path = valued.map { "\(f(axis.x($0.0, left: left, width: plot))),\(f(y($0.1)))" }.joined(separator: " ")
            html += "<polyline class=\"tone-line\" points=\"\(path)\"/>"
        }
        if let link { html += "<a href=\"#\(link)\">" }
        for (bucket, mean, count) in valued {
            html +=
                "<circle class=\"pt tone-pt\" cx=\"\(f(axis.x(bucket, left: left, width: plot)))\" cy=\"\(f(y(mean)))\" r=\"2.6\">"
            html += "<title>\(axis.label(bucket)): tone \(HTMLText.signed(mean)), \(count) documents</title></circle>"
        }
        if link != nil { html += "</a>" }
        html += "</svg>"
    }

    // MARK: - Tone and languages

    mutating func writeToneAndLanguages() {
        html += "<h2 id=\"tone\">Tone by country, and languages</h2>\n<div class=\"grid\">"
        let countries = aggregate.toneByCountry.filter { $0.value.count > 0 }
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .prefix(options.topNames)
        html += "<div><h3>Mean tone of the documents that mention each country</h3>"
        if countries.isEmpty {
            html += "<p class=\"note\">No tone (sentiment) and linked countries in these results.</p>"
        } else {
            let largest = countries.compactMap { $0.value.mean.map(abs) }.max() ?? 0.25
            let domain = max(0.25, (largest * 4).rounded(.up) / 4)
            let width = 560.0
            let labelWidth = 190.0
            let half = (width - labelWidth - 48) / 2
            let center = labelWidth + half
            let height = Double(countries.count) * 20 + 22
            html += "<svg class=\"bars\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"tone by country\">"
            for (row, (code, tone)) in countries.enumerated() {
                let y = Double(row) * 20 + 4
                let mean = tone.mean ?? 0
                let length = abs(mean) / domain * half
                let name = aggregate.countries.entries[code]?.name ?? code
                html += "<text class=\"lbl\" x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 12))\" text-anchor=\"end\">"
                html += "\(HTMLText.escape(name)) <tspan>(\(HTMLText.count(tone.count)))</tspan></text>"
                html +=
                    "<rect class=\"\(mean >= 0 ? "pos" : "neg")\" x=\"\(f(mean >= 0 ? center : center - length))\" y=\"\(f(y + 2))\" "
                html += "width=\"\(f(max(length, 0.5)))\" height=\"14\" rx=\"2\"><title>\(HTMLText.escape(name)): mean tone "
                html += "\(HTMLText.signed(mean)) over \(tone.count) documents</title></rect>"
                let textX = mean >= 0 ? center + length + 4 : center - length - 4
                html +=
                    "<text x=\"\(f(textX))\" y=\"\(f(y + 12))\" text-anchor=\"\(mean >= 0 ? "start" : "end")\">\(HTMLText.signed(mean))</text>"
            }
            let axisY = Double(countries.count) * 20 + 6
            html += "<line class=\"zero\" x1=\"\(f(center))\" x2=\"\(f(center))\" y1=\"2\" y2=\"\(f(axisY))\"/>"
            for value in [-domain, 0, domain] {
                html +=
                    "<text x=\"\(f(center + value / domain * half))\" y=\"\(f(axisY + 12))\" text-anchor=\"middle\">\(HTMLText.signed(value))</text>"
            }
            html += "</svg>"
        }
        html += "</div><div><h3>Languages</h3>"
        let languages = aggregate.languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(
            options.topNames)
        let total = max(aggregate.documents, 1)
        let largest = Double(languages.first?.value ?? 1)
        let width = 480.0
        let labelWidth = 130.0
        let height = Double(languages.count) * 20 + 4
        html += "<svg class=\"bars\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"languages\">"
        for (row, (code, count)) in languages.enumerated() {
            let y = Double(row) * 20 + 2
            let name = code == "?" ? "no language result" : (aggregate.languageNames[code].map { "\($0) (\(code))" } ?? code)
            let length = Double(count) / largest * (width - labelWidth - 110)
            html +=
                "<text class=\"lbl\" x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 12))\" text-anchor=\"end\">\(HTMLText.escape(name))</text>"
            html +=
                "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y + 2))\" width=\"\(f(max(length, 0.5)))\" height=\"14\" rx=\"2\"/>"
            html += "<text x=\"\(f(labelWidth + length + 5))\" y=\"\(f(y + 12))\">\(HTMLText.count(count)) · "
            html += "\(HTMLText.decimal(Double(count) / Double(total) * 100, places: 1)) %</text>"
        }
        html += "</svg></div></div>\n"
    }

    // MARK: - Entities

    mutating func writeEntities() {
        html += "<h2 id=\"entities\">Most mentioned</h2>\n<p class=\"lead\">By the number of documents that mention "
        html += "each name (mentions in all beside it). Open a name for the first documents that mention it.</p>"
        html += "<div class=\"grid\">"
        entityTable("People", aggregate.people)
        entityTable("Organisations", aggregate.organisations)
        entityTable("Countries", aggregate.countries)
        html += "</div>\n"
    }

    mutating func entityTable(_ title: String, _ counter: NameCounter) {
        html += "<div><h3>\(title)</h3>"
        let top = counter.top(options.topNames)
        guard let largest = top.first?.entry.documents else {
            html += "<p class=\"note\">None in these results.</p></div>"
            return
        }
        html += "<table class=\"list\"><tr><th>name</th><th class=\"num\">documents</th><th class=\"num\">mentions</th></tr>"
        for (_, entry) in top {
            let width = HTMLText.decimal(Double(entry.documents) / Double(largest) * 100, places: 1)
            html += "<tr><td><details><summary>\(HTMLText.escape(entry.name))</summary><div class=\"ids\">"
            html += entry.examples.map(HTMLText.escape).joined(separator: ", ")
            html += entry.documents > entry.examples.count ? " …" : ""
            html += "</div></details></td><td class=\"num\" style=\"min-width:120px\"><div style=\"display:flex;gap:6px;"
            html += "align-items:center;justify-content:flex-end\"><span style=\"display:inline-block;height:8px;"
            html += "width:\(width)px;max-width:60px;background:var(--bar);border-radius:2px\"></span>"
            html += "\(HTMLText.count(entry.documents))</div></td><td class=\"num\">\(HTMLText.count(entry.mentions))</td></tr>"
        }
        html += "</table>"
        if counter.droppedBelow > 0 {
            html += "<p class=\"note\">More than \(HTMLText.count(counter.capacity)) distinct names: counts of "
            html += "\(HTMLText.count(counter.droppedBelow)) or fewer may be low.</p>"
        }
        html += "</div>"
    }

    /// A coordinate with one decimal.
    func f(_ value: Double) -> String { HTMLText.decimal(value, places: 1) }
}
