import Foundation
import GleanStages
import Testing

/// The VADER paper's human-rated tweets, when `../shared/data` is present (CI has it).
private let tweetsPath: String = {
    // Tests/GleanStagesTests/this file → the package root, then its sibling shared/.
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.deletingLastPathComponent().path + "/shared/data/sentiment/ground-truth/tweets_GroundTruth.txt"
}()

@Suite("sentiment on human-rated data")
struct SentimentGroundTruthTests {
    @Test(
        "tweets: correlation with the mean human rating as vaderSentiment 3.3.2 reaches (0.872)",
        .enabled(if: FileManager.default.fileExists(atPath: tweetsPath), "skipped: ../shared/data/sentiment is absent")
    )
    func tweets() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: tweetsPath))
        var ratings: [Double] = []
        var compounds: [Double] = []
        let analyzer = try VADERAnalyzer.shipped
        for line in data.split(separator: 0x0A) {
            let fields = (line.last == 0x0D ? line.dropLast() : line).split(separator: 0x09, maxSplits: 2)
            guard fields.count == 3, let rating = Double(String(decoding: fields[1], as: UTF8.self)) else { continue }
            ratings.append(rating)
            compounds.append(analyzer.scores(String(decoding: fields[2], as: UTF8.self)).compound)
        }
        #expect(ratings.count == 4200)
        let n = Double(ratings.count)
        let meanX = compounds.reduce(0, +) / n
        let meanY = ratings.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (x, y) in zip(compounds, ratings) {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
            syy += (y - meanY) * (y - meanY)
        }
        let r = sxy / (sxx * syy).squareRoot()
        #expect(abs(r - 0.872) < 0.001)
    }
}
