import GleanCore
import Testing

@testable import GleanStages

/// The bloc membership table and the features the stance model reads from it.
@Suite("bloc memberships")
struct BlocMembershipsTests {
    private static let table = """
        # a comment
        NATO\tFI\tpartner\t1994\t2022
        NATO\tFI\tmember\t2023\t
        NATO\tAZ\tpartner\t1994\t
        EU\tGB\tmember\t1973\t2020
        """

    @Test("reads periods and whether they cover a year")
    func periods() throws {
        let memberships = try BlocMemberships(tsv: Self.table, source: "test")
        #expect(memberships.blocs == ["NATO", "EU"])
        let finland = memberships.periods(actor: "FI", bloc: "NATO")
        #expect(finland.map(\.standing) == [.partner, .member])
        #expect(finland[0].covers(2000) && !finland[0].covers(2023))
        #expect(finland[1].covers(2024) && finland[1].isCurrent && !finland[0].isCurrent)
        #expect(memberships.periods(actor: "SE", bloc: "NATO").isEmpty)
    }

    @Test(
        "a malformed line names its place",
        arguments: ["NATO\tFI\tally\t1994\t", "NATO\tFI\tmember\tsoon\t", "NATO\tFI\tmember"])
    func malformed(line: String) {
        #expect(throws: GleanError.self) { try BlocMemberships(tsv: "# header\n" + line, source: "t.tsv") }
        do {
            _ = try BlocMemberships(tsv: "# header\n" + line, source: "t.tsv")
        } catch {
            #expect(error.message.hasPrefix("t.tsv:2:"))
        }
    }

    @Test(
        "prior features read the standing at the passage's latest year, or today",
        arguments: [
            ("FI", "NATO", 2010, ["prior.ever.partner", "prior.ever.member", "prior.then.partner", "prior.not_then.member"]),
            ("FI", "NATO", nil, ["prior.ever.partner", "prior.ever.member", "prior.now.member"]),
            ("GB", "EU", 2021, ["prior.ever.member", "prior.not_then.member"]),
            ("SE", "NATO", 2010, ["prior.none"]),
            ("SE", "CSTO", 2010, ["prior.unknown_bloc"]),
        ] as [(String, String, Int?, [String])])
    func prior(actor: String, bloc: String, year: Int?, expected: [String]) throws {
        let analyzer = StanceAnalyzer(
            cues: StanceCues(), gazetteer: try Gazetteer.shipped,
            memberships: try BlocMemberships(tsv: Self.table, source: "test"))
        var features: [String: Double] = [:]
        analyzer.addPriorFeatures(actor: actor, bloc: bloc, year: year, to: &features)
        #expect(features.keys.sorted() == expected.sorted())
    }

    @Test(
        "a passage's year is the latest it names, but not a year after \"before\"",
        arguments: [
            ("Finland joined NATO in 2023, after applying in 2022.", 2023),
            ("Before 2022, Sweden had insisted that it would remain outside NATO; today it is a member.", nil),
            ("Before 2022, Sweden stayed outside NATO; in 2024 it joined.", 2024),
            ("Sweden is a member of NATO.", nil),
        ] as [(String, Int?)])
    func passageYear(text: String, expected: Int?) throws {
        let prepared = StanceText(text: text, entities: [], cues: StanceCues(), gazetteer: try Gazetteer.shipped)
        #expect(StanceAnalyzer.latestYear(in: prepared) == expected)
    }

    @Test("the shipped table covers NATO and the EU and knows their founders")
    func shipped() throws {
        let memberships = try BlocMemberships.shipped
        #expect(memberships.blocs.isSuperset(of: ["NATO", "EU", "CSTO", "SCO", "BRICS", "CIS"]))
        #expect(memberships.periods(actor: "FR", bloc: "NATO").contains { $0.standing == .member && $0.covers(1949) })
        #expect(memberships.periods(actor: "AZ", bloc: "NATO").contains { $0.standing == .partner && $0.isCurrent })
        #expect(memberships.periods(actor: "GB", bloc: "EU").allSatisfy { !$0.isCurrent })
        // Blocs added after the first list: a member that left on joining the EU, a current one.
        let slovenia = memberships.periods(actor: "SI", bloc: "CEFTA")
        #expect(slovenia.contains { $0.standing == .member && $0.covers(2000) && !$0.covers(2005) })
        #expect(memberships.periods(actor: "CA", bloc: "FVEY").contains { $0.standing == .member && $0.isCurrent })
    }
}
