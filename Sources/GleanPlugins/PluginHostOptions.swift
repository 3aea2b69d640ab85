import GleanCore

/// How the host runs a plugin: settings every plugin stage accepts under `with:` besides its own.
public struct PluginHostOptions: Sendable {
    /// Seconds to wait for an answer before the instance is killed and restarted.
    public var timeout: Duration = .seconds(30)
    /// Seconds a new instance has to answer `initialize`.
    public var startupTimeout: Duration = .seconds(10)
    /// Instances to run (at most the manifest's `instances`).
    public var instances: Int = 1
    /// Requests in flight per instance.
    public var maxInFlight: Int = 4
    /// Restart an instance after it has analysed this many documents.
    public var restartAfter: Int?
    /// Restart an instance whose resident memory exceeds this many megabytes.
    public var maxResidentMegabytes: Int?
    /// Seconds a plugin has to exit after `shutdown` before it is killed.
    public var shutdownGrace: Duration = .seconds(2)

    /// The host settings, as declared to validation and `glean stages`.
    public static let fields: [ConfigurationField] = [
        ConfigurationField(
            "timeout_seconds", type: .number(min: 0.01), default: 30,
            summary: "Seconds to wait for an answer before the instance is restarted."),
        ConfigurationField(
            "instances", type: .integer(min: 1), summary: "Instances to run (default and maximum: the manifest's `instances`)."),
        ConfigurationField("restart_after", type: .integer(min: 1), summary: "Restart an instance after this many documents."),
        ConfigurationField(
            "max_rss_mb", type: .integer(min: 1), summary: "Restart an instance whose resident memory exceeds this many MB."),
    ]

    /// The host settings' names.
    public static let names = Set(fields.map(\.name))

    /// Reads the host settings from a stage's `with:` object.
    public init(configuration: JSONValue, manifest: PluginManifest) {
        if let seconds = configuration["timeout_seconds"]?.doubleValue { timeout = .milliseconds(Int(seconds * 1000)) }
        instances = min(manifest.instances, configuration["instances"]?.intValue ?? manifest.instances)
        maxInFlight = manifest.maxInFlight
        restartAfter = configuration["restart_after"]?.intValue
        maxResidentMegabytes = configuration["max_rss_mb"]?.intValue
    }
}
