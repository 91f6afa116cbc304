import Testing
@testable import Analysis
import Correspondence

/// The one principal/counterpart rule: who a corpus (or a slice) centres on, if anyone, and
/// which lanes and counterpart each message belongs to.
@Suite struct PrincipalTests {
    typealias C = InlineCorpus

    /// Stalin's correspondence: Churchill and Roosevelt write to him and he to them; most of
    /// the Poland letters are with Churchill, and Churchill writes more of them than Stalin.
    static let egoCorpus = C.corpus([
        C.message("s1", "Stalin", ["Churchill"], "1943-01-05", line: 10, body: "On Poland."),
        C.message("c1", "Churchill", ["Stalin"], "1943-01-06", line: 20, body: "On Poland."),
        C.message("c2", "Churchill", ["Stalin"], "1943-01-07", line: 30, body: "Poland again."),
        C.message("c3", "Churchill", ["Stalin"], "1943-01-08", line: 40, body: "Poland, Polish."),
        C.message("r1", "Roosevelt", ["Stalin"], "1943-02-01", line: 50, body: "Convoys."),
        C.message("s2", "Stalin", ["Roosevelt"], "1943-02-02", line: 60, body: "Convoys."),
        C.message("s3", "Stalin", ["Roosevelt", "Churchill"], "1943-02-03", line: 70, body: "Convoys."),
    ])

    @Test func theCorpusCentreStaysTheCentreOfAFilteredSlice() {
        let whole = CorpusAnalysis(corpus: Self.egoCorpus, lexicon: C.lexicon)
        #expect(whole.principal.id == "Stalin")
        #expect(whole.principal.involvedCount == 7 && whole.principal.messageCount == 7)
        // On the slice alone Churchill wrote more than Stalin and both take part in every
        // message: the old copies of the rule disagreed here. The slice keeps the corpus's centre.
        let slice = whole.filtered(topics: ["poland"], correspondents: ["Churchill"])
        #expect(slice.messages.count == 4)
        #expect(Principal.decide(slice.messages).id == "Churchill", "on its own the slice would centre on Churchill")
        #expect(slice.principal.id == "Stalin")
        #expect(slice.corpusPrincipal == whole.principal)
        #expect(whole.filtered(topics: ["convoys"]).filtered(correspondents: ["Roosevelt"]).principal.id == "Stalin", "a slice of a slice too")
    }

    @Test func aPoolOfManyWritersHasNoCentre() {
        let people = ["a", "b", "c", "d", "e", "f"]
        let messages = (0..<6).map { i in
            C.message("m\(i)", people[i], [people[(i + 1) % 6]], "1900-01-0\(i + 1)", line: 10 * (i + 1))
        }
        let analysis = CorpusAnalysis(corpus: C.corpus(messages), lexicon: C.lexicon)
        #expect(analysis.principal.id == nil)
        #expect(!analysis.principal.exists)
        // Filtered to one person, the slice is that person's correspondence.
        #expect(analysis.filtered(correspondents: ["c"]).principal.id == "c")
    }

    @Test func fragmentsDoNotDecideTheCentre() {
        var messages = [C.message("m1", "a", ["b"], "1900-01-01", line: 10), C.message("m2", "c", ["d"], "1900-01-02", line: 20)]
        for i in 0..<5 {
            var fragment = C.message("f\(i)", "x", [], "1900-02-0\(i + 1)", line: 100 + 10 * i)
            fragment.kind = .fragment
            messages.append(fragment)
        }
        #expect(Principal.decide(messages).id == nil, "five fragments with a guessed writer make no centre")
    }

    @Test func lanesSayWhoWroteWhatAndThirdPartiesGoToBothLanes() {
        let p = Principal(id: "S", messageCount: 1, involvedCount: 1)
        func lanes(_ w: String, _ r: [String]) -> [String] { p.lanes(writer: w, addressees: r).map { "\($0.person)\($0.wroteIt ? "+" : "-")" } }
        #expect(lanes("S", ["A"]) == ["A-"], "the centre's letter: below the line in the addressee's lane")
        #expect(lanes("S", ["A", "B", "A", "S"]) == ["A-", "B-"])
        #expect(lanes("S", []) == [Principal.unknownLane + "-"])
        #expect(lanes("A", ["S"]) == ["A+"], "a letter to the centre: above the line in its writer's lane")
        #expect(lanes("A", ["B"]) == ["A+", "B-"], "between others: above in the writer's lane, below in the addressee's")
        #expect(p.relation(writer: "A", addressees: ["B"]) == .betweenOthers)
        #expect(p.relation(writer: "S", addressees: ["B"]) == .fromPrincipal)
        #expect(p.relation(writer: "B", addressees: ["S"]) == .toPrincipal)
        #expect(Principal.none.relation(writer: "A", addressees: ["B"]) == .noPrincipal)
        #expect(Principal.none.lanes(writer: "A", addressees: ["B", "C"]).map(\.person) == ["A", "B", "C"])
        #expect(p.counterpart(writer: "S", addressees: ["A"]) == "A")
        #expect(p.counterpart(writer: "S", addressees: ["A", "B"]) == Principal.jointCounterpart)
        #expect(p.counterpart(writer: "S", addressees: []) == Principal.unknownLane)
        #expect(p.counterpart(writer: "A", addressees: ["S"]) == "A")
    }

    @Test func peopleAndTopicsAreRankedByActivityInTheWholeCorpus() {
        let whole = CorpusAnalysis(corpus: Self.egoCorpus, lexicon: C.lexicon)
        #expect(Array(whole.ranking.people.prefix(3)) == ["Stalin", "Churchill", "Roosevelt"])
        #expect(whole.ranking.topics == ["poland", "convoys"])
        #expect(whole.filtered(correspondents: ["Roosevelt"]).ranking == whole.ranking, "colours do not move with a filter")
    }
}
