/// Counts the letters of each writing system in a text.
public struct ScriptCounter: Sendable {
    private var counts = [Int](repeating: 0, count: Script.allCases.count)
    private let table = ScalarTable.scripts
    /// Letters counted so far.
    public private(set) var letters = 0

    /// An empty counter.
    public init() {}

    /// Counts `scalar` if it is a letter; returns whether it was.
    @discardableResult
    public mutating func add(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < ScalarTable.limit {
            let entry = table[Int(scalar.value)]
            guard entry > 0 else { return false }
            counts[Int(entry) - 1] += 1
            letters += 1
            return true
        }
        guard let script = Script(letter: scalar) else { return false }
        counts[script.ordinal] += 1
        letters += 1
        return true
    }

    /// The letters counted for `script`.
    public func count(of script: Script) -> Int {
        counts[script.ordinal]
    }

    /// Each script present with its share of the letters, largest first (ties in script order).
    public var shares: [(script: Script, share: Double)] {
        guard letters > 0 else { return [] }
        var result: [(script: Script, share: Double)] = []
        for (ordinal, count) in counts.enumerated() where count > 0 {
            result.append((Script(rawValue: ordinal) ?? .other, Double(count) / Double(letters)))
        }
        return result.sorted { $0.share != $1.share ? $0.share > $1.share : $0.script < $1.script }
    }
}
