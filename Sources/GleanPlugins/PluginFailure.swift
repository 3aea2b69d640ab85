import GleanCore

/// Why a request to a plugin failed.
public struct PluginFailure: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The plugin could not be started or did not complete the handshake.
        case startFailed
        /// The process exited or closed its output while requests were in flight.
        case crashed
        /// No answer within the timeout.
        case timedOut
        /// The answer broke the protocol (wrong shape, wrong version).
        case protocolError
        /// The plugin answered the request with a JSON-RPC error.
        case rejected
    }

    /// The kind of failure.
    public var kind: Kind
    /// What happened, naming the plugin.
    public var message: String

    /// Creates a failure.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The error code written in output and error files.
    public var code: GleanError.Code {
        switch kind {
        case .startFailed: return GleanError.Code("plugin_start_failed")
        case .crashed: return GleanError.Code("plugin_crashed")
        case .timedOut: return .timeout
        case .protocolError: return GleanError.Code("plugin_protocol_error")
        case .rejected: return GleanError.Code("plugin_error")
        }
    }

    /// The message.
    public var description: String { message }
}
