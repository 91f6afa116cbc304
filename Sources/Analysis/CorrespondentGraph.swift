import Correspondence

/// Who wrote to whom: people as nodes, directed sender → addressee edges with counts.
/// A message to several addressees counts once on each edge; one with several writers counts
/// on each writer's edges. Messages the corpus holds and
/// inferred incoming messages are counted apart (`count` vs `inferredCount`).
public struct CorrespondentGraph: Sendable, Hashable, Codable {
    public struct Node: Sendable, Hashable, Codable {
        /// Person id.
        public var id: String
        public var name: String
        public var role: String
        /// Corpus messages written / addressed to this person.
        public var sent: Int
        public var received: Int
        /// Inferred messages written / addressed to this person.
        public var inferredSent: Int
        public var inferredReceived: Int
    }

    public struct Edge: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        /// Corpus messages on this edge.
        public var count: Int
        /// Inferred messages on this edge.
        public var inferredCount: Int
        /// Best dates of the first and last dated message (corpus messages; inferred ones when the
        /// edge has no corpus message); nil when none is dated.
        public var first: Day?
        public var last: Day?
        /// Corpus messages on this edge with no date (counted in `count`, in no year).
        public var undatedCount: Int = 0
        /// Corpus messages per year (of the best date).
        public var perYear: [Int: Int]
        /// Corpus messages per classification ("" for none).
        public var perClassification: [String: Int]
        /// Inferred messages per year.
        public var inferredPerYear: [Int: Int]
    }

    /// Nodes sorted by messages involved (descending), then id.
    public var nodes: [Node]
    /// Edges sorted by count + inferred count (descending), then from, to.
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    public func edge(from: String, to: String) -> Edge? { edges.first { $0.from == from && $0.to == to } }

    /// The graph of `messages` and `inferred` with every person outside `keep` merged into
    /// one node `othersID` named `othersName`: the shape a figure takes past its budget. A
    /// message counts once on the others node however many of them it names; messages among
    /// the others are a loop on that node.
    ///
    /// Every writer (co-senders too) and addressee is mapped as it is counted: no message is copied.
    ///
    /// - Complexity: O(m log m) for m messages.
    public static func aggregated(messages: [Message], inferred: [InferredMessage], people: PersonTable,
                                  keep: Set<String>, othersID: String, othersName: String) -> CorrespondentGraph {
        var table = people
        table.add(Person(id: othersID, name: othersName, role: "", aliases: [], authorities: [:]))
        return build(messages: messages, inferred: inferred, people: table) { id in
            id.isEmpty || keep.contains(id) ? id : othersID
        }
    }

    /// The graph of `messages` and `inferred`, each person id passed through `merge` first
    /// (`aggregated`: everyone past the budget becomes one node).
    ///
    /// - Complexity: O(n + p log p) for n messages and p pairs (one counting pass, then the
    ///   nodes and edges sorted).
    public static func build(messages: [Message], inferred: [InferredMessage], people: PersonTable,
                             merge: ((String) -> String)? = nil) -> CorrespondentGraph {
        var nodes: [String: Node] = [:]
        func touch(_ id: String) {
            if nodes[id] == nil {
                let p = people[id]
                nodes[id] = Node(id: id, name: p?.name ?? id, role: p?.role ?? "", sent: 0, received: 0,
                                 inferredSent: 0, inferredReceived: 0)
            }
        }
        struct Pair: Hashable { let from: String; let to: String }
        var edges: [Pair: Edge] = [:]
        /// Changes the edge in place (its per-year tables are not copied for each message).
        func update(_ from: String, _ to: String, _ change: (inout Edge) -> Void) {
            let key = Pair(from: from, to: to)
            if edges[key] == nil {
                edges[key] = Edge(from: from, to: to, count: 0, inferredCount: 0, first: nil, last: nil,
                                  perYear: [:], perClassification: [:], inferredPerYear: [:])
            }
            change(&edges[key]!)
        }
        let merge = merge ?? { $0 }
        // Fragments whose writer or addressee the reader could not tell have empty ids: they
        // count for the people who are known and draw no edge. Every writer of a letter sends
        // it (co-senders too), to every addressee. Undated letters count on their edges but set
        // no first or last day and no year.
        for index in messages.indices {
            // Fields read in place: the message itself is not copied.
            // Each writer once, in order (a set beside the list: a cell of a million writers
            // is not searched once per writer).
            var writers: [String] = []
            var distinctWriters = Set<String>()
            for w in messages[index].senders where !w.isEmpty {
                let id = merge(w)
                if distinctWriters.insert(id).inserted { writers.append(id) }
            }
            for w in writers {
                touch(w)
                nodes[w]?.sent += 1
            }
            let day = messages[index].date.best
            let classification = messages[index].classification
            var seen = Set<String>()
            for r in messages[index].recipients where !r.isEmpty {
                let r = merge(r)
                guard seen.insert(r).inserted else { continue }
                touch(r)
                nodes[r]?.received += 1
                for w in writers {
                    update(w, r) { e in
                        e.count += 1
                        if let day {
                            e.first = min(e.first ?? day, day)
                            e.last = max(e.last ?? day, day)
                            e.perYear[day.year, default: 0] += 1
                        } else {
                            e.undatedCount += 1
                        }
                        e.perClassification[classification, default: 0] += 1
                    }
                }
            }
        }
        for inc in inferred {
            let sender = merge(inc.sender), recipient = merge(inc.recipient)
            touch(sender)
            touch(recipient)
            nodes[sender]?.inferredSent += 1
            nodes[recipient]?.inferredReceived += 1
            update(sender, recipient) { e in
                if let day = inc.date.best {
                    if e.count == 0 {
                        e.first = min(e.first ?? day, day)
                        e.last = max(e.last ?? day, day)
                    }
                    e.inferredPerYear[day.year, default: 0] += 1
                }
                e.inferredCount += 1
            }
        }
        let sortedNodes = nodes.values.sorted {
            let a = $0.sent + $0.received + $0.inferredSent + $0.inferredReceived
            let b = $1.sent + $1.received + $1.inferredSent + $1.inferredReceived
            return a != b ? a > b : $0.id < $1.id
        }
        let sortedEdges = edges.values.sorted {
            let a = $0.count + $0.inferredCount, b = $1.count + $1.inferredCount
            if a != b { return a > b }
            return $0.from != $1.from ? $0.from < $1.from : $0.to < $1.to
        }
        return CorrespondentGraph(nodes: sortedNodes, edges: sortedEdges)
    }
}
