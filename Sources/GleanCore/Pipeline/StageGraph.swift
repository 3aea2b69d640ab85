/// The `needs` graph of a pipeline's stages: edges from a stage to the stages it needs.
public struct StageGraph: Sendable {
    /// For each stage index, the indices of the stages it needs.
    public var edges: [[Int]]

    /// Creates the graph.
    public init(edges: [[Int]]) {
        self.edges = edges
    }

    /// The first cycle found, as stage indices in order, or `nil` when there is none.
    public func firstCycle() -> [Int]? {
        enum Mark { case unvisited, active, done }
        var marks = Array(repeating: Mark.unvisited, count: edges.count)
        var stack: [Int] = []
        func visit(_ node: Int) -> [Int]? {
            marks[node] = .active
            stack.append(node)
            for next in edges[node] {
                switch marks[next] {
                case .active:
                    guard let start = stack.firstIndex(of: next) else { continue }
                    return Array(stack[start...])
                case .unvisited:
                    if let cycle = visit(next) { return cycle }
                case .done:
                    continue
                }
            }
            stack.removeLast()
            marks[node] = .done
            return nil
        }
        for node in edges.indices where marks[node] == .unvisited {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }

    /// A topological order (needed stages first), ties broken by index; `nil` on a cycle.
    public func topologicalOrder() -> [Int]? {
        var remaining = edges.map { Set($0) }
        var order: [Int] = []
        var placed = Set<Int>()
        while order.count < edges.count {
            guard let next = remaining.indices.first(where: { !placed.contains($0) && remaining[$0].isEmpty }) else {
                return nil
            }
            order.append(next)
            placed.insert(next)
            for index in remaining.indices { remaining[index].remove(next) }
        }
        return order
    }
}
