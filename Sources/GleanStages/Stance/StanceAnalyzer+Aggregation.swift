import Foundation
import GleanText

extension StanceAnalyzer {
    /// One pair from its evidence: the evidence of the latest time decides; membership outranks
    /// cooperation (members cooperate) and, unless clearly outweighed, refusal and aims;
    /// withdrawal outranks membership, cooperation with a refusal is
    /// `partner` with `neutral` also; otherwise the strongest stance wins.
    func aggregate(_ key: PairKey, _ evidence: [StanceEvidence]) -> StancePair? {
        guard let latest = evidence.map(\.time).max() else { return nil }
        let current = evidence.filter { $0.time == latest }
        var scores: [Stance: Double] = [:]
        for item in current { scores[item.stance, default: 0] += item.weight }
        var everywhere: [Stance: Double] = [:]
        for item in evidence { everywhere[item.stance, default: 0] += item.weight }
        let withdraws = current.contains(where: \.isWithdrawal)
        var primary: Stance
        if withdraws, let opposed = scores[.opposed], opposed >= (scores[.member] ?? 0) {
            primary = .opposed
        } else if let member = scores[.member],
            member >= 0.9 * (scores.filter { $0.key != .member && $0.key != .partner }.values.max() ?? 0)
        {
            primary = .member
        } else if scores[.partner] != nil, scores[.neutral] != nil {
            primary = .partner
        } else if scores[.neutral] != nil, scores[.opposed] != nil, !withdraws {
            primary = .neutral
        } else if scores[.neutral] != nil, scores.count == 1, everywhere[.partner] != nil, everywhere[.seeking] == nil,
            everywhere[.member] == nil
        {
            primary = .partner
        } else if let strongest = scores.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) {
            primary = strongest.key
        } else {
            return nil
        }
        // Cooperation does not end an application or a membership the text reports earlier.
        if primary == .partner,
            let earlier = [Stance.member, .seeking].first(where: { stance in
                evidence.contains { $0.stance == stance && $0.time < latest }
            })
        {
            primary = earlier
        }
        let support = scores[primary] ?? everywhere[primary] ?? 0
        let against = scores.filter { $0.key != primary && !Self.compatible(primary, $0.key) }.values.reduce(0, +)
        // Members cooperate with their bloc: that is no second stance.
        var also = scores.filter { $0.key != primary && !(primary == .member && $0.key == .partner) }
            .sorted { $0.value > $1.value }.map(\.key)
        if primary == .seeking, everywhere[.partner] != nil, !also.contains(.partner) { also.append(.partner) }
        if primary == .partner, everywhere[.neutral] != nil, !also.contains(.neutral) { also.append(.neutral) }
        if primary == .opposed, everywhere[.member] != nil, !also.contains(.member) { also.append(.member) }
        let confidence = support > 0 ? (1 - exp(-1.2 * support)) * support / (support + 0.5 * against) : 0
        return StancePair(
            actor: key.actor, actorName: gazetteer.name(of: key.actor) ?? key.actor, bloc: key.bloc,
            blocName: gazetteer.name(of: key.bloc) ?? key.bloc, stance: primary, also: also,
            confidence: (confidence * 1000).rounded() / 1000, asOf: current.compactMap(\.year).max(),
            evidence: evidence.sorted { ($0.cueSpan.start, $0.stance.rawValue) < ($1.cueSpan.start, $1.stance.rawValue) })
    }

    /// Stances that can hold together, so that one does not count against the other
    /// (cooperation with a refusal; withdrawal while formally a member; refusal with hostility;
    /// members and applicants cooperating).
    static func compatible(_ first: Stance, _ second: Stance) -> Bool {
        let pair: Set<Stance> = [first, second]
        return pair == [.partner, .neutral] || pair == [.opposed, .member] || pair == [.neutral, .opposed]
            || pair == [.member, .partner] || pair == [.seeking, .partner]
    }
}
