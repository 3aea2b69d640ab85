import Foundation
import GleanCore
import GleanStages
import Testing

@testable import GleanEvaluation

@Suite("stance scoring")
struct StanceScoreTests {
    @Test("pairs, strict and lenient accuracy, per-stance F1, false pairs on empty passages")
    func score() {
        var score = StanceScore()
        score.add(
            labelled: [
                .init(actor: "AZ", bloc: "NATO", stance: .partner, also: [.neutral]),
                .init(actor: "FI", bloc: "NATO", stance: .member),
            ],
            found: [("AZ", "NATO", .neutral), ("FI", "NATO", .member), ("RU", "NATO", .opposed)])
        score.add(labelled: [], found: [("SE", "EU", .member)])
        #expect(score.matched == 2 && score.found == 4 && score.labelled == 2)
        #expect(score.pairs.precision == 0.5 && score.pairs.recall == 1)
        #expect(score.strictAccuracy == 0.5 && score.lenientAccuracy == 1)
        #expect(score.perStance(.member).precision == 0.5 && score.perStance(.member).recall == 1)
        #expect(score.perStance(.partner).f1 == 0)
        #expect(score.perStance(.partner, lenient: true).f1 == 1)
        #expect(score.emptyPassages == 1 && score.emptyPassagesWithPairs == 1 && score.emptyPassageFalsePairs == 1)
        #expect(score.confusion[.partner]?[.neutral] == 1 && score.confusion[.member]?[.member] == 1)
        #expect(score.confusion[nil]?[.opposed] == 1 && score.confusion[nil]?[.member] == 1)
        #expect(score.report(passages: 2).contains("confusion"))
    }

    @Test("a reliability table bins answers by confidence against the share right")
    func reliability() {
        let answers = [(0.05, false), (0.15, false), (0.15, true), (0.95, true), (1.0, true)]
        let table = StanceReliability(answers.map { (confidence: $0.0, right: $0.1) })
        #expect(table.bins.map(\.count) == [1, 2, 2])
        #expect(table.bins[1].shareRight == 0.5 && abs(table.bins[1].meanConfidence - 0.15) < 1e-9)
        #expect(table.largestGap(minimum: 2) == abs(0.15 - 0.5))
        #expect(table.markdown.contains("| 0.9–1.0 | 2 |"))
    }

    @Test(
        "a bin's gap counts against a gate only beyond its sampling error",
        arguments: [
            // 50 answers at 0.5 with 36 right: gap 0.22, two standard errors 0.141, excess 0.079.
            (count: 50, right: 36, excess: 0.22 - 2 * (0.25 / 50.0).squareRoot()),
            // 400 answers at 0.5 with 288 right: the same gap, far beyond chance.
            (count: 400, right: 288, excess: 0.22 - 2 * (0.25 / 400.0).squareRoot()),
        ])
    func reliabilityExcess(count: Int, right: Int, excess: Double) {
        let answers = (0..<count).map { (confidence: 0.5, right: $0 < right) }
        let table = StanceReliability(answers)
        #expect(abs(table.largestGap() - 0.22) < 1e-9)
        #expect(abs(table.largestExcess() - excess) < 1e-9)
        #expect(table.gapSummary.contains("beyond two standard errors"))
        #expect(table.gateFailure(excess + 0.01) == nil)
        #expect(table.gateFailure(excess - 0.01)?.contains(String(format: "above the gate %.3f", excess - 0.01)) == true)
    }

    @Test("cross-validation folds never split a document")
    func folds() throws {
        let passages = try LabelledPassage.read(
            jsonLines: (0..<12).map { #"{"id":"src/doc\#($0 / 2)#p\#($0)","text":"t","pairs":[]}"# }.joined(separator: "\n"),
            source: "folds.jsonl")
        var training = StanceTraining()
        let recognizer = try EntityRecognizer.shipped
        let analyzer = StanceAnalyzer(cues: try StanceCues.shipped, gazetteer: recognizer.gazetteer)
        training.add(passages, recognizer: recognizer, analyzer: analyzer, trainOnly: false)
        let folds = training.folds(3, seed: 1)
        for index in stride(from: 0, to: 12, by: 2) { #expect(folds[index] == folds[index + 1]) }
        #expect(Set(folds) == [0, 1, 2])
        #expect(training.folds(3, seed: 1) == folds)
    }

    @Test("each passage is read in its language; a language without cues is left out and returned")
    func languages() throws {
        let lines = [
            #"{"id":"a#1","text":"Azerbaijan is a partner of NATO.","pairs":[["AZ","NATO","partner"]]}"#,
            #"{"id":"b#1","lang":"ru","text":"Азербайджан является партнёром НАТО.","pairs":[["AZ","NATO","partner"]]}"#,
            #"{"id":"c#1","lang":"xx","text":"Azerbaijan NATO","pairs":[]}"#,
        ]
        let passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "l.jsonl")
        var training = StanceTraining()
        let unread = training.add(passages, languages: try StanceLanguages(model: nil), trainOnly: false)
        #expect(unread.map(\.id) == ["c#1"])
        #expect(training.passages.map(\.language) == ["en", "ru"])
        for item in training.passages {
            #expect(item.candidates.contains { $0.actor == "AZ" && $0.bloc == "NATO" }, "\(item.passage.id)")
        }
    }

    @Test("a passage's `speaker` is read, and its candidates have the speaker for \"we\"")
    func speakers() throws {
        let lines = [
            #"{"id":"a#1","speaker":"LV","text":"We joined NATO in 2004.","pairs":[["LV","NATO","member"]]}"#,
            #"{"id":"b#1","text":"We joined NATO in 2004.","pairs":[]}"#,
            #"{"id":"c#1","speaker":"GN","text":"NATO arms Portugal for its colonial war.","pairs":[["GN","NATO","opposed"]]}"#,
            #"{"id":"d#1","lang":"de","speaker":"AT","text":"Wir sind 1995 der EU beigetreten.","pairs":[["AT","EU","member"]]}"#,
        ]
        let passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "s.jsonl")
        #expect(passages.map(\.speaker) == ["LV", nil, "GN", "AT"])
        var training = StanceTraining()
        training.add(passages, languages: try StanceLanguages(model: nil), trainOnly: false)
        let spoken = training.passages[0].candidates
        #expect(spoken.contains { $0.actor == "LV" && $0.bloc == "NATO" && $0.features["doc.speaker"] == 1 })
        #expect(training.passages[1].candidates.isEmpty)
        // A speaker speaks of every bloc it names, whoever else the sentence names.
        #expect(
            training.passages[2].candidates.contains {
                $0.actor == "GN" && $0.bloc == "NATO" && $0.features["together.implicit_speaker"] == 1
            })
        // Passages with a speaker are also read without it (for the plain-text calibration, and
        // half their examples); the others once.
        #expect(training.passages[0].plainCandidates?.contains { $0.actor == "LV" } == false)
        #expect(training.passages[1].plainCandidates == nil)
        // "Wir" alone is the speaker, in German as "we" is in English.
        #expect(
            training.passages[3].candidates.contains {
                $0.actor == "AT" && $0.bloc == "EU" && $0.features["together.speaker"] == 1
            })
        let halves = training.examples([0, 2, 3])
        let plainCount = [0, 2, 3].reduce(0) {
            $0 + training.passages[$1].candidates.count + (training.passages[$1].plainCandidates?.count ?? 0)
        }
        #expect(halves.count == plainCount && halves.allSatisfy { $0.weight == 0.5 })
        #expect(training.examples([1]).allSatisfy { $0.weight == 1 })
        // A speaker may be written as a name or another code, as the labels' actors may; one that
        // names no country is dropped and reported.
        let gazetteer = try Gazetteer.shipped
        let names = StanceLabelNames(gazetteer: gazetteer, codes: try CountryCodes.shipped)
        var named = try LabelledPassage.read(
            jsonLines: [
                #"{"id":"e","speaker":"Austria","text":"t","pairs":[]}"#, #"{"id":"f","speaker":"AUT","text":"t","pairs":[]}"#,
                #"{"id":"g","speaker":"Atlantis","text":"t","pairs":[]}"#,
            ].joined(separator: "\n"), source: "b.jsonl")
        #expect(named[0].normalizeNames(with: names) == .init() && named[0].speaker == "AT")
        #expect(named[1].normalizeNames(with: names) == .init() && named[1].speaker == "AT")
        #expect(named[2].normalizeNames(with: names).speaker == "Atlantis" && named[2].speaker == nil)
    }

    @Test("a passage's date is read as its year, with it and without it; a date that is no date names its line")
    func dates() throws {
        let lines = [
            #"{"id":"a#1","date":"2023-05-04","text":"Sweden and NATO held talks.","pairs":[["SE","NATO","seeking"]]}"#,
            #"{"id":"b#1","date":"1962","text":"Sweden and NATO held talks.","pairs":[]}"#,
            #"{"id":"c#1","text":"Sweden and NATO held talks.","pairs":[]}"#,
            #"{"id":"d#1","date":1962,"speaker":"SE","text":"We and NATO held talks.","pairs":[]}"#,
        ]
        let passages = try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "d.jsonl")
        #expect(passages.map(\.year) == [2023, 1962, nil, 1962])
        var training = StanceTraining()
        training.add(passages, languages: try StanceLanguages(model: nil), trainOnly: false)
        func prior(_ candidates: [StanceCandidate]?) -> [String] {
            (candidates?.first { $0.actor == "SE" }?.features.keys.filter { $0.hasPrefix("prior.") } ?? []).sorted()
        }
        #expect(prior(training.passages[0].candidates).contains("prior.then.candidate"))
        #expect(prior(training.passages[1].candidates).contains("prior.not_then.member"))
        // A dated passage is also read without its date, as plain text; an undated one once.
        #expect(prior(training.passages[0].plainCandidates).contains("prior.now.member"))
        #expect(training.passages[2].plainCandidates == nil)
        // With both a speaker and a date, also with each alone, as pipelines that set only one of
        // `speaker_field` and `date_field` read it; each reading counts a quarter.
        let partial = try #require(training.passages[3].partialCandidates)
        #expect(prior(partial.speakerOnly).contains("prior.now.member"))
        #expect(prior(training.passages[3].candidates).contains("prior.not_then.member"))
        #expect(partial.speakerOnly.contains { $0.actor == "SE" } && !partial.dateOnly.contains { $0.actor == "SE" })
        #expect(training.passages[0].partialCandidates == nil)
        #expect(training.examples([3]).allSatisfy { $0.weight == 0.25 })
        #expect {
            _ = try LabelledPassage.read(jsonLines: #"{"id":"e","date":"May 2024","text":"t","pairs":[]}"#, source: "e.jsonl")
        } throws: { error in
            "\(error)".contains("e.jsonl:1:1") && "\(error)".contains("ISO 8601")
        }
    }

    @Test("rarer outcomes weigh more with a class power; none without")
    func classPower() throws {
        let lines = [
            #"{"id":"a#1","text":"Azerbaijan is a partner of NATO.","pairs":[["AZ","NATO","partner"]]}"#,
            #"{"id":"b#1","text":"France, Germany and Italy are members of NATO.","pairs":[["FR","NATO","member"],["DE","NATO","member"],["IT","NATO","member"]]}"#,
        ]
        var training = StanceTraining()
        training.add(
            try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "c.jsonl"),
            languages: try StanceLanguages(model: nil), trainOnly: false)
        let plain = training.examples(training.passages.indices)
        #expect(plain.allSatisfy { $0.weight == 1 })
        training.classPower = 1
        let weighted = training.examples(training.passages.indices)
        let partner = 1 + Stance.allCases.firstIndex(of: .partner)!
        let member = 1 + Stance.allCases.firstIndex(of: .member)!
        let partnerWeight = try #require(weighted.first { $0.outcome == partner }).weight
        let memberWeight = try #require(weighted.first { $0.outcome == member }).weight
        #expect(abs(partnerWeight - 3 * memberWeight) < 1e-9)
    }

    @Test("a prediction carries its labelled stance and every outcome's probability")
    func predictionOutcomes() throws {
        let lines = [
            #"{"id":"a#1","text":"Azerbaijan is a partner of NATO.","pairs":[["AZ","NATO","partner"]]}"#,
            #"{"id":"b#1","text":"Turkey and Azerbaijan discussed NATO.","pairs":[]}"#,
        ]
        var training = StanceTraining()
        training.add(
            try LabelledPassage.read(jsonLines: lines.joined(separator: "\n"), source: "p.jsonl"),
            languages: try StanceLanguages(model: nil), trainOnly: false)
        let model = try StanceModel.shipped
        let labelled = try #require(training.predict(0, with: model).first { $0.actor == "AZ" })
        #expect(labelled.gold == .partner)
        #expect(labelled.probabilities.count == StanceModel.outcomes.count)
        #expect(abs(labelled.probabilities.reduce(0, +) - 1) < 1e-9)
        let index = try 1 + #require(Stance.allCases.firstIndex(of: labelled.stance))
        #expect(labelled.probabilities[index] == labelled.probability)
        #expect(labelled.right == (labelled.stance == .partner))
        for unlabelled in training.predict(1, with: model) { #expect(unlabelled.gold == nil && !unlabelled.right) }
    }

    @Test("the development set reads; a malformed line is reported with its number")
    func labelledPassages() throws {
        let passages = try LabelledPassage.read(
            jsonLines: #"{"id":"a","text":"t","pairs":[["AZ","NATO","partner","neutral"]]}"# + "\n\n", source: "dev.jsonl")
        #expect(passages.first?.pairs == [.init(actor: "AZ", bloc: "NATO", stance: .partner, also: [.neutral])])
        #expect {
            _ = try LabelledPassage.read(
                jsonLines: "{}\n" + #"{"id":"b","text":"t","pairs":[["AZ","NATO","friend"]]}"#, source: "dev.jsonl")
        } throws: { error in
            "\(error)".hasPrefix("dev.jsonl:1:1")
        }
    }
}

@Suite("stance development set")
struct StanceDevelopmentSetTests {
    @Test("the built-in cues score above the floor on the development set (CI runs all three sets)")
    func developmentSet() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Evaluation/alignment-stance/dev.jsonl").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let passages = try LabelledPassage.read(jsonLines: text, source: path)
        #expect(passages.count >= 120)
        let score = try StanceEvaluation.shipped(passages: passages).score
        #expect(score.macroF1() >= 0.917)
        #expect(Set(passages.flatMap { $0.pairs.map(\.stance) }) == Set(Stance.allCases))
    }
}
