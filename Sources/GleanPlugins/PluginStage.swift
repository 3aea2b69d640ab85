import GleanCore
import Logging
import OrderedCollections

/// A stage run by a plugin process: `uses: plugin:NAME`.
///
/// A batch that fails (the plugin crashes, hangs or rejects the request) is split in halves and
/// retried until the documents responsible are found; those alone get errors, the rest succeed.
/// A single document is retried once before it is reported.
public struct PluginStage: Stage {
    /// The stage's settings: the plugin's own plus the host's, as declared by the manifest.
    public typealias Configuration = JSONValue

    /// A placeholder: plugin stages are described by their manifests (see ``factory(for:logger:)``).
    public static let descriptor = StageDescriptor(
        name: "plugin", version: "0", summary: "A stage run by a plugin process; see `glean plugins`.")

    private let pool: PluginPool
    private let name: String

    /// Plugin stages are built from a manifest by ``factory(for:logger:)``.
    public init(configuration: JSONValue, context: StageContext) throws {
        throw ConfigurationError(field: nil, "plugin stages are built from their manifest; use `uses: plugin:NAME`")
    }

    /// Builds the stage from settings with the descriptor's defaults already filled in (by
    /// ``StageFactory/makeStage(configuration:context:)``); the host's own settings are taken
    /// out before the rest goes to the plugin.
    init(manifest: PluginManifest, configuration: JSONValue, context: StageContext) {
        let options = PluginHostOptions(configuration: configuration, manifest: manifest)
        var ownSettings = configuration.objectValue ?? [:]
        for name in PluginHostOptions.names { ownSettings[name] = nil }
        name = manifest.name
        pool = PluginPool(
            manifest: manifest, stageID: context.stageID, configuration: .object(ownSettings), options: options,
            logger: context.logger)
    }

    /// The stage name pipelines use for the plugin called `name`.
    public static func stageName(_ name: String) -> String { "plugin:" + name }

    /// A factory building this plugin's stage, with its manifest's descriptor.
    public static func factory(for manifest: PluginManifest) -> StageFactory {
        let descriptor = StageDescriptor(
            name: stageName(manifest.name), version: manifest.version, summary: manifest.description,
            details: "A plugin in \(manifest.folder), started as `\(manifest.command.joined(separator: " "))`.",
            configuration: manifest.configuration + PluginHostOptions.fields, output: manifest.output,
            acceptsEmptyText: manifest.acceptsEmptyText, requiredStages: manifest.needs)
        return StageFactory(descriptor: descriptor) { configuration, context in
            PluginStage(manifest: manifest, configuration: configuration, context: context)
        }
    }

    /// Analyses one document (as a batch of one).
    public func analyze(_ input: StageInput) async throws -> StageResult {
        try await analyze(batch: [input])[0].get()
    }

    /// Sends the batch in requests of at most the plugin's `max_batch` documents.
    public func analyze(batch: [StageInput]) async -> [StageOutcome] {
        let maxBatch = await pool.batchLimit()
        var outcomes: [StageOutcome] = []
        outcomes.reserveCapacity(batch.count)
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + maxBatch)
            outcomes += await isolating(Array(batch[start..<end]), retried: false)
            start = end
        }
        return outcomes
    }

    /// Stops the plugin's instances.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// Runs `inputs`; on a request failure, splits them to find the documents responsible.
    private func isolating(_ inputs: [StageInput], retried: Bool) async -> [StageOutcome] {
        do throws(PluginFailure) {
            let answer = try await pool.analyze(Self.params(inputs))
            return Self.match(answer, to: inputs, plugin: name)
        } catch {
            if error.kind == .startFailed || error.kind == .protocolError && inputs.count == 1 {
                return inputs.map { _ in .failure(GleanError(error.code, error.message)) }
            }
            if inputs.count == 1 {
                if !retried { return await isolating(inputs, retried: true) }
                let id = inputs[0].document.id
                return [.failure(GleanError(error.code, "\(error.message) (document \(id), tried twice)"))]
            }
            // One half after the other: a crash fails every request in flight on the instance, so
            // halves sent together would implicate each other.
            let middle = inputs.count / 2
            let first = await isolating(Array(inputs[..<middle]), retried: false)
            return first + (await isolating(Array(inputs[middle...]), retried: false))
        }
    }

    /// The `analyze` params for `inputs`, written straight to JSON text:
    /// `{"documents":[{"id":…,"text":…,"fields":{…},"results":{…}},…]}`.
    static func params(_ inputs: [StageInput]) -> [UInt8] {
        var writer = JSONWriter(capacity: inputs.reduce(32) { $0 + $1.document.text.utf8.count + 48 })
        writer.writeRaw(#"{"documents":["#.utf8)
        for (index, input) in inputs.enumerated() {
            if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
            writer.writeRaw(#"{"id":"#.utf8)
            writer.writeString(input.document.id)
            writer.writeRaw(#","text":"#.utf8)
            writer.writeString(input.document.text)
            if !input.document.fields.isEmpty {
                writer.writeRaw(#","fields":"#.utf8)
                writer.write(.object(input.document.fields))
            }
            if !input.results.isEmpty {
                writer.writeRaw(#","results":{"#.utf8)
                for (position, key) in input.results.keys.sorted().enumerated() {
                    if position > 0 { writer.writeByte(UInt8(ascii: ",")) }
                    writer.writeString(key)
                    writer.writeByte(UInt8(ascii: ":"))
                    writer.write(input.results[key] ?? .null)
                }
                writer.writeByte(UInt8(ascii: "}"))
            }
            writer.writeByte(UInt8(ascii: "}"))
        }
        writer.writeRaw("]}".utf8)
        return writer.bytes
    }

    /// Pairs results with documents: by position when the ids agree, else by id; a document
    /// without a result gets an error of its own.
    static func match(_ answer: AnalyzeAnswer, to inputs: [StageInput], plugin: String) -> [StageOutcome] {
        /// A result's parts, read from its members without building the rest.
        struct Parts {
            var id: String?
            var output: JSONValue = .null
            var skipped: String?
            var error: JSONValue?
        }
        let results = answer.elements
        let read: [Parts] = answer.bytes.withUnsafeBytes { raw in
            results.map { range in
                var found = Parts()
                let element = UnsafeRawBufferPointer(rebasing: raw[range])
                guard let members = try? JSONParser.scanMembers(element) else { return found }
                for member in members {
                    let value = UnsafeRawBufferPointer(rebasing: element[member.value])
                    switch member.key {
                    case "id": found.id = try? JSONParser.string(scanned: member, in: element)
                    case "output": found.output = (try? JSONParser.parse(value)) ?? .null
                    case "skipped": found.skipped = try? JSONParser.string(scanned: member, in: element)
                    case "error":
                        let error = (try? JSONParser.parse(value)) ?? .null
                        if error != .null { found.error = error }
                    default: break
                    }
                }
                return found
            }
        }
        var byID: [String: Int]?
        return inputs.enumerated().map { position, input in
            let id = input.document.id
            var index: Int?
            if position < read.count, read[position].id == id {
                index = position
            } else {
                if byID == nil {
                    var table: [String: Int] = [:]
                    for (offset, result) in read.enumerated() {
                        if let resultID = result.id, table[resultID] == nil { table[resultID] = offset }
                    }
                    byID = table
                }
                index = byID?[id]
            }
            guard let index else {
                return .failure(
                    GleanError(
                        GleanError.Code("plugin_missing_result"),
                        "plugin \(plugin) returned \(results.count) results for \(inputs.count) documents; none for this one"))
            }
            let result = read[index]
            if let error = result.error {
                let message = error["message"]?.stringValue ?? JSONWriter.string(error)
                return .failure(GleanError(GleanError.Code("plugin_error"), "plugin \(plugin): \(message)"))
            }
            if let reason = result.skipped { return .success(.skipped(reason: reason)) }
            return .success(.output(result.output))
        }
    }
}
