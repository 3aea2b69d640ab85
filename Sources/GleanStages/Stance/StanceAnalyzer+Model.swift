import GleanText

extension StanceAnalyzer {
    /// The pair the model makes of a candidate: its most likely stance, with the calibrated
    /// confidence that the pair is right (by the model's calibration for texts without a
    /// speaker when `plain`); other stances the evidence supports as `also`.
    func pair(from candidate: StanceCandidate, model: StanceModel, plain: Bool = false) -> StancePair? {
        let decision = model.decide(candidate.features)
        let calibration = plain ? model.plainCalibration ?? model.calibration : model.calibration
        let confidence = calibration(decision.probability)
        var evidence = candidate.evidence
        if evidence.isEmpty, let sentence = candidate.sentence {
            evidence.append(
                StanceEvidence(
                    stance: decision.stance, weight: 0, cue: "(named together)", cueText: "", cueSpan: sentence.span,
                    sentence: sentence.index, sentenceSpan: sentence.span, negated: false, isWithdrawal: false, year: nil,
                    time: 1_000_000))
        }
        var also: [Stance] = []
        if let rule = candidate.rule {
            also = ([rule.stance] + rule.also).filter { $0 != decision.stance }
            if decision.stance == .partner, evidence.contains(where: { $0.stance == .neutral }) { also.append(.neutral) }
            if decision.stance == .member { also.removeAll { $0 == .partner } }
        }
        var seen = Set<Stance>()
        also = also.filter { seen.insert($0).inserted }
        return StancePair(
            actor: candidate.actor, actorName: gazetteer.name(of: candidate.actor) ?? candidate.actor, bloc: candidate.bloc,
            blocName: gazetteer.name(of: candidate.bloc) ?? candidate.bloc, stance: decision.stance, also: also,
            confidence: (confidence * 1000).rounded() / 1000, asOf: candidate.rule?.asOf, evidence: evidence)
    }
}
