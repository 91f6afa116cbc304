/// The people and places named in message bodies, and how often two are named in the same
/// message (co-occurrence within a message; weight = the number of such messages).
public struct MentionGraph: Sendable, Hashable, Codable {
    public struct Node: Sendable, Hashable, Codable {
        public var id: String
        public var kind: MentionEntity.Kind
        public var name: String
        /// Messages naming it.
        public var messages: Int
        /// Occurrences over all messages.
        public var occurrences: Int
    }

    public struct Edge: Sendable, Hashable, Codable {
        /// The two ids, `a < b`.
        public var a: String
        public var b: String
        /// Messages naming both.
        public var weight: Int
    }

    /// Nodes by messages (descending), then id.
    public var nodes: [Node]
    /// Edges by weight (descending), then a, b.
    public var edges: [Edge]
    /// Names found per message id.
    public var byMessage: [String: [Mention]]

    public init(nodes: [Node], edges: [Edge], byMessage: [String: [Mention]]) {
        self.nodes = nodes
        self.edges = edges
        self.byMessage = byMessage
    }

    /// The graph restricted to one kind (e.g. the network of people mentioned together).
    /// A message whose mentions are all kept shares its list with this graph (not copied),
    /// and no list is made for a message that keeps none: the figures hold this graph for the
    /// whole gallery (issue 13).
    /// - Parameter withMessages: false leaves `byMessage` empty (nodes and edges only), for a
    ///   holder that reads the mentions of each message from this graph instead (the gallery's
    ///   figures: a table of 500,000 messages' lists was some 50 MB at the gallery's memory peak).
    /// - Complexity: O(n) in the mentions; O(nodes + edges) without the messages.
    public func restricted(to kind: MentionEntity.Kind, withMessages: Bool = true) -> MentionGraph {
        let keep = Set(nodes.filter { $0.kind == kind }.map(\.id))
        var kept: [String: [Mention]] = [:]
        for (id, found) in withMessages ? byMessage : [:] {
            let matching = found.count { keep.contains($0.entity) }
            if matching > 0 && matching == found.count {
                kept[id] = found
            } else if matching > 0 {
                kept[id] = found.filter { keep.contains($0.entity) }
            }
        }
        return MentionGraph(nodes: nodes.filter { keep.contains($0.id) },
                            edges: edges.filter { keep.contains($0.a) && keep.contains($0.b) },
                            byMessage: kept)
    }

    static func build(byMessage: [String: [Mention]], messageOrder: [String], table: MentionTable) -> MentionGraph {
        let entities = Dictionary(table.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var messageCounts: [String: Int] = [:]
        var occurrences: [String: Int] = [:]
        struct Pair: Hashable { let a: String; let b: String }
        var weights: [Pair: Int] = [:]
        for id in messageOrder {
            guard let found = byMessage[id], !found.isEmpty else { continue }
            for m in found { occurrences[m.entity, default: 0] += 1 }
            let distinct = Array(Set(found.map(\.entity))).sorted()
            for e in distinct { messageCounts[e, default: 0] += 1 }
            if distinct.count > 1 {
                for i in 0..<(distinct.count - 1) {
                    for j in (i + 1)..<distinct.count {
                        weights[Pair(a: distinct[i], b: distinct[j]), default: 0] += 1
                    }
                }
            }
        }
        var nodes: [Node] = []
        for (id, n) in messageCounts {
            let entity = entities[id]
            nodes.append(Node(id: id, kind: entity?.kind ?? .person, name: entity?.name ?? id, messages: n,
                              occurrences: occurrences[id] ?? n))
        }
        nodes.sort { (a: Node, b: Node) -> Bool in
            a.messages != b.messages ? a.messages > b.messages : a.id < b.id
        }
        var edges: [Edge] = weights.map { (pair: (key: Pair, value: Int)) -> Edge in
            Edge(a: pair.key.a, b: pair.key.b, weight: pair.value)
        }
        edges.sort { (x: Edge, y: Edge) -> Bool in
            if x.weight != y.weight { return x.weight > y.weight }
            if x.a != y.a { return x.a < y.a }
            return x.b < y.b
        }
        return MentionGraph(nodes: nodes, edges: edges, byMessage: byMessage)
    }
}
