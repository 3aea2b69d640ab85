import GleanCore

/// What the report page shows and how much of it.
public struct ReportOptions: Sendable {
    /// The page's title.
    public var title = "Glean report"
    /// The results file's name, shown under the title.
    public var source = ""
    /// What made the page (`glean 0.1.0`).
    public var generator = "glean"
    /// The date field's name, for the page's words.
    public var dateField = "published"
    /// The run's summary (`glean run --summary json`), when given.
    public var runSummary: JSONValue?
    /// Actors (rows) in the matrix, most pairs first.
    public var maxActors = 40
    /// Actor–bloc timelines drawn, most pairs first.
    public var maxTimelines = 12
    /// Names listed per entity kind, countries in the tone chart, languages.
    public var topNames = 15

    /// The default options.
    public init() {}
}
