import Analysis
import Correspondence
import Testing

/// A writer's crowded day (more messages than are compared pair by pair) still finds the same
/// text sent to different addressees, and does not link different texts.
struct ParallelTextsScaleTests {
    @Test func aCrowdedDayFindsItsParallelsWithoutComparingEveryPair() {
        func text(_ k: Int) -> String { (0..<60).map { "w\(k)x\($0)" }.joined(separator: " ") }
        var messages: [Message] = []
        // 150 different texts to alternating addressees, plus three re-addressed copies of text 7.
        for k in 0..<150 {
            messages.append(InlineCorpus.message("m\(k)", "Stalin", [k % 2 == 0 ? "Churchill" : "Roosevelt"], "1943-05-01",
                                                 line: 10 + k * 10, body: text(k)))
        }
        messages.append(InlineCorpus.message("copy-a", "Stalin", ["Roosevelt"], "1943-05-01", line: 5000, body: text(8)))
        messages.append(InlineCorpus.message("copy-b", "Stalin", ["Churchill"], "1943-05-01", line: 5010, body: text(9)))
        let analysis = CorpusAnalysis(corpus: InlineCorpus.corpus(messages), lexicon: InlineCorpus.lexicon)
        let parallel = Set(analysis.links.filter { $0.kind == .parallel }.map { "\($0.from)>\($0.to)" })
        #expect(parallel == ["m8>copy-a", "m9>copy-b"])
    }

    /// Issue 17's black-box CSV hang: thousands of copies of one text on one writer's day made
    /// every pair a candidate (12.5 million for 5,000). Identical texts are linked to their
    /// group's first only, and the rule says so.
    @Test(.timeLimit(.minutes(1))) func thousandsOfIdenticalTextsAreGroupedNotPaired() {
        let body = (0..<40).map { "word\($0)" }.joined(separator: " ")
        let addressees = ["Churchill", "Roosevelt", "Truman", "Attlee"]
        let messages = (0..<5000).map { k in
            InlineCorpus.message("m\(k)", "Stalin", [addressees[k % 4]], "1943-05-01", line: 10 + k * 10, body: body)
        }
        let analysis = CorpusAnalysis(corpus: InlineCorpus.corpus(messages), lexicon: InlineCorpus.lexicon)
        let parallel = analysis.links.filter { $0.kind == .parallel }
        // Every copy to another addressee than the first's, linked from the first; a copy to
        // the first's addressee is its duplicate, not a parallel.
        #expect(parallel.count == 3750)
        #expect(Set(parallel.map(\.from)) == ["m0"])
        #expect(Set(parallel.map(\.to)) == Set((0..<5000).filter { $0 % 4 != 0 }.map { "m\($0)" }))
        #expect(parallel.allSatisfy { $0.confidence == 1 && $0.evidence.rule.contains("one of 5000 identical texts") })
    }

    /// Thousands of near-copies (one word differs) share their min-hashes: the min-hash group is
    /// compared as a chain, a number of pairs linear in the group, and the rule names its size.
    @Test(.timeLimit(.minutes(1))) func thousandsOfNearCopiesAreComparedAsAChain() {
        let base = (0..<40).map { "word\($0)" }.joined(separator: " ")
        let n = 3000
        let messages = (0..<n).map { k in
            InlineCorpus.message("m\(k)", "Stalin", [k % 2 == 0 ? "Churchill" : "Roosevelt"], "1943-05-01",
                                 line: 10 + k * 10, body: base + " variant\(k)")
        }
        let analysis = CorpusAnalysis(corpus: InlineCorpus.corpus(messages), lexicon: InlineCorpus.lexicon)
        let parallel = analysis.links.filter { $0.kind == .parallel }
        #expect(!parallel.isEmpty)
        #expect(parallel.count <= 8 * n)
        #expect(parallel.allSatisfy { $0.evidence.rule.contains("similar texts of this writer's day") })
        // Every message is reached: none of the near-copies is lost to the bound.
        let linked = Set(parallel.flatMap { [$0.from, $0.to] })
        #expect(linked.count == n)
    }
}
