import Foundation
import Testing

@Suite("glean eval stance, end to end")
struct EvalStanceCommandTests {
    /// One labelled passage as a JSON line.
    private func passage(_ id: String, _ text: String, _ pairs: [[String]]) throws -> String {
        let row: [String: Any] = ["id": id, "text": text, "pairs": pairs]
        return String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("several --data files are scored as one set, with one reliability table")
    func pooled() throws {
        let scratch = try Scratch()
        let first = try scratch.write(
            "a.jsonl",
            try passage("a#1", "Finland joined NATO in 2023 and is now a member of the alliance.", [["FI", "NATO", "member"]])
                + "\n")
        let second = try scratch.write(
            "b.jsonl",
            try passage("b#1", "Georgia applied for membership of the European Union in 2022.", [["GE", "EU", "seeking"]]) + "\n"
                + (try passage("b#2", "The summit was held in a hotel.", [])) + "\n")
        let alone = try GleanProcess.run(["eval", "stance", "--data", first])
        #expect(alone.status == 0)
        #expect(alone.output.hasPrefix("1 passages, 1 labelled pairs"), "\(alone.output)")
        let both = try GleanProcess.run(["eval", "stance", "--data", first, "--data", second, "--reliability"])
        #expect(both.status == 0, "\(both.errors)")
        #expect(both.output.hasPrefix("3 passages, 2 labelled pairs"), "\(both.output)")
        #expect(both.output.contains("| confidence | pairs | mean confidence | share right | gap |"))
    }

    @Test("--reliability-gate fails a set whose confidence is far from the share right, and passes one close to it")
    func reliabilityGate() throws {
        let scratch = try Scratch()
        func file(_ name: String, stance: String) throws -> String {
            let lines = try (1...40).map {
                try passage(
                    "\(name)#\($0)", "Finland joined NATO in 2023 and is a member of the alliance.", [["FI", "NATO", stance]])
            }
            return try scratch.write(name + ".jsonl", lines.joined(separator: "\n") + "\n")
        }
        // Forty confident member pairs: right when labelled member, wrong when labelled opposed. In
        // a bin of forty, two standard errors leave the wrong set above the gate for any confidence
        // above about 0.66 (the model gives this sentence about 0.74).
        let right = try GleanProcess.run([
            "eval", "stance", "--data", try file("right", stance: "member"), "--reliability-gate", "0.5",
        ])
        #expect(right.status == 0, "\(right.errors)")
        #expect(right.output.contains("| confidence | pairs | mean confidence | share right | gap |"))
        let wrong = try GleanProcess.run([
            "eval", "stance", "--data", try file("wrong", stance: "opposed"), "--reliability-gate", "0.5",
        ])
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("above the gate 0.500"))
    }

    @Test("a missing --data file is named and nothing is scored")
    func missing() throws {
        let scratch = try Scratch()
        let present = try scratch.write("a.jsonl", try passage("a#1", "Finland joined NATO.", [["FI", "NATO", "member"]]) + "\n")
        let result = try GleanProcess.run(["eval", "stance", "--data", present, "--data", scratch.path + "/absent.jsonl"])
        #expect(result.status != 0)
        #expect(result.errors.contains("absent.jsonl"))
        #expect(!result.output.contains("passages"))
    }

    @Test("labels written as names score as codes, and a passage's id gives its speaker")
    func namesAndIDs() throws {
        let scratch = try Scratch()
        let text = "We joined NATO and the European Union in 2004, and our country remains a loyal ally."
        let codes = try scratch.write(
            "codes.jsonl",
            try passage("un-general-debate/x/Session 59 - 2004/LVA_59_2004.txt#p1", text, [["LV", "NATO", "member"]]) + "\n")
        let names = try scratch.write(
            "names.jsonl",
            try passage(
                "un-general-debate/x/Session 59 - 2004/LVA_59_2004.txt#p1", text,
                [["Latvia", "North Atlantic Treaty Organization", "Member"]]) + "\n")
        for file in [codes, names] {
            let result = try GleanProcess.run(["eval", "stance", "--data", file])
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("pairs: P 50.0  R 100.0  F1 66.7"), "\(result.output)")
            #expect(
                result.output.contains(
                    "speakers: 1 passages (1 from their documents' names); dates: 1 (1 from their documents' names)"),
                "\(result.output)")
        }
        // Without the speaker the first person names no actor: nothing is found.
        let plain = try GleanProcess.run(["eval", "stance", "--data", names, "--without-speakers"])
        #expect(plain.output.contains("pairs: P 0.0  R 0.0  F1 0.0"), "\(plain.output)")
        let unknown = try scratch.write("unknown.jsonl", try passage("u#1", text, [["Atlantis", "NATO", "member"]]) + "\n")
        let result = try GleanProcess.run(["eval", "stance", "--data", unknown])
        #expect(result.errors.contains("labels the stage never reports (they count as missed): Atlantis"), "\(result.errors)")
    }
}
