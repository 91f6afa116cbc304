import Correspondence

/// Who wrote to whom: people as nodes, directed sender → addressee edges with counts.
/// A message to several addressees counts once on each edge; one with several writers counts
/// on each writer's edges. Messages the corpus holds and
/// inferred incoming messages are counted apart (`count` vs `inferredCount`).
///
/// An edge's counts per year and per classification are one flat table for the whole graph
/// (`tallies`), not small dictionaries on each edge: a catalogue of half a million letters
/// between thousands of people has nearly one edge per letter, and three dictionaries an edge
/// were most of the analysis's memory.
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
    }

    /// One count of one edge's breakdown: corpus messages in a year, inferred messages in a
    /// year, or corpus messages of one classification. 16 bytes.
    public struct Tally: Sendable, Hashable, Codable {
        public enum Kind: UInt8, Sendable, Hashable, Codable {
            /// `key` is a year of the best date of corpus messages.
            case year
            /// `key` is a year of the best date of inferred messages.
            case inferredYear
            /// `key` is a position in `classifications`.
            case classification
        }
        /// Position of the edge in `edges`.
        public var edge: Int32
        public var kind: Kind
        public var key: Int32
        public var count: Int32
    }

    /// Nodes sorted by messages involved (descending), then id.
    public var nodes: [Node]
    /// Edges sorted by count + inferred count (descending), then from, to.
    public var edges: [Edge]
    /// The breakdowns of every edge, sorted by edge position, kind, then key; empty for a graph
    /// made from nodes and edges alone (`init(nodes:edges:)`).
    public var tallies: [Tally]
    /// The classifications of the messages counted ("" for none), sorted; `Tally.key` of a
    /// `.classification` tally is a position here.
    public var classifications: [String]

    public init(nodes: [Node], edges: [Edge]) {
        self.init(nodes: nodes, edges: edges, tallies: [], classifications: [])
    }

    init(nodes: [Node], edges: [Edge], tallies: [Tally], classifications: [String]) {
        self.nodes = nodes
        self.edges = edges
        self.tallies = tallies
        self.classifications = classifications
    }

    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    public func edge(from: String, to: String) -> Edge? { edgeIndex(from: from, to: to).map { edges[$0] } }
    public func edgeIndex(from: String, to: String) -> Int? { edges.firstIndex { $0.from == from && $0.to == to } }

    /// Corpus messages of the edge at `edge` per year (of the best date).
    public func perYear(edge: Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: tallies(of: edge, .year).map { (Int($0.key), Int($0.count)) })
    }

    /// Inferred messages of the edge at `edge` per year.
    public func inferredPerYear(edge: Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: tallies(of: edge, .inferredYear).map { (Int($0.key), Int($0.count)) })
    }

    /// Corpus messages of the edge at `edge` per classification ("" for none).
    public func perClassification(edge: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: tallies(of: edge, .classification).map { (classifications[Int($0.key)], Int($0.count)) })
    }

    /// The tallies of one kind of one edge: a binary search in the sorted table.
    /// - Complexity: O(log t + k) for t tallies, k of them returned.
    public func tallies(of edge: Int, _ kind: Tally.Kind) -> ArraySlice<Tally> {
        func before(_ t: Tally, _ e: Int32, _ k: UInt8) -> Bool { t.edge != e ? t.edge < e : t.kind.rawValue < k }
        func lowerBound(_ e: Int32, _ k: UInt8) -> Int {
            var low = 0, high = tallies.count
            while low < high {
                let mid = (low + high) / 2
                if before(tallies[mid], e, k) { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let e = Int32(clamping: edge)
        let start = lowerBound(e, kind.rawValue)
        let end = lowerBound(e, kind.rawValue + 1)
        return tallies[start..<max(start, end)]
    }

    /// The graph of `messages` and `inferred` with every person outside `keep` merged into
    /// one node `othersID` named `othersName`: the shape a figure takes past its budget. A
    /// message counts once on the others node however many of them it names; messages among
    /// the others are a loop on that node.
    ///
    /// - Complexity: O(m log m) for m messages.
    public static func aggregated(messages: [Message], inferred: [InferredMessage], people: PersonTable,
                                  keep: Set<String>, othersID: String, othersName: String) -> CorrespondentGraph {
        aggregated(LetterNumbers(messages: messages, inferred: inferred), people: people, keep: keep, othersID: othersID, othersName: othersName)
    }

    /// `aggregated` of letters numbered once (`LetterNumbers`), for a figure that merges at
    /// several budgets: each person's id is looked up once, not once per letter naming them.
    /// `withInferred: false` counts the corpus's messages alone.
    ///
    /// - Complexity: O(m log m) for m messages; O(p) hashes for p people.
    public static func aggregated(_ letters: LetterNumbers, people: PersonTable, keep: Set<String>, othersID: String,
                                  othersName: String, withInferred: Bool = true) -> CorrespondentGraph {
        var table = people
        table.add(Person(id: othersID, name: othersName, role: "", aliases: [], authorities: [:]))
        return build(letters, people: table, withInferred: withInferred) { id in
            id.isEmpty || keep.contains(id) ? id : othersID
        }
    }

    /// The graph of `messages` and `inferred`, each person id passed through `merge` first
    /// (`aggregated`: everyone past the budget becomes one node).
    ///
    /// - Complexity: O(n log n + p log p) for n messages and p pairs (`LetterNumbers`, then
    ///   `build(_:people:withInferred:merge:)`).
    public static func build(messages: [Message], inferred: [InferredMessage], people: PersonTable,
                             merge: ((String) -> String)? = nil) -> CorrespondentGraph {
        build(LetterNumbers(messages: messages, inferred: inferred), people: people, merge: merge)
    }

    /// The graph of numbered letters, each person id passed through `merge` first; the
    /// inferred messages counted unless `withInferred` is false.
    ///
    /// Each person's merged number is found once, when first met; each (writer, addressee) of
    /// a message and each inferred message becomes a 20-byte occurrence, and the occurrences
    /// sorted by pair give the edges and their tallies in one pass. No table is kept per edge.
    ///
    /// - Complexity: O(n log n + p log p) for n messages and p pairs (the occurrences sorted,
    ///   then the nodes and edges); one `merge` and one hash per person.
    public static func build(_ letters: LetterNumbers, people: PersonTable, withInferred: Bool = true,
                             merge: ((String) -> String)? = nil) -> CorrespondentGraph {
        var number: [String: Int32] = [:]
        var ids: [String] = []
        var sent: [Int] = [], received: [Int] = [], inferredSent: [Int] = [], inferredReceived: [Int] = []
        // The last message each person wrote and was addressed in: a writer or addressee named
        // twice in one letter (or two people merged into one) counts once, found without
        // searching the letter's list (a cell of a million writers would be quadratic).
        var lastWritten: [Int] = [], lastAddressed: [Int] = []
        // Each numbered person's number in this graph (-1: not met yet), in order of first
        // appearance as the letters are counted.
        var merged = [Int32](repeating: -1, count: letters.ids.count)
        func person(_ k: Int32) -> Int32 {
            let known = merged[Int(k)]
            if known >= 0 { return known }
            let id = merge.map { $0(letters.ids[Int(k)]) } ?? letters.ids[Int(k)]
            let n: Int32
            if let found = number[id] {
                n = found
            } else {
                n = Int32(ids.count)
                number[id] = n
                ids.append(id)
                sent.append(0); received.append(0); inferredSent.append(0); inferredReceived.append(0)
                lastWritten.append(-1); lastAddressed.append(-1)
            }
            merged[Int(k)] = n
            return n
        }
        // Classifications met, by their number in `letters`, renumbered in order of first appearance.
        var classNumber = [Int32](repeating: -1, count: letters.classificationNames.count)
        var classNames: [String] = []
        func classification(_ k: Int32) -> Int32 {
            if classNumber[Int(k)] >= 0 { return classNumber[Int(k)] }
            let n = Int32(classNames.count)
            classNumber[Int(k)] = n
            classNames.append(letters.classificationNames[Int(k)])
            return n
        }
        var occurrences: [PairOccurrence] = []
        occurrences.reserveCapacity(letters.messageCount + (withInferred ? letters.inferredDays.count : 0))
        // Every writer of a letter sends it (co-senders too), to every addressee. Undated
        // letters count on their edges but set no first or last day and no year.
        var writers: [Int32] = []
        for index in 0..<letters.messageCount {
            writers.removeAll(keepingCapacity: true)
            for position in Int(letters.writerBounds[index])..<Int(letters.writerBounds[index + 1]) {
                let k = person(letters.writers[position])
                if lastWritten[Int(k)] != index {
                    lastWritten[Int(k)] = index
                    writers.append(k)
                }
            }
            for w in writers { sent[Int(w)] += 1 }
            let day = letters.days[index]
            let kind = classification(letters.classifications[index])
            for position in Int(letters.addresseeBounds[index])..<Int(letters.addresseeBounds[index + 1]) {
                let k = person(letters.addressees[position])
                guard lastAddressed[Int(k)] != index else { continue }
                lastAddressed[Int(k)] = index
                received[Int(k)] += 1
                for w in writers {
                    occurrences.append(PairOccurrence(from: w, to: k, day: day, classification: kind, inferred: false))
                }
            }
        }
        if withInferred {
            for index in letters.inferredDays.indices {
                let sender = person(letters.inferredSenders[index]), recipient = person(letters.inferredRecipients[index])
                inferredSent[Int(sender)] += 1
                inferredReceived[Int(recipient)] += 1
                occurrences.append(PairOccurrence(from: sender, to: recipient, day: letters.inferredDays[index], classification: -1, inferred: true))
            }
        }
        // Pair, then corpus before inferred, then day: each edge is one run, its years in order.
        occurrences.sort {
            if $0.from != $1.from { return $0.from < $1.from }
            if $0.to != $1.to { return $0.to < $1.to }
            if $0.inferred != $1.inferred { return !$0.inferred }
            return $0.day < $1.day
        }
        // Each pair's run of occurrences, with what its place among the edges needs (24 bytes):
        // the edges are written out once, in their final order.
        var runs: [PairRun] = []
        var start = 0
        while start < occurrences.count {
            var end = start + 1
            while end < occurrences.count, occurrences[end].from == occurrences[start].from,
                  occurrences[end].to == occurrences[start].to { end += 1 }
            let inferredCount = occurrences[start..<end].reduce(Int32(0)) { $0 + ($1.inferred ? 1 : 0) }
            runs.append(PairRun(from: occurrences[start].from, to: occurrences[start].to, start: Int32(start), end: Int32(end),
                                total: Int32(end - start), inferredCount: inferredCount))
            start = end
        }
        let nodes = ids.indices.map { k -> Node in
            let p = people[ids[k]]
            return Node(id: ids[k], name: p?.name ?? ids[k], role: p?.role ?? "", sent: sent[k], received: received[k],
                        inferredSent: inferredSent[k], inferredReceived: inferredReceived[k])
        }
        let sortedNodes = nodes.sorted {
            let a = $0.sent + $0.received + $0.inferredSent + $0.inferredReceived
            let b = $1.sent + $1.received + $1.inferredSent + $1.inferredReceived
            return a != b ? a > b : $0.id < $1.id
        }
        runs.sort {
            if $0.total != $1.total { return $0.total > $1.total }
            let a = ids[Int($0.from)], b = ids[Int($1.from)]
            return a != b ? a < b : ids[Int($0.to)] < ids[Int($1.to)]
        }
        // Classifications by name, so that tallies of one edge come in name order.
        let classOrder = classNames.indices.sorted { classNames[$0] < classNames[$1] }
        var classRank = [Int32](repeating: 0, count: classNames.count)
        for (rank, k) in classOrder.enumerated() { classRank[k] = Int32(rank) }

        var edges: [Edge] = []
        edges.reserveCapacity(runs.count)
        var tallies: [Tally] = []
        var keys: [Int32] = []
        for (position, pair) in runs.enumerated() {
            let e = Int32(position)
            let run = occurrences[Int(pair.start)..<Int(pair.end)]
            var edge = Edge(from: ids[Int(pair.from)], to: ids[Int(pair.to)], count: Int(pair.total - pair.inferredCount),
                            inferredCount: Int(pair.inferredCount), first: nil, last: nil)
            // Corpus occurrences come first, each half by day: the first dated is the first day.
            var firstInferred: Int32? = nil, lastInferred: Int32? = nil
            for o in run {
                if o.day == PairOccurrence.undated {
                    if !o.inferred { edge.undatedCount += 1 }
                } else if o.inferred {
                    firstInferred = firstInferred ?? o.day
                    lastInferred = o.day
                } else {
                    edge.first = edge.first ?? Day(ordinal: Int(o.day))
                    edge.last = Day(ordinal: Int(o.day))
                }
            }
            // Inferred messages date an edge only when it has no corpus message.
            if edge.count == 0, let firstInferred, let lastInferred {
                edge.first = Day(ordinal: Int(firstInferred))
                edge.last = Day(ordinal: Int(lastInferred))
            }
            edges.append(edge)
            /// One tally per run of equal keys (`keys` sorted).
            func add(_ kind: Tally.Kind) {
                var i = 0
                while i < keys.count {
                    var j = i + 1
                    while j < keys.count, keys[j] == keys[i] { j += 1 }
                    tallies.append(Tally(edge: e, kind: kind, key: keys[i], count: Int32(j - i)))
                    i = j
                }
                keys.removeAll(keepingCapacity: true)
            }
            // Days are in order within each half of the run, so years are too.
            for o in run where !o.inferred && o.day != PairOccurrence.undated { keys.append(Int32(Day(ordinal: Int(o.day)).year)) }
            add(.year)
            for o in run where o.inferred && o.day != PairOccurrence.undated { keys.append(Int32(Day(ordinal: Int(o.day)).year)) }
            add(.inferredYear)
            for o in run where !o.inferred { keys.append(classRank[Int(o.classification)]) }
            keys.sort()
            add(.classification)
        }
        return CorrespondentGraph(nodes: sortedNodes, edges: edges, tallies: tallies,
                                  classifications: classOrder.map { classNames[$0] })
    }
}

/// The occurrences of one pair in `build`: their range, and the counts that order the edges.
struct PairRun {
    var from: Int32
    var to: Int32
    var start: Int32
    var end: Int32
    var total: Int32
    var inferredCount: Int32
}

/// One (writer, addressee) of one message, or one inferred message, as `build` counts it:
/// people and classification by number, the best day by its ordinal.
struct PairOccurrence {
    static let undated = Int32.min
    var from: Int32
    var to: Int32
    var day: Int32
    var classification: Int32
    var inferred: Bool
}
