import Foundation

/// Draws the links of a figure whose marks are pinned, without Graphviz's router.
///
/// Each link is one cubic Bézier curve from its tail mark to its head mark, written as the
/// edge's `pos` in Graphviz's spline form ("e,tip start control control end"), so Graphviz
/// (neato -n2, layout `nop2`) only draws it, arrowhead included. Among a fan of candidate
/// curves (straight, bowed to either side, or S-shaped: each control point pushed off the
/// straight line on its own) each link takes the cheapest:
/// passing through another mark costs most (it would read as a link to that message), then
/// entering a forbidden area (labels, outside the plot), then the bow itself, then running
/// along a link already placed. Links are placed shortest first, so short links stay straight.
struct LinkRouter {
    struct Point: Equatable {
        var x: Double
        var y: Double
        static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
        static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
        static func * (a: Point, k: Double) -> Point { Point(x: a.x * k, y: a.y * k) }
        var length: Double { (x * x + y * y).squareRoot() }
        func distance(to other: Point) -> Double { (self - other).length }
    }

    /// A mark links start and end at, and other links keep clear of: a disc around `centre`.
    struct Obstacle {
        var centre: Point
        var radius: Double
    }

    /// A rectangle links must not enter (lane labels, the axis and its labels).
    struct Area {
        var minX, minY, maxX, maxY: Double
        func contains(_ p: Point) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }
    }

    /// The placed curve of a link: the Bézier points (from the tail mark's edge to the arrow's
    /// base) and the arrow's tip on the head mark's edge.
    struct Route {
        var points: [Point]
        var tip: Point
    }

    /// Marks by id.
    var marks: [String: Obstacle]
    var forbidden: [Area]
    /// Length of the arrowhead in points (Graphviz: 10 × `arrowsize`).
    var arrowLength: Double
    /// Clearance kept between a link and another mark.
    var clearance: Double

    private static let cellSize = 8.0
    /// What running through another mark costs: more than any bow or detour.
    private static let markCost = 100.0

    /// Routes every link (tail id, head id), in the given order of the result; links whose
    /// ends are not both marks get nil.
    func route(_ links: [(from: String, to: String)]) -> [Route?] {
        var grid: [Cell: [Point]] = [:]
        var markGrid: [Cell: [Obstacle]] = [:]
        let reach = marks.values.map(\.radius).max() ?? 0
        for mark in marks.values { markGrid[Cell(mark.centre), default: []].append(mark) }
        let order = links.indices.sorted { a, b in
            let la = length(links[a]), lb = length(links[b])
            return la != lb ? la < lb : a < b
        }
        var routes = [Route?](repeating: nil, count: links.count)
        for index in order {
            guard let tail = marks[links[index].from], let head = marks[links[index].to], links[index].from != links[index].to else { continue }
            var best: (cost: Double, curve: [Point])?
            // Plain bows first; S-curves too unless a slight plain bow (at most 9 pt, little
            // crowding) already clears every mark.
            let plain = Self.bows.map { ($0, $0) }
            let shaped = Self.bows.flatMap { near in Self.bows.filter { $0 != near }.map { (near, $0) } }
            for (pass, shapes) in [plain, shaped].enumerated() {
                if pass == 1, let best, best.cost < 6 { break }
                for (near, far) in shapes {
                    let curve = candidate(tail.centre, head.centre, near: near, far: far)
                    let bound = best?.cost ?? .infinity
                    let cost = self.cost(curve, tail: tail, head: head, bow: (abs(near) + abs(far)) / 2, marks: markGrid,
                                         reach: reach, placed: grid, bound: bound)
                    if cost < bound - 1e-9 { best = (cost, curve) }
                }
            }
            guard let chosen = best?.curve else { continue }
            let route = clip(chosen, tail: tail, head: head)
            for sample in Self.samples(route.points, step: 2) { grid[Cell(sample), default: []].append(sample) }
            routes[index] = route
        }
        return routes
    }

    /// The edge's `pos` attribute in Graphviz's spline form, numbers as `DOTWriter` writes them.
    static func pos(_ route: Route) -> String {
        func text(_ p: Point) -> String { DOTWriter.number(p.x) + "," + DOTWriter.number(p.y) }
        return "e," + text(route.tip) + " " + route.points.map(text).joined(separator: " ")
    }

    // MARK: Candidates

    /// Bows tried for each control point: how far a curve pushed by it alone on both would lie
    /// off the straight line at its middle, in points, to either side (0: straight). Marks are
    /// a few points wide, so small bows clear them.
    private static let bows: [Double] = [0, 5, -5, 9, -9, 14, -14, 20, -20, 28, -28, 40, -40, 55, -55]

    private func length(_ link: (from: String, to: String)) -> Double {
        guard let a = marks[link.from], let b = marks[link.to] else { return .infinity }
        return a.centre.distance(to: b.centre)
    }

    /// A cubic from `a` to `b` whose control points lie off the straight line by the bows
    /// `near` (a's side) and `far` (b's), each capped at the link's length so that short
    /// links make small loops. Equal bows put the curve's middle `bow` points off the line.
    private func candidate(_ a: Point, _ b: Point, near: Double, far: Double) -> [Point] {
        let d = b - a
        let length = max(d.length, 1e-6)
        let normal = Point(x: -d.y / length, y: d.x / length)
        func push(_ bow: Double) -> Point {
            // A cubic's middle lies three quarters of the way to its (equal) control offsets.
            normal * ((bow < 0 ? -1 : 1) * min(abs(bow), max(length, 6)) / 0.75)
        }
        return [a, a + d * (1.0 / 3) + push(near), a + d * (2.0 / 3) + push(far), b]
    }

    private func cost(_ curve: [Point], tail: Obstacle, head: Obstacle, bow: Double,
                      marks: [Cell: [Obstacle]], reach: Double, placed: [Cell: [Point]], bound: Double) -> Double {
        var hitCentres: [Point] = []
        var cost = abs(bow) * 0.4
        var crowding = 0.0
        for sample in Self.samples(curve, step: 1.5) {
            // Already dearer than the best so far: no need to look further.
            if cost + Double(hitCentres.count) * Self.markCost + crowding * 0.3 >= bound { return .infinity }
            if forbidden.contains(where: { $0.contains(sample) }) { cost += 20 }
            let home = Cell(sample)
            home.forEachNeighbour(reach: reach + clearance) { cell in
                for mark in marks[cell] ?? [] where mark.centre != tail.centre && mark.centre != head.centre {
                    if sample.distance(to: mark.centre) < mark.radius + clearance, !hitCentres.contains(mark.centre) {
                        hitCentres.append(mark.centre)
                    }
                }
                return true
            }
            home.forEachNeighbour(reach: 1.5) { cell in
                guard let points = placed[cell], points.contains(where: { $0.distance(to: sample) < 1.5 }) else { return true }
                crowding += 1
                return false
            }
        }
        cost += Double(hitCentres.count) * Self.markCost
        return cost + crowding * 0.3
    }

    // MARK: Geometry

    /// The part of `curve` outside the tail mark and before the arrow, and the arrow's tip on
    /// the head mark's edge.
    private func clip(_ curve: [Point], tail: Obstacle, head: Obstacle) -> Route {
        let start = Self.parameter(curve, from: 0, towards: 1) { $0.distance(to: tail.centre) >= tail.radius }
        let tipT = Self.parameter(curve, from: 1, towards: 0) { $0.distance(to: head.centre) >= head.radius }
        let baseT = Self.parameter(curve, from: tipT, towards: 0) { $0.distance(to: Self.point(curve, tipT)) >= arrowLength }
        let end = max(start + 1e-3, baseT)
        return Route(points: Self.segment(curve, from: start, to: end), tip: Self.point(curve, tipT))
    }

    /// The first parameter, walking from `from` towards `towards` in small steps, where
    /// `outside` holds (the end reached otherwise).
    private static func parameter(_ curve: [Point], from: Double, towards: Double, _ outside: (Point) -> Bool) -> Double {
        let steps = 400
        for i in 0...steps {
            let t = from + (towards - from) * Double(i) / Double(steps)
            if outside(point(curve, t)) { return t }
        }
        return towards
    }

    static func point(_ c: [Point], _ t: Double) -> Point {
        let u = 1 - t
        return c[0] * (u * u * u) + c[1] * (3 * u * u * t) + c[2] * (3 * u * t * t) + c[3] * (t * t * t)
    }

    /// The piece of the cubic `c` between parameters `t0` < `t1`, as a cubic (de Casteljau).
    static func segment(_ c: [Point], from t0: Double, to t1: Double) -> [Point] {
        func split(_ c: [Point], _ t: Double) -> (left: [Point], right: [Point]) {
            func lerp(_ a: Point, _ b: Point) -> Point { a + (b - a) * t }
            let p01 = lerp(c[0], c[1]), p12 = lerp(c[1], c[2]), p23 = lerp(c[2], c[3])
            let p012 = lerp(p01, p12), p123 = lerp(p12, p23)
            let mid = lerp(p012, p123)
            return ([c[0], p01, p012, mid], [mid, p123, p23, c[3]])
        }
        let right = split(c, t0).right
        let local = t0 < 1 ? (t1 - t0) / (1 - t0) : 1
        return split(right, min(1, max(0, local))).left
    }

    /// Points along the cubic about `step` points apart (at least 8).
    static func samples(_ c: [Point], step: Double) -> [Point] {
        let rough = c[0].distance(to: c[1]) + c[1].distance(to: c[2]) + c[2].distance(to: c[3])
        let count = max(8, Int(rough / step))
        return (0...count).map { point(c, Double($0) / Double(count)) }
    }

    /// A square of the lookup grid.
    private struct Cell: Hashable {
        var i: Int
        var j: Int
        init(i: Int, j: Int) { self.i = i; self.j = j }
        init(_ p: Point) { i = Int((p.x / LinkRouter.cellSize).rounded(.down)); j = Int((p.y / LinkRouter.cellSize).rounded(.down)) }
        /// Calls `body` with every cell within `reach` points of any point of this one, until
        /// it returns false (no array built: this runs for every sample of every candidate).
        func forEachNeighbour(reach: Double, _ body: (Cell) -> Bool) {
            let n = Int((reach / LinkRouter.cellSize).rounded(.up))
            for di in -n...n {
                for dj in -n...n where !body(Cell(i: i + di, j: j + dj)) { return }
            }
        }
    }
}
