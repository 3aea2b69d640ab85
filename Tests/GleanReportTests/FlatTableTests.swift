import CSV
import Foundation
import GleanCore
import Testing

@testable import GleanReport

/// A results line shaped like `Pipelines/alignment-monitor.yaml`'s output, with the text kept.
let sampleLine = #"""
    {"id":"n001","title":"Talks","published":"2026-02-02","text":"Officials from Azerbaijan and NATO met. Azerbaijan does not seek membership, but values cooperation.","language":{"code":"en","name":"English","confidence":1.0,"script":"Latin"},"entities":{"entities":[{"text":"Azerbaijan","type":"GPE","start":15,"end":25,"canonical":"AZ","name":"Azerbaijan","sentence":0},{"text":"NATO","type":"ORG","start":30,"end":34,"canonical":"NATO","name":"North Atlantic Treaty Organization","sentence":0}],"distinct":[{"text":"Azerbaijan","type":"GPE","canonical":"AZ","mentions":2},{"text":"North Atlantic Treaty Organization","type":"ORG","canonical":"NATO","mentions":1}]},"stance":[{"actor":{"id":"AZ","name":"Azerbaijan"},"bloc":"NATO","bloc_name":"North Atlantic Treaty Organization","stance":"partner","also":["neutral"],"confidence":0.965,"as_of":null,"evidence":[{"sentence":1,"start":40,"end":100,"cue":"seek membership","cue_start":60,"cue_end":75,"stance":"neutral","negated":true},{"sentence":1,"start":40,"end":100,"cue":"cooperation","cue_start":88,"cue_end":99,"stance":"partner","negated":false}]}],"tone":{"compound":0.5789,"label":"positive"}}
    """#

func document(_ line: String, fields: ResultFields = ResultFields()) throws -> ResultDocument {
    let bytes = Array(line.utf8)
    return try bytes.withUnsafeBytes { buffer in
        try ResultDocument(line: buffer, origin: DocumentOrigin(input: "test", line: 1), fields: fields)
    }
}

@Suite("Flat tables")
struct FlatTableTests {
    @Test("a results line is read by the shape of its stage results, whatever their ids")
    func readsByShape() throws {
        let renamed = sampleLine.replacingOccurrences(of: "\"stance\":[", with: "\"where\":[")
            .replacingOccurrences(of: "\"tone\":", with: "\"vader\":")
        let read = try document(renamed)
        #expect(read.id == "n001")
        #expect(read.date == "2026-02-02")
        #expect(read.language == "en")
        #expect(read.tone == 0.5789)
        #expect(read.pairs.map(\.actorID) == ["AZ"])
        #expect(read.mentions?.count == 2)
        #expect(read.distinct?.first?.mentions == 2)
    }

    @Test("one pairs row per stance pair, with the first evidence sentence cut from the kept text")
    func pairRow() throws {
        let rows = FlatTable.pairs.rows(for: try document(sampleLine))
        #expect(rows.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(FlatTable.pairs.columns.map(\.name), rows[0]))
        #expect(row["document_id"] == .string("n001"))
        #expect(row["actor_id"] == .string("AZ"))
        #expect(row["bloc_id"] == .string("NATO"))
        #expect(row["stance"] == .string("partner"))
        #expect(row["also"] == .string("neutral"))
        #expect(row["as_of"] == .null)
        #expect(row["evidence_count"] == .int(2))
        #expect(row["evidence_sentence"] == .string("Azerbaijan does not seek membership, but values cooperation."))
        #expect(row["tone"] == .double(0.5789))
    }

    @Test("every table's rows have one cell per column", arguments: FlatTable.allCases)
    func rowWidths(table: FlatTable) throws {
        for row in table.rows(for: try document(sampleLine)) { #expect(row.count == table.columns.count) }
    }

    @Test("without mentions (compact output) the entities table has one row per distinct entity")
    func distinctRows() throws {
        var read = try document(sampleLine)
        read.mentions = nil
        let rows = FlatTable.entities.rows(for: read)
        #expect(rows.count == 2)
        #expect(rows[0][FlatTable.entities.columns.firstIndex { $0.name == "mentions" } ?? 0] == .int(2))
    }

    @Test("column names are unique and snake_case", arguments: FlatTable.allCases)
    func columnNames(table: FlatTable) {
        let names = table.columns.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names { #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }) }
    }

    @Test("CSV quotes commas, quotes and newlines; JSON Lines keeps nulls")
    func encoders() throws {
        let columns = [FlatColumn("a", .string, ""), FlatColumn("b", .int64, ""), FlatColumn("c", .double, "")]
        let rows: [[FlatValue]] = [[.string("x, \"y\"\nz"), .int(3), .null]]
        let csv = String(
            decoding: try CSVRowEncoder().header(columns) + CSVRowEncoder().encode(rows, columns: columns), as: UTF8.self)
        #expect(csv == "a,b,c\n\"x, \"\"y\"\"\nz\",3,\n")
        let lines = String(decoding: try JSONLinesRowEncoder().encode(rows, columns: columns), as: UTF8.self)
        #expect(lines == #"{"a":"x, \"y\"\nz","b":3,"c":null}"# + "\n")
    }

    @Test("CSV reads back field for field with CSV.swift's reader")
    func csvReadsBack() throws {
        let columns = FlatTable.pairs.columns
        var rows = FlatTable.pairs.rows(for: try document(sampleLine))
        rows.append(
            rows[0].map { cell in if case .string = cell { return .string("a \"quoted\", multi\nline ✓") } else { return cell } })
        let bytes = try CSVRowEncoder().header(columns) + CSVRowEncoder().encode(rows, columns: columns)
        let reader = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: true)
        #expect(reader.headerRow == columns.map(\.name))
        var read: [[String]] = []
        while let row = reader.next() { read.append(row) }
        #expect(read == rows.map { $0.map(CSVRowEncoder.field) })
    }

    @Test("a line that is not JSON is an error at its line")
    func malformed() {
        #expect(throws: GleanError.self) { try document("{\"id\": ") }
    }
}
