/// Marks of one look (a lane's messages, a topic's ticks): the look once, then each mark's
/// centre and message. Most items of a large corpus's figure are marks; held as runs they
/// take a quarter of the memory of one item each (fresh memory is what a 50,000-message
/// layout spends most on) and are painted together, as consecutive marks of one look are.
public struct SceneMarkRun: Sendable, Hashable {
    /// The look every mark of the run shares (its centre and message are not used).
    public var look: SceneMark
    public var centers: [Point]
    /// The message of each mark, in the order of `centers`.
    public var messageIDs: [String]

    /// A run of `look`; `centers` and `messageIDs` have the same count.
    public init(look: SceneMark, centers: [Point], messageIDs: [String]) {
        precondition(centers.count == messageIDs.count, "a mark run needs a message per centre")
        var look = look
        look.center = Point(x: 0, y: 0)
        look.messageID = nil
        self.look = look
        self.centers = centers
        self.messageIDs = messageIDs
    }

    public var count: Int { centers.count }

    /// The `k`th mark as a single mark.
    public func mark(_ k: Int) -> SceneMark {
        var m = look
        m.center = centers[k]
        m.messageID = messageIDs[k]
        return m
    }

    /// Every mark of the run as single marks (for tests and checks, not for painting).
    public var marks: [SceneMark] { centers.indices.map(mark) }

    /// The box of every mark of the run.
    public var bounds: Rect {
        guard let first = centers.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        var x0 = first.x, x1 = first.x, y0 = first.y, y1 = first.y
        for c in centers {
            x0 = min(x0, c.x); x1 = max(x1, c.x)
            y0 = min(y0, c.y); y1 = max(y1, c.y)
        }
        let h = look.size / 2 + look.strokeWidth / 2
        return Rect(x: x0 - h, y: y0 - h, width: x1 - x0 + 2 * h, height: y1 - y0 + 2 * h)
    }
}
