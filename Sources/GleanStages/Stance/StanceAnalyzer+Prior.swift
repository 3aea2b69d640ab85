extension StanceAnalyzer {
    /// The latest year a text names (1900–2099), the time its standings are read at. A year
    /// after "before" bounds an earlier time, as ``time(of:in:)`` reads it, so it is not the
    /// text's time: "Before 2022, Sweden stayed outside NATO; today it is a member" is read now.
    static func latestYear(in text: StanceText) -> Int? {
        text.words.indices.compactMap { index in text.followsBefore(index) ? nil : text.year(at: index) }.max()
    }

    /// The year a text's standings are read at (`nil`: today): the latest year it names, but not
    /// after the year it was written (a later year is a plan or a deadline: "hopes to join by
    /// 2024" in a 2022 article is read in 2022); with no year named, the year it was written. A
    /// year the membership table is written as of, or later, is today.
    static func readingYear(named: Int?, written: Int?) -> Int? {
        guard let written else { return named }
        if let named, named < written { return named }
        return written >= BlocMemberships.writtenAsOf ? nil : written
    }

    /// Features of what the membership table says of a pair: each standing the actor ever had
    /// with the bloc (`prior.ever.*`), and whether it held at `year`: the passage's latest year,
    /// else the year its document was written
    /// (`prior.then.*`, `prior.not_then.*`; `prior.began_then.*` and `prior.ended_then.*` when it
    /// began or ended in that year) or, with no year, today (`prior.now.*`);
    /// `prior.none` when the table knows the bloc but not the actor, `prior.unknown_bloc` when
    /// it does not know the bloc.
    func addPriorFeatures(actor: String, bloc: String, year: Int?, to features: inout [String: Double]) {
        guard let memberships else { return }
        guard memberships.blocs.contains(bloc) else {
            features["prior.unknown_bloc"] = 1
            return
        }
        let periods = memberships.periods(actor: actor, bloc: bloc)
        guard !periods.isEmpty else {
            features["prior.none"] = 1
            return
        }
        for period in periods {
            let standing = period.standing.rawValue
            features["prior.ever." + standing] = 1
            if let year {
                if period.covers(year) {
                    features["prior.then." + standing] = 1
                    // A standing that began or ended in that very year: the text may tell of
                    // the change itself ("joined in 2004", "withdrew in 2012").
                    if period.from == year { features["prior.began_then." + standing] = 1 }
                    if period.to == year { features["prior.ended_then." + standing] = 1 }
                } else {
                    features["prior.not_then." + standing] = 1
                }
            } else if period.isCurrent {
                features["prior.now." + standing] = 1
            }
        }
    }
}
