/// A label to place: the page x it belongs to (an event's start, a band's middle) and its
/// measured width. `priority` decides who wins a crowded spot (higher first).
public struct LabelRequest: Sendable, Hashable {
    public var key: String
    public var anchorX: Double
    public var width: Double
    public var priority: Int

    public init(key: String, anchorX: Double, width: Double, priority: Int = 0) {
        self.key = key
        self.anchorX = anchorX
        self.width = width
        self.priority = priority
    }
}

/// Where a label went: its row (0 nearest the anchor) and the left x of its box.
public struct LabelPlacement: Sendable, Hashable {
    public var key: String
    public var row: Int
    public var left: Double
    public var width: Double
    public var anchorX: Double

    public var right: Double { left + width }
}

/// Places labels in up to `rows` staggered rows without overlap: each label is centred on its
/// anchor (shifted to stay within `lo...hi`), goes in the first row where it keeps `gap` from
/// its neighbours, and is left out when no row has room. Higher priority labels are placed
/// first; the result lists placements left to right and the keys left out (for "+N more").
/// With `leaders`, each label hangs on a vertical leader at its anchor from its row down to
/// row 0's baseline: no label may cover another's leader, and no leader another's label.
public struct LabelPlacer: Sendable {
    public var rows: Int
    public var gap: Double
    public var lo: Double
    public var hi: Double

    public var leaders: Bool

    public init(rows: Int, gap: Double, lo: Double, hi: Double, leaders: Bool = false) {
        self.leaders = leaders
        self.rows = max(1, rows)
        self.gap = gap
        self.lo = lo
        self.hi = hi
    }

    public func place(_ requests: [LabelRequest]) -> (placed: [LabelPlacement], omitted: [String]) {
        let order = requests.enumerated().sorted { a, b in
            if a.element.priority != b.element.priority { return a.element.priority > b.element.priority }
            if a.element.anchorX != b.element.anchorX { return a.element.anchorX < b.element.anchorX }
            return a.offset < b.offset
        }
        var occupied: [[(Double, Double)]] = Array(repeating: [], count: rows)
        var placed: [LabelPlacement] = []
        var leaderLines: [(x: Double, row: Int)] = []
        var omitted: [String] = []
        for (_, r) in order {
            guard r.width <= hi - lo else { omitted.append(r.key); continue }
            // Centred on the anchor first, then hanging right of it, then left of it.
            let lefts = [r.anchorX - r.width / 2, r.anchorX - min(2, r.width / 2), r.anchorX + min(2, r.width / 2) - r.width]
                .map { min(max($0, lo), hi - r.width) }
            var put = false
            // First try spots that leave the anchors of labels as important free (so their
            // leaders can rise past this label), then any spot.
            let otherAnchors = leaders ? requests.filter { $0.key != r.key && $0.priority >= r.priority }.map(\.anchorX) : []
            search: for keepAnchorsFree in [true, false] where keepAnchorsFree || leaders {
              for row in 0..<rows {
                for left in lefts {
                    let right = left + r.width
                    if keepAnchorsFree && otherAnchors.contains(where: { $0 > left - gap / 2 && $0 < right + gap / 2 }) { continue }
                    var clash = occupied[row].contains { left < $0.1 + gap && $0.0 < right + gap }
                    if leaders && !clash {
                        // Its leader must not cross a label below it; its box no leader from above.
                        let x = r.anchorX
                        clash = (0..<row).contains { lower in occupied[lower].contains { x > $0.0 - gap / 2 && x < $0.1 + gap / 2 } }
                            || leaderLines.contains { $0.row > row && $0.x > left - gap / 2 && $0.x < right + gap / 2 }
                    }
                    if !clash {
                        occupied[row].append((left, right))
                        leaderLines.append((r.anchorX, row))
                        placed.append(LabelPlacement(key: r.key, row: row, left: left, width: r.width, anchorX: r.anchorX))
                        put = true
                        break search
                    }
                }
              }
            }
            if !put { omitted.append(r.key) }
        }
        placed.sort { $0.left != $1.left ? $0.left < $1.left : $0.key < $1.key }
        return (placed, omitted)
    }
}
