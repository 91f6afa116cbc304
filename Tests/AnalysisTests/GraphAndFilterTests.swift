import Testing
@testable import Analysis
import Correspondence

@Suite struct GraphAndFilterTests {
    typealias C = InlineCorpus

    static let table = MentionTable(entities: [
        MentionEntity(id: "Hopkins", kind: .person, name: "Harry Hopkins", aliases: ["Hopkins", "Harry Hopkins"]),
        MentionEntity(id: "Eden", kind: .person, name: "Anthony Eden", aliases: ["Eden", "Mr Eden"]),
        MentionEntity(id: "Warsaw", kind: .place, name: "Warsaw", aliases: ["Warsaw"]),
    ], people: PersonTable(people: [Person(id: "Churchill", name: "Winston Churchill", role: "Prime Minister",
                                           aliases: ["W. CHURCHILL", "THE PRIME MINISTER"])]))

    static let corpus = C.corpus([
        C.message("a", "Stalin", ["Churchill"], "1942-01-05", line: 10, body: "Mr Eden and Harry Hopkins spoke of Warsaw and of Poland.",
                  classification: "personal"),
        C.message("b", "Stalin", ["Churchill", "Roosevelt"], "1943-03-01", line: 20, body: "Hopkins saw Eden. W. Churchill agreed; eden is not a name here.",
                  refs: [C.ref("your message of February 27", .yours, .of, "1943-02-27", line: 22)]),
        C.message("c", "Stalin", ["Roosevelt"], "1943-06-01", line: 30, body: "Nothing on convoys.",
                  refs: [C.ref("your message of May 30", .yours, .of, "1943-05-30", line: 32)]),
    ])

    @Test func correspondentGraphCountsEdgesPerYearAndClassificationAndInferredApart() {
        let a = CorpusAnalysis(corpus: GraphAndFilterTests.corpus, lexicon: C.lexicon, mentionTable: GraphAndFilterTests.table)
        let g = a.correspondents
        let sc = g.edge(from: "Stalin", to: "Churchill")
        #expect(sc?.count == 2)
        let scIndex = g.edgeIndex(from: "Stalin", to: "Churchill") ?? -1
        #expect(g.perYear(edge: scIndex) == [1942: 1, 1943: 1])
        #expect(g.perClassification(edge: scIndex) == ["personal": 1, "": 1])
        #expect(sc?.first == C.day("1942-01-05") && sc?.last == C.day("1943-03-01"))
        #expect(g.edge(from: "Stalin", to: "Roosevelt")?.count == 2)
        // The joint message's "your message" is attributed to its first addressee.
        #expect(g.edge(from: "Churchill", to: "Stalin")?.inferredCount == 1)
        #expect(g.edge(from: "Churchill", to: "Stalin")?.count == 0)
        #expect(g.edge(from: "Roosevelt", to: "Stalin")?.inferredCount == 1)
        #expect(g.node("Stalin")?.sent == 3)
        #expect(g.node("Stalin")?.inferredReceived == 2)
        #expect(g.node("Churchill")?.role == "Prime Minister")
    }

    @Test func mentionsNeedCapitalsAndCoOccurWithinAMessage() {
        let a = CorpusAnalysis(corpus: GraphAndFilterTests.corpus, lexicon: C.lexicon, mentionTable: GraphAndFilterTests.table)
        #expect(a.mentions.byMessage["a"]?.map(\.entity) == ["Eden", "Hopkins", "Warsaw"])
        #expect(a.mentions.byMessage["a"]?.map(\.phrase) == ["Mr Eden", "Harry Hopkins", "Warsaw"])
        // "eden" in lower case is not a name; "W. Churchill" comes from the person table.
        #expect(a.mentions.byMessage["b"]?.map(\.entity) == ["Hopkins", "Eden", "Churchill"])
        let edges = Dictionary(uniqueKeysWithValues: a.mentions.edges.map { ("\($0.a)+\($0.b)", $0.weight) })
        #expect(edges["Eden+Hopkins"] == 2)
        #expect(edges["Eden+Warsaw"] == 1)
        #expect(edges["Churchill+Eden"] == 1)
        #expect(a.mentions.nodes.first?.id == "Eden")
        let people = a.mentions.restricted(to: .person)
        #expect(!people.nodes.contains { $0.id == "Warsaw" })
        #expect(!people.edges.contains { $0.a == "Warsaw" || $0.b == "Warsaw" })
        #expect(people.byMessage["a"]?.map(\.entity) == ["Eden", "Hopkins"])
        // Without the messages: the same nodes and edges, and no lists held.
        let bare = a.mentions.restricted(to: .person, withMessages: false)
        #expect(bare.nodes == people.nodes)
        #expect(bare.edges == people.edges)
        #expect(bare.byMessage.isEmpty && !people.byMessage.isEmpty)
        // "THE PRIME MINISTER" names no one in particular: not an alias for mentions.
        #expect(GraphAndFilterTests.table.entities.first { $0.id == "Churchill" }?.aliases == ["W. CHURCHILL"])
    }

    @Test func filteringKeepsOnlyWhatTheKeptMessagesSupport() {
        let a = CorpusAnalysis(corpus: GraphAndFilterTests.corpus, lexicon: C.lexicon, mentionTable: GraphAndFilterTests.table)
        let f = a.filtered(from: C.day("1943-01-01"), to: nil, topics: nil, correspondents: ["Roosevelt"])
        #expect(f.messages.map(\.id) == ["b", "c"])
        #expect(f.inferred.map(\.id) == ["in-1943-02-27-churchill-stalin", "in-1943-05-30-roosevelt-stalin"])
        #expect(f.correspondents.edge(from: "Stalin", to: "Churchill")?.count == 1)
        #expect(f.mentions.byMessage["a"] == nil)
        #expect(f.links.allSatisfy { f.message(id: $0.from) != nil || f.inferredMessage(id: $0.from) != nil })
        let poland = a.filtered(topics: ["poland"])
        #expect(poland.messages.map(\.id) == ["a"])
        #expect(poland.inferred.isEmpty)
        #expect(poland.links.isEmpty)
    }

    @Test func sameInputSameOutput() {
        let one = CorpusAnalysis(corpus: GraphAndFilterTests.corpus, lexicon: C.lexicon, mentionTable: GraphAndFilterTests.table)
        let two = CorpusAnalysis(corpus: GraphAndFilterTests.corpus, lexicon: C.lexicon, mentionTable: GraphAndFilterTests.table)
        #expect(one.links == two.links)
        #expect(one.inferred == two.inferred)
        #expect(one.correspondents == two.correspondents)
        #expect(one.mentions == two.mentions)
    }
}

@Suite struct EdgeCaseTests {
    typealias C = InlineCorpus

    @Test func emptyCorpusAndEmptyBodies() {
        let empty = CorpusAnalysis(corpus: C.corpus([]), lexicon: C.lexicon)
        #expect(empty.messages.isEmpty && empty.links.isEmpty && empty.inferred.isEmpty)
        #expect(empty.latency.overall == nil)
        #expect(empty.correspondents.nodes.isEmpty)
        let blank = CorpusAnalysis(corpus: C.corpus([C.message("b", "Stalin", ["Churchill"], "1942-01-01", line: 1, body: "")]),
                                   lexicon: C.lexicon)
        #expect(blank.topics.isEmpty)
        #expect(blank.topicScores(id: "b").isEmpty)
        #expect(blank.correspondents.edge(from: "Stalin", to: "Churchill")?.count == 1)
    }

    @Test func manyMessagesGiveTheSameResultAsFew() {
        // Above 256 messages the per-message work runs on all cores: results must not change.
        var messages: [Message] = []
        for k in 0..<600 {
            let day = Day(ordinal: C.day("1942-01-01").ordinal + k / 3).iso
            messages.append(C.message("m\(k)", "Stalin", [k % 2 == 0 ? "Churchill" : "Roosevelt"], day, line: 10 * k + 1,
                                      body: k % 5 == 0 ? "On Poland and the convoys." : "Nothing to say."))
        }
        let a = CorpusAnalysis(corpus: C.corpus(messages), lexicon: C.lexicon)
        for (k, m) in messages.enumerated() {
            let expected = k % 5 == 0 ? ["poland", "convoys"] : []
            #expect((a.topics[m.id] ?? []).map(\.topic) == expected)
        }
    }
}
