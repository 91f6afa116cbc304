import Testing
@testable import TimelineRender

@Suite("Label placement")
struct LabelPlacerTests {
    @Test("crowded labels go to staggered rows without overlap, the rest are counted")
    func staggers() {
        let placer = LabelPlacer(rows: 2, gap: 2, lo: 0, hi: 100)
        let reqs = (0..<6).map { LabelRequest(key: "l\($0)", anchorX: 20 + Double($0) * 2, width: 20) }
        let (placed, omitted) = placer.place(reqs)
        #expect(placed.count + omitted.count == 6)
        #expect(Set(placed.map(\.row)) == [0, 1])
        #expect(!omitted.isEmpty)
        for row in 0..<2 {
            let r = placed.filter { $0.row == row }.sorted { $0.left < $1.left }
            for (a, b) in zip(r, r.dropFirst()) { #expect(a.right + 2 <= b.left + 1e-9) }
        }
    }

    @Test("labels stay within bounds, shifted inwards at the edges")
    func withinBounds() {
        let placer = LabelPlacer(rows: 1, gap: 2, lo: 10, hi: 110)
        let (placed, _) = placer.place([LabelRequest(key: "a", anchorX: 5, width: 30), LabelRequest(key: "b", anchorX: 112, width: 30)])
        #expect(placed.count == 2)
        #expect(placed.allSatisfy { $0.left >= 10 && $0.right <= 110 })
    }

    @Test("priority wins a contested spot; a label wider than the space is left out")
    func priority() {
        let placer = LabelPlacer(rows: 1, gap: 2, lo: 0, hi: 100)
        let (placed, omitted) = placer.place([
            LabelRequest(key: "minor", anchorX: 50, width: 20, priority: 0),
            LabelRequest(key: "major", anchorX: 52, width: 20, priority: 5),
            LabelRequest(key: "huge", anchorX: 50, width: 200, priority: 9),
        ])
        #expect(placed.map(\.key) == ["major"])
        #expect(Set(omitted) == ["minor", "huge"])
    }
}

@Suite("Label placement with leaders")
struct LeaderPlacementTests {
    @Test("no leader crosses a label of a lower row, no label covers a leader from above")
    func leadersClear() {
        let placer = LabelPlacer(rows: 3, gap: 2, lo: 0, hi: 300, leaders: true)
        let reqs = (0..<20).map { LabelRequest(key: "e\($0)", anchorX: Double(($0 * 37) % 290) + 5, width: 28, priority: $0 % 3) }
        let (placed, omitted) = placer.place(reqs)
        #expect(placed.count + omitted.count == 20)
        for a in placed {
            for b in placed where b.row < a.row {
                #expect(!(a.anchorX > b.left - 1 && a.anchorX < b.right + 1), "leader of \(a.key) crosses \(b.key)")
            }
        }
    }
}
