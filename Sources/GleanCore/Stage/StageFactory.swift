import Foundation
import OrderedCollections

/// Builds instances of one kind of stage from a pipeline's `with:` block.
///
/// Made from a ``Stage`` type, or from a descriptor and a closure for stages whose type is not
/// known at compile time (plugins).
public struct StageFactory: Sendable {
    /// The stage's descriptor.
    public let descriptor: StageDescriptor
    private let build: @Sendable (JSONValue, StageContext) throws -> any Stage

    /// A factory for a stage type: decodes the typed configuration (defaults already filled in by
    /// ``makeStage(configuration:context:)``) and calls the stage's initializer.
    public init<S: Stage>(_ type: S.Type) {
        self.descriptor = S.descriptor
        self.build = { configuration, context in
            let typed: S.Configuration
            do {
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                typed = try decoder.decode(S.Configuration.self, from: Data(JSONWriter.serialize(configuration)))
            } catch let error as DecodingError {
                throw ConfigurationError(decoding: error)
            }
            return try S(configuration: typed, context: context)
        }
    }

    /// A factory from a descriptor and a building closure, which receives the `with:` object with
    /// the descriptor's defaults filled in.
    public init(
        descriptor: StageDescriptor,
        build: @escaping @Sendable (JSONValue, StageContext) throws -> any Stage
    ) {
        self.descriptor = descriptor
        self.build = build
    }

    /// Builds a stage from its `with:` object (`[:]` when absent), with the descriptor's defaults
    /// filled in for every key that is absent and case-insensitive choices spelt as declared.
    public func makeStage(configuration: JSONValue, context: StageContext) throws -> any Stage {
        try build(Self.normalizing(Self.fillingDefaults(configuration, from: descriptor), for: descriptor), context)
    }

    /// `configuration` with each declared field's value ``ValueType/normalized(_:)`` (`nato` →
    /// `NATO` for a case-insensitive choice).
    public static func normalizing(_ configuration: JSONValue, for descriptor: StageDescriptor) -> JSONValue {
        guard var members = configuration.objectValue else { return configuration }
        for field in descriptor.configuration {
            if let value = members[field.name] { members[field.name] = field.type.normalized(value) }
        }
        return .object(members)
    }

    /// `configuration` with each declared default added where the key is absent.
    public static func fillingDefaults(_ configuration: JSONValue, from descriptor: StageDescriptor) -> JSONValue {
        var members = configuration.objectValue ?? [:]
        for field in descriptor.configuration where members[field.name] == nil {
            if let value = field.defaultValue { members[field.name] = value }
        }
        return .object(members)
    }
}

extension ConfigurationError {
    /// A configuration error naming the field a decoding error points at.
    init(decoding error: DecodingError) {
        func snakeCase(_ key: String) -> String {
            var out = ""
            for character in key {
                if character.isUppercase {
                    out += "_" + character.lowercased()
                } else {
                    out.append(character)
                }
            }
            return out
        }
        func field(_ path: [any CodingKey]) -> String? {
            path.first.map { snakeCase($0.stringValue) }
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(field: field(context.codingPath), "expected a value of type \(type): \(context.debugDescription)")
        case .valueNotFound(_, let context):
            self.init(field: field(context.codingPath), "a value is required")
        case .keyNotFound(let key, let context):
            self.init(field: field(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            self.init(field: field(context.codingPath), context.debugDescription)
        @unknown default:
            self.init(field: nil, "\(error)")
        }
    }
}
