import Foundation
import GleanCore

extension StanceForest: Codable {
    private enum CodingKeys: String, CodingKey {
        case features, base, trees
    }

    /// Reads a forest written by `encode(to:)`, checked as ``init(features:base:trees:)`` checks it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                features: try container.decode([String].self, forKey: .features),
                base: try container.decode([Double].self, forKey: .base),
                trees: try container.decode([Tree].self, forKey: .trees))
        } catch let error as GleanError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Writes the features, base scores and trees.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
        try container.encode(base, forKey: .base)
        try container.encode(trees, forKey: .trees)
    }
}
