import GleanPluginKit

/// No settings.
struct Settings: Decodable {}

// Answers every document with `{}`, as ready JSON text: the cost of the protocol itself.
GleanPlugin.run(name: "noop", version: "1.0.0") { (_: Settings) in
    { _ in PluginResult<Bool>.json("{}") }
}
