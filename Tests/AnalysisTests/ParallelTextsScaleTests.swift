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
}
