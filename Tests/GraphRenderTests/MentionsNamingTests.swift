import Testing
@testable import Analysis
@testable import GraphRender

/// The messages the mentions figure's caption counts: those naming both people of a drawn pair,
/// found in one pass over the messages (it was one pass per pair: minutes at 500,000 messages).
@Suite struct MentionsNamingTests {
    func mention(_ id: String) -> Mention { Mention(entity: id, phrase: id, line: 1) }

    @Test func aMessageCountsWhenItNamesBothPeopleOfADrawnPair() {
        let byMessage: [String: [Mention]] = [
            "m1": ["a", "b"].map(mention),            // the drawn pair
            "m2": ["b", "a", "a"].map(mention),       // the same pair, in the other order, one named twice
            "m3": ["a", "c"].map(mention),            // a pair that is not drawn
            "m4": ["c", "d", "b"].map(mention),       // b-d is drawn
            "m5": ["a"].map(mention),                 // one person only
            "m6": ["c", "d"].map(mention),
            "m7": (Array(repeating: "a", count: 12) + ["c", "e", "f"] + Array(repeating: "d", count: 8)).map(mention),  // many names: a-d not drawn
            "m8": (Array(repeating: "d", count: 10) + ["x", "y"] + Array(repeating: "b", count: 9)).map(mention),       // many names: b-d drawn
            "m9": ["a", "a"].map(mention),            // one person twice is no pair
        ]
        let edges = [MentionGraph.Edge(a: "a", b: "b", weight: 2), MentionGraph.Edge(a: "b", b: "d", weight: 1)]
        let graph = MentionGraph(nodes: [], edges: edges, byMessage: byMessage)
        #expect(MentionsFigure.messagesNaming(edges, in: graph) == ["m1", "m2", "m4", "m8"])
        // The rule it replaced: for each pair, every message naming both.
        let brute = Set(edges.flatMap { edge in
            byMessage.filter { $0.value.contains { $0.entity == edge.a } && $0.value.contains { $0.entity == edge.b } }.map(\.key)
        })
        #expect(MentionsFigure.messagesNaming(edges, in: graph) == brute)
        #expect(MentionsFigure.messagesNaming([], in: graph).isEmpty)
    }
}
