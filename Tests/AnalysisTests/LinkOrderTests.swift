import Correspondence
import Testing
@testable import Analysis

/// `ReplyChains.sortInLinkOrder` sorts positions and moves each link once (issue 13: sorting
/// the links themselves copied them at every step); it must give exactly what a stable sort by
/// `linkOrder` gives, equal links keeping their order.
@Suite struct LinkOrderTests {
    /// Links with many ties: few lines, few ids, all kinds; confidence and rule tell equal
    /// links apart, so a change in their order is seen.
    static func links(count: Int, seed: UInt64) -> [ReplyLink] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = ReplyLink.Kind.allCases
        return (0..<count).map { k in
            ReplyLink(from: "m\(next(5))", to: "m\(next(5))", kind: kinds[next(kinds.count)], confidence: Double(k) / 1_000,
                      evidence: LinkEvidence(phrase: "p", line: next(7), rule: "rule \(k)"))
        }
    }

    @Test func sortsAsAStableSortByLinkOrder() {
        for (count, seed) in [(0, 1), (1, 2), (2, 3), (50, 4), (3_000, 5)] as [(Int, UInt64)] {
            let links = Self.links(count: count, seed: seed)
            var sorted = links
            ReplyChains.sortInLinkOrder(&sorted)
            #expect(sorted == links.sorted(by: ReplyChains.linkOrder))
            // Equal links keep their order: their rules (made in order) ascend within a tie.
            for (a, b) in zip(sorted, sorted.dropFirst()) where !ReplyChains.linkOrder(a, b) {
                #expect(a.confidence < b.confidence)
            }
        }
    }

    @Test func permuteMovesEachValueToItsPlace() {
        var values = ["a", "b", "c", "d", "e"]
        StableOrder.permute(&values, into: [4, 2, 0, 3, 1])
        #expect(values == ["e", "c", "a", "d", "b"])
    }
}
