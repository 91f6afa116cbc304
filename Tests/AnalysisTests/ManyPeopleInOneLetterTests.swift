import Analysis
import Correspondence
import Testing

/// A letter naming hundreds of thousands of people (a CSV cell of a million names, a mutated
/// CMIF file): the analysis lists each once in work linear in them. Each writer, and each
/// addressee, was looked for among the earlier ones of the letter (quadratic: a 39 MB cell of
/// 2.5 million writers ran for over 15 minutes in the correspondent graph). The reply index
/// did the same with addressees: 30,000 took 23 s of CPU in a debug build, 100,000 would take
/// some 250 s; linear, 100,000 take 2 s.
@Suite struct ManyPeopleInOneLetterTests {
    @Test(.timeLimit(.minutes(1))) func aLetterOfHundredsOfThousandsOfPeopleIsAnalysedInLinearWork() {
        let many = (0..<100_000).map { "p\($0)" }
        let toMany = InlineCorpus.message("a", "Anna", many + many + ["Anna"], "1850-03-01", line: 1, body: "Poland and Poland")
        var fromMany = InlineCorpus.message("b", "Bernd", ["Anna"], "1850-03-02", line: 10, body: "Poland and Poland")
        fromMany.senders = ["Bernd"] + many + many
        let analysis = CorpusAnalysis(corpus: InlineCorpus.corpus([toMany, fromMany]), lexicon: InlineCorpus.lexicon)
        #expect(analysis.correspondents.nodes.count == 100_000 + 2)
        // Anna to each of them once and to herself; each of them and Bernd to Anna once.
        #expect(analysis.correspondents.edges.count == 100_000 + 1 + 100_001)
        #expect(analysis.correspondents.nodes.first { $0.id == "p7" }.map { ($0.sent, $0.received) } ?? (0, 0) == (1, 1))
        let thread = analysis.threads(topic: "poland")
        #expect(thread.messageIDs.count == 2)
        #expect(thread.byCorrespondent.count == 100_000 + 2)
        #expect(thread.byCorrespondent["p7"]?.count == 1)
        // The lanes of the letter to many: Anna's above, each addressee's once below.
        let lanes = Principal(id: nil, messageCount: 2, involvedCount: 2).lanes(writer: "Anna", addressees: many + many + ["Anna"])
        #expect(lanes.count == 1 + 100_000)
        #expect(Principal(id: "Anna", messageCount: 2, involvedCount: 2).lanes(writer: "Anna", addressees: many + many).count == 100_000)
    }
}
