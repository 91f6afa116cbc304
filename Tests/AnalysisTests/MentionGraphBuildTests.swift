import Testing
@testable import Analysis
import Correspondence
import EpistolaryTestSupport

/// `MentionGraph.build` numbers the entities as it meets them and keeps its counts by number;
/// these tests hold it to the plain count by id that it replaced, on lists where the order
/// of first meeting and the order of the ids disagree.
@Suite struct MentionGraphBuildTests {
    /// The counts by id, as `build` made them before it numbered the entities.
    static func counted(_ lists: [[Mention]]) -> (messages: [String: Int], occurrences: [String: Int], pairs: [String: Int]) {
        var messages: [String: Int] = [:], occurrences: [String: Int] = [:], pairs: [String: Int] = [:]
        for found in lists {
            for m in found { occurrences[m.entity, default: 0] += 1 }
            let distinct = Array(Set(found.map(\.entity))).sorted()
            for e in distinct { messages[e, default: 0] += 1 }
            for i in distinct.indices { for j in distinct.indices where j > i { pairs[distinct[i] + "|" + distinct[j], default: 0] += 1 } }
        }
        return (messages, occurrences, pairs)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func countsAreThoseOfThePlainCountByID(seed: UInt64) {
        // Ids whose order is not the order they are met in: "Zürich" before "Ägypten", capitals
        // before small letters, one id that is a prefix of another.
        let pool = ["Zürich", "Ägypten", "eden", "Eden", "Eden Jr", "Warsaw", "Ła", "b", "A", "Hopkins"]
        let table = MentionTable(entities: pool.dropLast().map { MentionEntity(id: $0, kind: $0 == "Warsaw" ? .place : .person, name: "name of " + $0, aliases: [$0]) },
                                 people: PersonTable(people: []))
        var random = SplitMix64(seed: seed)
        var lists: [[Mention]] = []
        var byMessage: [String: [Mention]] = [:]
        for index in 0..<400 {
            let count = Int.random(in: 0...6, using: &random)
            let found = (0..<count).map { k in Mention(entity: pool.randomElement(using: &random)!, phrase: "p", line: k) }
            lists.append(found)
            if !found.isEmpty { byMessage["m\(index)"] = found }
        }
        // Every message given, those naming no one with an empty list: they are left out of `byMessage`.
        let graph = MentionGraph.build(lists.enumerated().map { ("m\($0.offset)", $0.element) }, table: table)
        let expected = Self.counted(lists)
        #expect(Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.messages) }) == expected.messages)
        #expect(Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.occurrences) }) == expected.occurrences)
        #expect(Dictionary(uniqueKeysWithValues: graph.edges.map { ($0.a + "|" + $0.b, $0.weight) }) == expected.pairs)
        #expect(graph.edges.allSatisfy { $0.a < $0.b }, "each edge names its smaller id first")
        // Names and kinds come from the table; an id the table lacks is a person named by its id.
        #expect(graph.nodes.first { $0.id == "Warsaw" }.map { ($0.kind, $0.name) } ?? (.person, "") == (.place, "name of Warsaw"))
        #expect(graph.nodes.first { $0.id == "Hopkins" }.map { ($0.kind, $0.name) } ?? (.place, "") == (.person, "Hopkins"))
        // In the documented orders: nodes by messages, then id; edges by weight, then a, then b.
        #expect(graph.nodes.map(\.id) == graph.nodes.sorted { ($0.messages, $1.id) > ($1.messages, $0.id) }.map(\.id))
        #expect(zip(graph.edges, graph.edges.dropFirst()).allSatisfy { x, y in
            x.weight != y.weight ? x.weight > y.weight : (x.a != y.a ? x.a < y.a : x.b < y.b)
        })
        #expect(graph.byMessage == byMessage)
    }
}
