import Testing
@testable import Analysis
import Correspondence

@Suite struct ReplyChainTests {
    typealias C = InlineCorpus

    @Test func citationsOfOneIncomingMessageShareOneInferredMessage() {
        let corpus = C.corpus([
            C.message("m1", "Stalin", ["Churchill"], "1942-05-01", line: 10, body: "On convoys."),
            C.message("m2", "Stalin", ["Churchill"], "1942-05-13", line: 20,
                      refs: [C.ref("your message of May 11", .yours, .of, "1942-05-11", line: 22)]),
            C.message("m3", "Stalin", ["Churchill"], "1942-05-15", line: 30,
                      refs: [C.ref("Your message of May 11", .yours, .of, "1942-05-11", line: 32)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        #expect(a.inferred.count == 1)
        let inc = a.inferred[0]
        #expect(inc.id == "in-1942-05-11-churchill-stalin")
        #expect(inc.sender == "Churchill" && inc.recipient == "Stalin")
        #expect(inc.date == HistoricalDate(exactly: C.day("1942-05-11"), evidence: .citation))
        #expect(inc.citedBy == ["m2", "m3"])
        let replies = a.links.filter { $0.kind == .inReplyTo }
        #expect(replies.map(\.from) == ["m2", "m3"])
        #expect(replies.allSatisfy { $0.to == inc.id && $0.confidence == 0.9 })
        #expect(replies[0].evidence.phrase == "your message of May 11" && replies[0].evidence.line == 22)
        // The inferred message answers the latest earlier message to its writer.
        let answers = a.links.filter { $0.kind == .answers }
        #expect(answers.count == 1)
        #expect(answers.first?.from == inc.id && answers.first?.to == "m1")
        // Chain of m2, upwards: m2 → inferred → m1.
        #expect(a.chainUp(from: "m2").map(\.to) == [inc.id, "m1"])
        #expect(Set(a.chainDown(from: "m1").map(\.from)) == [inc.id, "m2", "m3"])
    }

    @Test func receivedOnBoundsTheDateFromAboveAndMergesWithTheSameMessageCitedByDate() {
        let corpus = C.corpus([
            C.message("m0", "Stalin", ["Roosevelt"], "1942-02-20", line: 5),
            C.message("m1", "Stalin", ["Roosevelt"], "1942-03-14", line: 10,
                      refs: [C.ref("your message, transmitted in Kuibyshev on March 12", .yours, .received, "1942-03-12", line: 12)]),
            C.message("m2", "Stalin", ["Churchill"], "1942-05-12", line: 20,
                      refs: [C.ref("Your message of May 9", .yours, .of, "1942-05-09", line: 22),
                             C.ref("Your message of May 9 reached me on May 11", .yours, .received, "1942-05-11", line: 22)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        #expect(a.inferred.map(\.id) == ["in-by-1942-03-12-roosevelt-stalin", "in-1942-05-09-churchill-stalin"])
        let bounded = a.inferred[0]
        // notBefore: Stalin's previous message to Roosevelt (Feb 20) is later than March 12 − 30 days.
        #expect(bounded.date.notBefore == C.day("1942-02-20"))
        #expect(bounded.date.notAfter == C.day("1942-03-12"))
        #expect(bounded.date.precision == .range && bounded.date.evidence == .citation)
        #expect(a.inferred[1].citations.count == 2)
        #expect(a.links.filter { $0.kind == .inReplyTo && $0.from == "m2" }.count == 2)
    }

    @Test func myMessageOfResolvesToTheWritersOwnMessageOrIsUnresolved() {
        let corpus = C.corpus([
            C.message("own-c", "Stalin", ["Churchill"], "1943-02-16", line: 10, body: "To Churchill."),
            C.message("own-r", "Stalin", ["Roosevelt"], "1943-02-16", line: 20, body: "To Roosevelt, another text."),
            C.message("m", "Stalin", ["Roosevelt"], "1943-03-15", line: 30,
                      refs: [C.ref("my message of February 16", .mine, .of, "1943-02-16", line: 32),
                             C.ref("my message of January 2", .mine, .of, "1943-01-02", line: 33),
                             C.ref("the Memorandum of Mr Cripps", .other, .of, "1943-01-05", line: 34)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        let own = a.links.filter { $0.kind == .citesOwn }
        // Two messages on that day; the one to the same addressee wins.
        #expect(own.map(\.to) == ["own-r"])
        #expect(own.first?.confidence == 0.95)
        #expect(a.unresolvedReferences.map(\.reason) == [.noSuchMessage, .thirdParty])
        #expect(a.unresolvedReferences.map(\.reference.line) == [33, 34])
    }

    @Test func ambiguousOwnMessagesOnOneDaySplitTheConfidence() {
        let corpus = C.corpus([
            C.message("a", "Stalin", ["Churchill"], "1943-06-24", line: 10, body: "First text."),
            C.message("b", "Stalin", ["Churchill"], "1943-06-24", line: 20, body: "Second, different text."),
            C.message("m", "Stalin", ["Churchill"], "1943-07-01", line: 30,
                      refs: [C.ref("my message of June 24", .mine, .of, "1943-06-24", line: 32)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        let own = a.links.filter { $0.kind == .citesOwn }
        #expect(own.count == 1)
        #expect(own.first?.to == "a")
        #expect(own.first?.confidence == 0.475)
    }

    @Test func answersPreferTheOwnMessageTheAnswerNamesThenASharedTopic() {
        let corpus = C.corpus([
            C.message("poland-1", "Stalin", ["Churchill"], "1944-01-05", line: 10, body: "On Poland and the Polish question."),
            C.message("other-1", "Stalin", ["Churchill"], "1944-01-10", line: 20, body: "On the weather."),
            C.message("reply", "Stalin", ["Churchill"], "1944-01-20", line: 30, body: "Again on Poland.",
                      refs: [C.ref("your message of January 15", .yours, .of, "1944-01-15", line: 32)]),
            C.message("named-0", "Stalin", ["Roosevelt"], "1944-02-01", line: 40, body: "Text one."),
            C.message("named-1", "Stalin", ["Roosevelt"], "1944-02-05", line: 50, body: "Text two."),
            C.message("reply-2", "Stalin", ["Roosevelt"], "1944-02-20", line: 60,
                      refs: [C.ref("your message of February 10", .yours, .of, "1944-02-10", line: 62),
                             C.ref("my message of February 1", .mine, .of, "1944-02-01", line: 63)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        let answers = Dictionary(uniqueKeysWithValues: a.links.filter { $0.kind == .answers }.map { ($0.from, $0) })
        // The latest message (other-1) shares no topic with the reply; poland-1 does.
        #expect(answers["in-1944-01-15-churchill-stalin"]?.to == "poland-1")
        #expect(answers["in-1944-01-15-churchill-stalin"]?.confidence == 0.5)
        // The reply names Stalin's own message of February 1: that one, not the later named-1.
        #expect(answers["in-1944-02-10-roosevelt-stalin"]?.to == "named-0")
        #expect(answers["in-1944-02-10-roosevelt-stalin"]?.confidence == 0.85)
        #expect(answers["in-1944-02-10-roosevelt-stalin"]?.evidence.line == 63)
    }

    @Test func jointAddresseesMakeTheSenderAGuess() {
        let corpus = C.corpus([
            C.message("j", "Stalin", ["Roosevelt", "Churchill"], "1943-01-10", line: 10,
                      refs: [C.ref("your message of January 8", .yours, .of, "1943-01-08", line: 12)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        #expect(a.inferred.first?.sender == "Roosevelt")
        #expect(a.inferred.first?.senderIsGuessed == true)
        #expect(a.links.first { $0.kind == .inReplyTo }?.confidence == 0.63)
    }

    @Test func aCitedMessageTheCorpusHoldsIsLinkedNotInferred() {
        let corpus = C.corpus([
            C.message("c1", "Churchill", ["Stalin"], "1945-01-13", line: 10),
            C.message("s1", "Stalin", ["Churchill"], "1945-01-16", line: 20,
                      refs: [C.ref("Your message of January 13", .yours, .of, "1945-01-13", line: 22)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        #expect(a.inferred.isEmpty)
        #expect(a.links.map { "\($0.from)>\($0.to):\($0.kind.rawValue)" } == ["s1>c1:in_reply_to"])
        #expect(a.latency.samples.map(\.days) == [3])
    }

    @Test func sameTextToTwoAddresseesOnOneDayIsParallelButADuplicateIsNot() {
        let text = "The Soviet Government considers that the relations with the Polish Government must be interrupted because of its conduct in the matter of the campaign."
        let corpus = C.corpus([
            C.message("to-c", "Stalin", ["Churchill"], "1943-04-21", line: 10, body: text),
            C.message("to-r", "Stalin", ["Roosevelt"], "1943-04-21", line: 20, body: "Dear friend. " + text),
            C.message("to-r-again", "Stalin", ["Roosevelt"], "1943-04-21", line: 30, body: text),
            C.message("other-day", "Stalin", ["Roosevelt"], "1943-04-22", line: 40, body: text),
            C.message("unrelated", "Stalin", ["Churchill"], "1943-04-21", line: 50, body: "A different message about convoys and their sailings in the north."),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        let parallel = a.links.filter { $0.kind == .parallel }.map { "\($0.from)>\($0.to)" }.sorted()
        #expect(parallel == ["to-c>to-r", "to-c>to-r-again"])
    }
}
