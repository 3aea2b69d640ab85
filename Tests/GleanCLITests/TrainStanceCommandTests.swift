import Foundation
import Testing

@Suite("glean train stance, end to end")
struct TrainStanceCommandTests {
    /// One labelled passage as a JSON line.
    private func passage(_ id: String, _ text: String, _ pairs: [[String]]) throws -> String {
        let row: [String: Any] = ["id": id, "text": text, "pairs": pairs]
        return String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Sixteen small passages, one document each, of four kinds of pair.
    private func labelled(in scratch: Scratch) throws -> String {
        let kinds: [(String, [[String]])] = [
            ("Finland joined NATO in 2023 and is a member of the alliance.", [["FI", "NATO", "member"]]),
            ("Georgia applied for membership of the European Union.", [["GE", "EU", "seeking"]]),
            ("Azerbaijan is a partner of NATO through the Partnership for Peace.", [["AZ", "NATO", "partner"]]),
            ("Turkey and Azerbaijan discussed the weather; NATO was not on the agenda.", []),
        ]
        let lines = try (0..<16).map { index in
            try passage("doc\(index)#p1", kinds[index % kinds.count].0, kinds[index % kinds.count].1)
        }
        return try scratch.write("labelled.jsonl", lines.joined(separator: "\n") + "\n")
    }

    @Test("a calibration pooled over several dealings into folds is deterministic and recorded in the provenance")
    func calibrationRuns() throws {
        let scratch = try Scratch()
        let data = try labelled(in: scratch)
        func train(_ output: String, runs: Int = 2) throws -> Data {
            let result = try GleanProcess.run([
                "train", "stance", "--data", data, "--extra", data, "--folds", "2", "--rounds", "3",
                "--calibration-runs", String(runs), "--output", scratch.path + "/" + output,
            ])
            #expect(result.status == 0, "\(result.errors)")
            return try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + output))
        }
        func calibration(_ model: Data) throws -> String {
            let object = try #require(try JSONSerialization.jsonObject(with: model) as? [String: Any])
            return "\(object["calibration"] ?? "none")"
        }
        let first = try train("first.json")
        #expect(first == (try train("second.json")))
        let model = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        let provenance = try #require(model["provenance"] as? [String: String])
        #expect(provenance["calibration_runs"] == "2")
        // The second dealing's predictions join the fit: one run alone fits another calibration.
        #expect(try calibration(first) != (try calibration(try train("one.json", runs: 1))))
    }

    @Test("fewer than one calibration run is refused before anything is trained")
    func noCalibrationRuns() throws {
        let scratch = try Scratch()
        let data = try labelled(in: scratch)
        let result = try GleanProcess.run([
            "train", "stance", "--data", data, "--calibration-runs", "0", "--output", scratch.path + "/model.json",
        ])
        #expect(result.status != 0)
        #expect(result.errors.contains("--calibration-runs must be 1 or more"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/model.json"))
    }
}
