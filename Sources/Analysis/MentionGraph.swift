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

    /// The graph of the mentions of `messages`: each message's id and what it names, in message
    /// order (a message that names no one may be left out or given an empty list). Read by
    /// position, so that no message's id is looked up again to find its list.
    /// Each entity is numbered once, as it is first met, and the counts and the pairs are kept
    /// by number: with the ids as keys every mention was hashed three times and every pair
    /// twice over (both strings), and at 500,000 messages this pass ran alone at the end of
    /// the analysis for over half a second (`perf record`).
    /// - Complexity: O(m + p) for m mentions and p pairs named in one message, plus
    ///   O(k log k) in the entities and pairs kept (the sort).
    static func build<Messages: Collection<(id: String, mentions: [Mention])>>(_ messages: Messages, table: MentionTable) -> MentionGraph {
        let entities = Dictionary(table.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var numbers: [String: Int32] = [:]
        var ids: [String] = []
        var messageCounts: [Int] = [], occurrences: [Int] = []
        // A pair by its two numbers, the smaller first: which id sorts first is decided at the end.
        var weights: [UInt64: Int] = [:]
        var distinct: [Int32] = []
        var byMessage: [String: [Mention]] = [:]
        // Sized once: growing it rehashed every id several times over.
        byMessage.reserveCapacity(messages.count { !$0.mentions.isEmpty })
        for (id, found) in messages where !found.isEmpty {
            byMessage[id] = found
            distinct.removeAll(keepingCapacity: true)
            for m in found {
                let number: Int32
                if let known = numbers[m.entity] {
                    number = known
                } else {
                    number = Int32(ids.count)
                    numbers[m.entity] = number
                    ids.append(m.entity)
                    messageCounts.append(0)
                    occurrences.append(0)
                }
                occurrences[Int(number)] += 1
                distinct.append(number)
            }
            distinct.sort()
            var kept = 0
            for number in distinct where kept == 0 || distinct[kept - 1] != number {
                distinct[kept] = number
                kept += 1
            }
            for k in 0..<kept {
                messageCounts[Int(distinct[k])] += 1
                for l in (k + 1)..<kept {
                    weights[UInt64(UInt32(distinct[k])) << 32 | UInt64(UInt32(distinct[l])), default: 0] += 1
                }
            }
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(ids.count)
        for (number, id) in ids.enumerated() {
            let entity = entities[id]
            nodes.append(Node(id: id, kind: entity?.kind ?? .person, name: entity?.name ?? id, messages: messageCounts[number],
                              occurrences: occurrences[number]))
        }
        nodes.sort { (a: Node, b: Node) -> Bool in
            a.messages != b.messages ? a.messages > b.messages : a.id < b.id
        }
        var edges: [Edge] = weights.map { (pair: (key: UInt64, value: Int)) -> Edge in
            let one = ids[Int(pair.key >> 32)], other = ids[Int(pair.key & 0xFFFF_FFFF)]
            return one < other ? Edge(a: one, b: other, weight: pair.value) : Edge(a: other, b: one, weight: pair.value)
        }
        edges.sort { (x: Edge, y: Edge) -> Bool in
            if x.weight != y.weight { return x.weight > y.weight }
            if x.a != y.a { return x.a < y.a }
            return x.b < y.b
        }
        return MentionGraph(nodes: nodes, edges: edges, byMessage: byMessage)
    }
}
