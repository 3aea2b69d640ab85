import GleanCore

/// The stages that ship with Glean.
public enum BuiltinStages {
    /// Every built-in stage type.
    public static let all: [any Stage.Type] = [
        TextStatsStage.self,
        LanguageStage.self,
        EntitiesStage.self,
        AlignmentStanceStage.self,
        SentimentStage.self,
        NoopStage.self,
    ]

    /// A registry holding the built-in stages.
    public static var registry: StageRegistry {
        StageRegistry(all)
    }
}
