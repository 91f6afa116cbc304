import Foundation

/// The ink of one laid-out edge, read from Graphviz's JSON (`pos`, `penwidth`, `arrowsize`):
/// its splines sampled into straight pieces, each with the half-width of ink around it (half
/// the pen; at an arrowhead, half the head's width). Graphviz routes an edge as a line of no
/// width, so figures and tests measure what is drawn: a label or a node must keep clear of
/// this ink, not of the routed line.
public struct LaidOutStroke: Sendable, Equatable {
    /// A point in Graphviz's coordinates (points, y upwards).
    public struct Point: Sendable, Equatable {
        public var x, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// One straight piece of ink.
    public struct Segment: Sendable, Equatable {
        public var a, b: Point
        public var halfWidth: Double
    }

    public var tail: String
    public var head: String
    /// The edge's attributes as Graphviz wrote them.
    public var attributes: [String: String]
    public var segments: [Segment]
    /// The box holding all the ink (each piece with its half-width), to skip far outlines.
    public var inkMinX = 0.0, inkMinY = 0.0, inkMaxX = 0.0, inkMaxY = 0.0

    /// Straight pieces per cubic Bézier piece of a spline: under a tenth of a point from the
    /// curve for the bends of these figures.
    static let samplesPerCurve = 16

    /// Graphviz's arrow length per unit of `arrowsize`, and a normal head's half-width per
    /// unit of its length (lib/common/arrows.c: `ARROW_LENGTH` 10, half-width 0.35).
    static let arrowLength = 10.0, arrowHalfWidth = 0.35

    /// Reads an edge's `pos` ("e,x,y s,x,y x,y x,y ..." per spline, splines separated by `;`).
    /// Nil when it holds no spline.
    public init?(tail: String, head: String, attributes: [String: String]) {
        guard let pos = attributes["pos"] else { return nil }
        self.tail = tail
        self.head = head
        self.attributes = attributes
        let pen = max(0, Double(attributes["penwidth"] ?? "") ?? 1) / 2
        let arrowInk = Self.arrowHalfWidth * Self.arrowLength * (Double(attributes["arrowsize"] ?? "") ?? 1) + pen
        var segments: [Segment] = []
        for spline in pos.split(separator: ";") {
            var start: Point?, end: Point?
            var points: [Point] = []
            for piece in spline.split(separator: " ") {
                var text = Substring(piece)
                var marker: Character?
                if text.hasPrefix("e,") || text.hasPrefix("s,") { marker = text.first; text = text.dropFirst(2) }
                let numbers = text.split(separator: ",").compactMap { Double($0) }
                guard numbers.count == 2 else { continue }
                let point = Point(x: numbers[0], y: numbers[1])
                switch marker {
                case "e": end = point
                case "s": start = point
                default: points.append(point)
                }
            }
            guard let first = points.first else { continue }
            var previous = first
            var index = 0
            while index + 3 < points.count {
                let (p0, p1, p2, p3) = (points[index], points[index + 1], points[index + 2], points[index + 3])
                for step in 1...Self.samplesPerCurve {
                    let t = Double(step) / Double(Self.samplesPerCurve), u = 1 - t
                    let next = Point(x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
                                     y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y)
                    segments.append(Segment(a: previous, b: next, halfWidth: pen))
                    previous = next
                }
                index += 3
            }
            // Arrowheads run from the spline's end to the tip Graphviz gives.
            if let end, let last = points.last { segments.append(Segment(a: last, b: end, halfWidth: arrowInk)) }
            if let start { segments.append(Segment(a: start, b: first, halfWidth: arrowInk)) }
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
        inkMinX = segments.map { min($0.a.x, $0.b.x) - $0.halfWidth }.min() ?? 0
        inkMaxX = segments.map { max($0.a.x, $0.b.x) + $0.halfWidth }.max() ?? 0
        inkMinY = segments.map { min($0.a.y, $0.b.y) - $0.halfWidth }.min() ?? 0
        inkMaxY = segments.map { max($0.a.y, $0.b.y) + $0.halfWidth }.max() ?? 0
    }

    /// Whether the ink comes within `gap` of the box spanning `outline` (a cheap first test:
    /// when it does not, `clearance` is at least `gap`).
    public func mayReach(_ outline: [Point], gap: Double) -> Bool {
        guard let minX = outline.map(\.x).min(), let maxX = outline.map(\.x).max(),
              let minY = outline.map(\.y).min(), let maxY = outline.map(\.y).max() else { return false }
        return inkMinX - gap < maxX && minX < inkMaxX + gap && inkMinY - gap < maxY && minY < inkMaxY + gap
    }

    /// The gap in points between this stroke's ink and the convex polygon `outline` (negative
    /// or zero when they touch or overlap).
    public func clearance(to outline: [Point]) -> Double {
        var best = Double.infinity
        for segment in segments {
            best = min(best, Self.distance(segment.a, segment.b, outline) - segment.halfWidth)
            if best <= -1e9 { break }
        }
        return best
    }

    /// The outline of an axis-aligned box.
    public static func box(minX: Double, minY: Double, maxX: Double, maxY: Double) -> [Point] {
        [Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY), Point(x: minX, y: maxY)]
    }

    /// The outline of an ellipse centred at (`x`, `y`) with half-axes `rx`, `ry`, as a
    /// polygon of 64 corners (within 0.12% of the half-axis of the curve).
    public static func ellipse(x: Double, y: Double, rx: Double, ry: Double) -> [Point] {
        (0..<64).map { i in
            let angle = Double(i) * 2 * Double.pi / 64
            return Point(x: x + rx * cos(angle), y: y + ry * sin(angle))
        }
    }

    /// Distance from the segment `a`–`b` to the convex polygon `outline`: zero when it
    /// crosses or lies inside it.
    static func distance(_ a: Point, _ b: Point, _ outline: [Point]) -> Double {
        guard outline.count >= 3 else { return .infinity }
        if contains(outline, a) || contains(outline, b) { return 0 }
        var best = Double.infinity
        for i in outline.indices {
            let p = outline[i], q = outline[(i + 1) % outline.count]
            best = min(best, segmentDistance(a, b, p, q))
            if best == 0 { return 0 }
        }
        return best
    }

    /// Whether the convex polygon `outline` holds `p` (on its edge counts).
    static func contains(_ outline: [Point], _ p: Point) -> Bool {
        var sign = 0.0
        for i in outline.indices {
            let a = outline[i], b = outline[(i + 1) % outline.count]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if cross == 0 { continue }
            if sign == 0 { sign = cross } else if (sign > 0) != (cross > 0) { return false }
        }
        return true
    }

    /// Distance between the segments `a`–`b` and `c`–`d` (zero when they cross).
    static func segmentDistance(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Double {
        func cross(_ o: Point, _ p: Point, _ q: Point) -> Double { (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x) }
        let d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return 0 }
        return min(pointDistance(a, c, d), pointDistance(b, c, d), pointDistance(c, a, b), pointDistance(d, a, b))
    }

    /// Distance from `p` to the segment `a`–`b`.
    static func pointDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0
        let x = a.x + dx * t - p.x, y = a.y + dy * t - p.y
        return (x * x + y * y).squareRoot()
    }
}
