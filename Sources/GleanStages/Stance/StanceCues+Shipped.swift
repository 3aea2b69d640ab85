import GleanCore

extension StanceCues {
    /// The built-in cues (`Resources/stance-cues.yaml`), loaded once.
    public static var shipped: StanceCues {
        get throws(GleanError) { try loadedShipped.get() }
    }

    private static let loadedShipped = Result { () throws(GleanError) in
        let bytes = try StageResources.bytes(
            at: StageResources.url(named: "stance-cues.yaml"), of: "the stance cues",
            remedy: "restore Sources/GleanStages/Stance/Resources/stance-cues.yaml")
        return try parse(yaml: String(decoding: bytes, as: UTF8.self), source: "stance-cues.yaml").cues
    }
}
