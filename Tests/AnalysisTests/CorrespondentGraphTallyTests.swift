import Testing
@testable import Analysis
import Correspondence

/// The compact correspondent graph (occurrences sorted by pair, one flat tally table) against a
/// straightforward count with a dictionary per edge, on a generated corpus with co-senders,
/// repeated addressees, undated letters, classifications, empty ids and inferred messages.
@Suite struct CorrespondentGraphTallyTests {
    /// Deterministic generator (a linear congruential sequence), so a failure reproduces.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    struct ReferenceEdge: Equatable {
        var count = 0, inferredCount = 0, undatedCount = 0
        var first: Day?, last: Day?
        var perYear: [Int: Int] = [:], perClassification: [String: Int] = [:], inferredPerYear: [Int: Int] = [:]
    }

    /// The counting rule written out plainly, one dictionary per edge (the former implementation).
    static func reference(_ messages: [Message], _ inferred: [InferredMessage], merge: (String) -> String)
        -> (edges: [String: ReferenceEdge], nodes: [String: [Int]]) {
        var edges: [String: ReferenceEdge] = [:]
        var nodes: [String: [Int]] = [:]
        func touch(_ id: String) { if nodes[id] == nil { nodes[id] = [0, 0, 0, 0] } }
        for m in messages {
            var writers: [String] = []
            for w in m.senders where !w.isEmpty && !writers.contains(merge(w)) { writers.append(merge(w)) }
            for w in writers { touch(w); nodes[w]![0] += 1 }
            var seen = Set<String>()
            for r in m.recipients where !r.isEmpty {
                let r = merge(r)
                guard seen.insert(r).inserted else { continue }
                touch(r); nodes[r]![1] += 1
                for w in writers {
                    var e = edges[w + "→" + r] ?? ReferenceEdge()
                    e.count += 1
                    if let day = m.date.best {
                        e.first = min(e.first ?? day, day); e.last = max(e.last ?? day, day)
                        e.perYear[day.year, default: 0] += 1
                    } else { e.undatedCount += 1 }
                    e.perClassification[m.classification, default: 0] += 1
                    edges[w + "→" + r] = e
                }
            }
        }
        for inc in inferred {
            let s = merge(inc.sender), r = merge(inc.recipient)
            touch(s); touch(r); nodes[s]![2] += 1; nodes[r]![3] += 1
            var e = edges[s + "→" + r] ?? ReferenceEdge()
            if let day = inc.date.best {
                if e.count == 0 { e.first = min(e.first ?? day, day); e.last = max(e.last ?? day, day) }
                e.inferredPerYear[day.year, default: 0] += 1
            }
            e.inferredCount += 1
            edges[s + "→" + r] = e
        }
        return (edges, nodes)
    }

    static func generated(seed: UInt64, messages count: Int, people: Int) -> ([Message], [InferredMessage]) {
        var g = Sequence(state: seed)
        let names = (0..<people).map { "p\($0)" } + [""]
        let classes = ["", "personal", "secret", "circular"]
        var messages: [Message] = []
        for i in 0..<count {
            let sender = names[g.next(names.count)]
            let co = g.next(5) == 0 ? [sender, names[g.next(people)], sender] : nil
            let recipients = (0...g.next(3)).map { _ in names[g.next(names.count)] }
            let date: HistoricalDate = g.next(6) == 0 ? .undated(raw: "s.d.")
                : HistoricalDate(exactly: Day(ordinal: -60_000 + g.next(40_000)), evidence: .given)
            messages.append(Message(id: "m\(i)", kind: g.next(9) == 0 ? .fragment : .message, sender: sender, senders: co,
                                    recipients: recipients, sentOn: nil, dated: nil, date: date, place: nil,
                                    classification: classes[g.next(classes.count)], body: "", references: [],
                                    span: SourceSpan(startLine: i, endLine: i)))
        }
        var inferred: [InferredMessage] = []
        for i in 0..<(count / 4) {
            let date: HistoricalDate = g.next(5) == 0 ? .undated(raw: nil)
                : HistoricalDate(exactly: Day(ordinal: -60_000 + g.next(40_000)), evidence: .citation)
            inferred.append(InferredMessage(id: "i\(i)", sender: names[g.next(people)], recipient: names[g.next(people)],
                                            date: date, citedBy: ["m\(i)"], citations: []))
        }
        return (messages, inferred)
    }

    static func check(_ graph: CorrespondentGraph, against ref: (edges: [String: ReferenceEdge], nodes: [String: [Int]])) {
        #expect(graph.edges.count == ref.edges.count)
        #expect(graph.nodes.count == ref.nodes.count)
        for node in graph.nodes {
            #expect(ref.nodes[node.id] == [node.sent, node.received, node.inferredSent, node.inferredReceived], "node \(node.id)")
        }
        for (k, e) in graph.edges.enumerated() {
            let got = ReferenceEdge(count: e.count, inferredCount: e.inferredCount, undatedCount: e.undatedCount,
                                    first: e.first, last: e.last, perYear: graph.perYear(edge: k),
                                    perClassification: graph.perClassification(edge: k),
                                    inferredPerYear: graph.inferredPerYear(edge: k))
            #expect(got == ref.edges[e.from + "→" + e.to], "edge \(e.from) → \(e.to)")
        }
        // Order: total descending, then from, then to; tallies sorted by edge, kind, key.
        for (a, b) in zip(graph.edges, graph.edges.dropFirst()) {
            let x = a.count + a.inferredCount, y = b.count + b.inferredCount
            #expect(x > y || (x == y && (a.from, a.to) < (b.from, b.to)))
        }
        for (a, b) in zip(graph.tallies, graph.tallies.dropFirst()) {
            #expect((a.edge, a.kind.rawValue, a.key) < (b.edge, b.kind.rawValue, b.key))
        }
    }

    @Test(arguments: [(UInt64(1), 400, 12), (UInt64(7), 3000, 60), (UInt64(42), 2000, 3)])
    func compactCountsEqualAPlainCount(seed: UInt64, count: Int, people: Int) {
        let (messages, inferred) = Self.generated(seed: seed, messages: count, people: people)
        let graph = CorrespondentGraph.build(messages: messages, inferred: inferred, people: PersonTable(people: []))
        Self.check(graph, against: Self.reference(messages, inferred, merge: { $0 }))
        #expect(!graph.tallies.isEmpty)
    }

    @Test func aggregatedCountsEqualAPlainCountWithTheSameMerge() {
        let (messages, inferred) = Self.generated(seed: 99, messages: 2500, people: 40)
        let keep: Set<String> = ["p0", "p1", "p2", "p3"]
        let merge = { (id: String) in id.isEmpty || keep.contains(id) ? id : "others" }
        let graph = CorrespondentGraph.aggregated(messages: messages, inferred: inferred, people: PersonTable(people: []),
                                                  keep: keep, othersID: "others", othersName: "others")
        Self.check(graph, against: Self.reference(messages, inferred, merge: merge))
        #expect(graph.node("others")?.name == "others")
    }

    /// One numbering of the letters serves every budget a figure tries: each merge counts as
    /// a plain count with that merge, with or without the inferred messages, and the messages
    /// naming the merged people are those a plain pass finds.
    @Test func oneNumberingServesEveryMerge() {
        let (messages, inferred) = Self.generated(seed: 5, messages: 2500, people: 40)
        let letters = LetterNumbers(messages: messages, inferred: inferred)
        for kept in [1, 4, 12, 39] {
            let keep = Set((0..<kept).map { "p\($0)" })
            let merge = { (id: String) in id.isEmpty || keep.contains(id) ? id : "others" }
            let graph = CorrespondentGraph.aggregated(letters, people: PersonTable(people: []), keep: keep, othersID: "others", othersName: "others")
            Self.check(graph, against: Self.reference(messages, inferred, merge: merge))
            let alone = CorrespondentGraph.aggregated(letters, people: PersonTable(people: []), keep: keep, othersID: "others",
                                                      othersName: "others", withInferred: false)
            Self.check(alone, against: Self.reference(messages, [], merge: merge))
            let others = letters.ids.map { !$0.isEmpty && !keep.contains($0) }
            let plain = messages.count { m in
                (!m.sender.isEmpty && !keep.contains(m.sender)) || m.recipients.contains { !$0.isEmpty && !keep.contains($0) }
            }
            #expect(letters.messagesNaming(others) == plain, "kept \(kept)")
            #expect(plain > 0)
        }
    }

    @Test func aGraphMadeOfNodesAndEdgesAloneHasNoBreakdowns() {
        let (messages, inferred) = Self.generated(seed: 3, messages: 200, people: 5)
        let full = CorrespondentGraph.build(messages: messages, inferred: inferred, people: PersonTable(people: []))
        let bare = CorrespondentGraph(nodes: full.nodes, edges: full.edges)
        #expect(bare.perYear(edge: 0).isEmpty && bare.tallies.isEmpty)
        #expect(full.perYear(edge: 0).values.reduce(0, +) + full.edges[0].undatedCount == full.edges[0].count)
    }
}

/// The analysis and its corpus hold one buffer of messages, also after a regrouping or a
/// filter: a second copy of every message was a third of a large catalogue's memory.
@Suite struct SharedMessageBufferTests {
    static func base(_ messages: [Message]) -> UnsafeRawPointer? {
        messages.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func groupingAndFilteringKeepOneBufferForAnalysisAndCorpus() {
        var messages = (0..<40).map { i in
            InlineCorpus.message("m\(i)", i % 3 == 0 ? "nn\(i % 2)" : "Stalin", i % 2 == 0 ? ["Churchill"] : ["nn1"],
                                 "1942-0\(1 + i % 9)-1\(i % 10)", line: 10 * i)
        }
        messages.sort(by: Corpus.stableOrder)
        var corpus = InlineCorpus.corpus(messages)
        corpus.people.add(Person(id: "nn0", name: "N.N.", refs: [], unidentified: true))
        corpus.people.add(Person(id: "nn1", name: "Unbekannt", refs: [], unidentified: true))
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: InlineCorpus.lexicon)
        #expect(Self.base(analysis.messages) == Self.base(analysis.corpus.messages))

        let grouped = analysis.groupingUnidentified()
        #expect(grouped.unidentifiedGroup != nil)
        #expect(grouped.messages.contains { $0.sender == UnidentifiedGroup.id })
        #expect(grouped.corpus.messages == grouped.messages)
        #expect(Self.base(grouped.messages) == Self.base(grouped.corpus.messages))
        #expect(Self.base(grouped.messages) != Self.base(analysis.messages))

        let slice = analysis.filtered(from: InlineCorpus.day("1942-03-01"), to: InlineCorpus.day("1942-06-30"))
        #expect(!slice.messages.isEmpty && slice.messages.count < analysis.messages.count)
        #expect(slice.corpus.messages.map(\.id) == slice.messages.map(\.id))
        #expect(Self.base(slice.messages) == Self.base(slice.corpus.messages))
    }
}

/// `PositionGroups` (the reply chains' indexes) against a dictionary of arrays.
@Suite struct PositionGroupsTests {
    @Test func groupsEqualADictionaryOfArrays() {
        var g = CorrespondentGraphTallyTests.Sequence(state: 11)
        var entries: [PositionGroups.Entry] = []
        var reference: [UInt64: [Int]] = [:]
        let keys: [UInt64] = [0, 1, 2, 7, 1 << 32, 1 << 32 | 5, UInt64.max - 1, UInt64.max]
        for position in 0..<5000 {
            let key = keys[g.next(keys.count)]
            entries.append(.init(key: key, position: position))
            reference[key, default: []].append(position)
        }
        entries.reverse()   // the table sorts: input order does not matter
        let groups = PositionGroups(entries)
        for key in keys { #expect(groups[key].map(Array.init) == reference[key], "key \(key)") }
        for absent: UInt64 in [3, 6, 1 << 33, UInt64.max - 2] { #expect(groups[absent] == nil) }
        #expect(PositionGroups([])[0] == nil)
    }
}
