extension EntitiesStage {
    /// The languages whose blocs, institutions, capitals and people the stage finds: English,
    /// and those with names in `Resources/names-i18n.tsv`. Country names are found in 148 more.
    static let languages = ["en", "az", "de", "es", "fr", "ru", "tr", "uk"]
}
