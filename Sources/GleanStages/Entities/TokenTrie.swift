/// Token sequences with a value each, found in a sentence's tokens by walking one token at a
/// time from a place: the longest sequence there wins, and no strings are joined to find it.
struct TokenTrie<Value> {
    /// The root (index 0) and every node below it.
    private var nodes = [Node()]

    fileprivate struct Node {
        /// The node after each next token.
        var children: [String: Int32] = [:]
        /// The value of the sequence that ends here, if one does.
        var value: Value?
    }

    /// An empty trie.
    init() {}

    /// Adds `tokens` with `value` (replacing the value of the same sequence).
    mutating func insert(_ tokens: some Sequence<String>, _ value: Value) {
        var node = 0
        for token in tokens {
            if let next = nodes[node].children[token] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[token] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        nodes[node].value = value
    }

    /// The longest sequence that `tokens` spell from `index`: its token count and value.
    func longestMatch(in tokens: [String], at index: Int) -> (length: Int, value: Value)? {
        var node = 0
        var best: (length: Int, value: Value)?
        var position = index
        while position < tokens.count, let next = nodes[node].children[tokens[position]] {
            node = Int(next)
            position += 1
            if let value = nodes[node].value { best = (position - index, value) }
        }
        return best
    }
}

extension TokenTrie: Sendable where Value: Sendable {}
extension TokenTrie.Node: Sendable where Value: Sendable {}
