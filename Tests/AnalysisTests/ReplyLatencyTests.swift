import Foundation
import Testing
@testable import Analysis
import Correspondence

@Suite struct ReplyLatencyTests {
    typealias C = InlineCorpus

    /// Worked by hand: Churchill's four messages answered after 1, 2, 4 and 10 days (1942);
    /// sorted 1 2 4 10, type 7: median h = 1.5 → 2 + 0.5·2 = 3; Q1 h = 0.75 → 1 + 0.75·1 = 1.75;
    /// Q3 h = 2.25 → 4 + 0.25·6 = 5.5. Roosevelt's one message, received on March 12 1943 and
    /// answered March 15, is measured from arrival: 3 days.
    @Test func quartilesPerCorrespondentAndYearByHand() {
        var messages: [Message] = []
        let pairs = [("1942-01-01", "1942-01-02"), ("1942-02-01", "1942-02-03"), ("1942-03-01", "1942-03-05"), ("1942-04-01", "1942-04-11")]
        for (k, (cited, answered)) in pairs.enumerated() {
            messages.append(C.message("a\(k)", "Stalin", ["Churchill"], answered, line: 10 + 10 * k,
                                      refs: [C.ref("your message", .yours, .of, cited, line: 12 + 10 * k)]))
        }
        // A second, later answer to the first message does not count again.
        messages.append(C.message("again", "Stalin", ["Churchill"], "1942-06-01", line: 100,
                                  refs: [C.ref("your message of January 1", .yours, .of, "1942-01-01", line: 102)]))
        messages.append(C.message("r", "Stalin", ["Roosevelt"], "1943-03-15", line: 200,
                                  refs: [C.ref("your message, received on March 12", .yours, .received, "1943-03-12", line: 202)]))
        let a = CorpusAnalysis(corpus: C.corpus(messages), lexicon: C.lexicon)
        let churchill = a.latency.byCorrespondent["Churchill"]
        #expect(churchill?.count == 4)
        #expect(churchill?.median == 3)
        #expect(churchill?.q1 == 1.75)
        #expect(churchill?.q3 == 5.5)
        #expect(churchill?.min == 1 && churchill?.max == 10)
        #expect(a.latency.byCorrespondent["Roosevelt"]?.median == 3)
        #expect(a.latency.byYear[1942]?.count == 4)
        #expect(a.latency.byYear[1943]?.count == 1)
        #expect(a.latency.overall?.count == 5)
        #expect(a.latency.samples.first { $0.answerID == "a0" }?.days == 1)
        #expect(!a.latency.samples.contains { $0.answerID == "again" })
    }

    @Test func oddCountsAndSingleValues() {
        #expect(ReplyLatency.Summary(days: [5, 1, 3])?.median == 3)
        #expect(ReplyLatency.Summary(days: [5, 1, 3])?.q1 == 2)
        #expect(ReplyLatency.Summary(days: [7])?.q3 == 7)
        #expect(ReplyLatency.Summary(days: []) == nil)
    }

    @Test func undatedAnswersAreNotMeasured() {
        var undated = C.message("u", "Stalin", ["Churchill"], "1942-05-20", line: 10,
                                refs: [C.ref("your message of May 2", .yours, .of, "1942-05-02", line: 12)])
        undated.date = HistoricalDate(notBefore: C.day("1942-05-10"), notAfter: C.day("1942-05-30"), precision: .range, evidence: .neighbours)
        let a = CorpusAnalysis(corpus: C.corpus([undated]), lexicon: C.lexicon)
        #expect(a.links.contains { $0.kind == .inReplyTo })
        #expect(a.latency.samples.isEmpty)
    }
}

@Suite struct BackReferenceTests {
    typealias C = InlineCorpus

    @Test func aCitationMonthsLaterIsAReferenceBackNotAnAnswer() {
        let corpus = C.corpus([
            C.message("late", "Stalin", ["Churchill"], "1943-09-12", line: 10,
                      refs: [C.ref("your message of June 19", .yours, .of, "1943-06-19", line: 12),
                             C.ref("your message of September 10", .yours, .of, "1943-09-10", line: 13)]),
        ])
        let a = CorpusAnalysis(corpus: corpus, lexicon: C.lexicon)
        let byTarget = Dictionary(uniqueKeysWithValues: a.links.filter { $0.kind == .inReplyTo }.map { ($0.to, $0) })
        #expect(byTarget["in-1943-06-19-churchill-stalin"]?.confidence == 0.45)
        #expect(byTarget["in-1943-06-19-churchill-stalin"]?.evidence.rule.contains("reference back") == true)
        #expect(byTarget["in-1943-09-10-churchill-stalin"]?.confidence == 0.9)
        #expect(a.latency.samples.map(\.days) == [2])
    }

    /// The analysis measures the latency from its reply chains' links alone, before the parallel
    /// texts are found and the links sorted: on the bundled corpus (which has parallel texts and
    /// answers cited out of order) it is what measuring every link of the analysis, in its
    /// order or reversed, gives.
    @Test func latencyFromTheChainsIsLatencyFromEveryLinkInAnyOrder() throws {
        let corpus = try CorpusLoader.load(path: GoldCatalogue.corpusText.path)
        let a = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        #expect(a.links.contains { $0.kind == .parallel } && a.latency.samples.count > 100)
        let index = CorpusAnalysis.positions(of: a.messages)
        for links in [a.links, a.links.reversed()] {
            #expect(ReplyLatency.measure(messages: a.messages, index: index, inferred: a.inferred, links: links) == a.latency)
        }
    }
}
