@testable import Analysis
import Testing

/// A text's sketch describes its set of word 4-shingles, whatever their order or repeats: the
/// distinct count, the set's hash, the min-hashes and the sample are the same for two texts
/// with one set (the search groups identical texts by that hash), and the count is the number
/// of distinct four-word windows.
struct ParallelTextsSketchTests {
    /// `cycle` written out `turns` times from its `start`-th word: every such text has the same
    /// four-word windows (those of the cycle read round), in another order and with repeats.
    static func text(_ cycle: [String], from start: Int, turns: Int) -> String {
        (0..<(cycle.count * turns + 3)).map { cycle[(start + $0) % cycle.count] }.joined(separator: " ")
    }

    @Test func textsWithOneSetOfShinglesHaveOneSketch() {
        var state: UInt64 = 2026
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var hashes = Set<UInt64>()
        for round in 0..<300 {
            // Few distinct words, so that windows repeat; lengths from 1 to a long text.
            let vocabulary = (0..<(2 + next(12))).map { "w\(round)x\($0)" }
            let cycle = (0..<(1 + next(round % 3 == 0 ? 400 : 40))).map { _ in vocabulary[next(vocabulary.count)] }
            let a = ParallelTexts.sketch(WordSequence(Self.text(cycle, from: 0, turns: 1), firstLine: 1))
            let b = ParallelTexts.sketch(WordSequence(Self.text(cycle, from: next(cycle.count), turns: 2 + next(3)), firstLine: 1))
            let windows = Set((0..<cycle.count).map { k in (0..<4).map { cycle[(k + $0) % cycle.count] }.joined(separator: " ") })
            #expect(a.count == windows.count, "round \(round)")
            #expect(b.count == a.count && b.setHash == a.setHash && b.minHashes == a.minHashes && b.sample == a.sample, "round \(round)")
            #expect(a.sample == a.sample.sorted() && Set(a.sample).count == a.sample.count && a.sample.allSatisfy { $0 & 7 == 0 })
            hashes.insert(a.setHash)
        }
        // Different sets hash apart (every round has its own words).
        #expect(hashes.count == 300)
        #expect(ParallelTexts.sketch(WordSequence("too few words", firstLine: 1)).count == 0)
    }
}
