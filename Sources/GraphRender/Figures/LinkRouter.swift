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
    /// Side of a cell of the grid counting placed link samples, in points.
    private static let fineSize = 1.5
    /// What running through another mark costs: more than any bow or detour.
    private static let markCost = 100.0
    /// Most candidate curves tried for one link: the plain bows, then the S-curves of least
    /// total bow. Caps the work per link whatever the crowding.
    static let candidateCap = 48

    /// Routes every link (tail id, head id), in the given order of the result; links whose
    /// ends are not both marks get nil.
    ///
    /// - Complexity: O(m log m) for m links (the sort by length), plus bounded work per link:
    ///   at most `candidateCap` candidates, each sampled along a curve no longer than the
    ///   figure, each sample looking at a fixed number of cells of two flat grids (marks by
    ///   cell, placed samples counted by cell).
    func route(_ links: [(from: String, to: String)]) -> [Route?] {
        let obstacles = Array(marks.values).sorted { ($0.centre.x, $0.centre.y, $0.radius) < ($1.centre.x, $1.centre.y, $1.radius) }
        let reach = obstacles.map(\.radius).max() ?? 0
        let grid = MarkGrid(obstacles, margin: Self.bows.map(abs).max()! / 0.75 + reach + 16)
        var placed = PlacedGrid(bounds: grid.bounds)
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
            for (tried, (near, far)) in Self.candidates.enumerated() {
                if tried == Self.bows.count, let best, best.cost < 6 { break }
                let curve = candidate(tail.centre, head.centre, near: near, far: far)
                let bound = best?.cost ?? .infinity
                let cost = self.cost(curve, tail: tail, head: head, bow: (abs(near) + abs(far)) / 2, marks: grid,
                                     reach: reach, placed: placed, bound: bound)
                if cost < bound - 1e-9 { best = (cost, curve) }
            }
            guard let chosen = best?.curve else { continue }
            let route = clip(chosen, tail: tail, head: head)
            for sample in Self.samples(route.points, step: 2) { placed.add(sample) }
            routes[index] = route
        }
        return routes
    }

    /// The edge's `pos` attribute in Graphviz's spline form, numbers as `DOTWriter` writes them.
    static func pos(_ route: Route) -> String {
        func text(_ p: Point) -> String { DOTWriter.number(p.x) + "," + DOTWriter.number(p.y) }
        return "e," + text(route.tip) + " " + route.points.map(text).joined(separator: " ")
    }

    /// A polyline (no arrowhead) in Graphviz's spline form: each straight piece a cubic with
    /// its control points on the line.
    static func polylinePos(_ points: [Point]) -> String {
        guard let first = points.first else { return "" }
        var spline = [first]
        for (a, b) in zip(points, points.dropFirst()) { spline += [a + (b - a) * (1.0 / 3), a + (b - a) * (2.0 / 3), b] }
        return spline.map { DOTWriter.number($0.x) + "," + DOTWriter.number($0.y) }.joined(separator: " ")
    }

    // MARK: Candidates

    /// Bows tried for each control point: how far a curve pushed by it alone on both would lie
    /// off the straight line at its middle, in points, to either side (0: straight). Marks are
    /// a few points wide, so small bows clear them.
    private static let bows: [Double] = [0, 5, -5, 9, -9, 14, -14, 20, -20, 28, -28, 40, -40, 55, -55]

    /// The candidates in the order tried: every plain bow, then S-curves (each control
    /// point pushed on its own) by least total bow, up to `candidateCap` in all.
    private static let candidates: [(near: Double, far: Double)] = {
        let plain = bows.map { ($0, $0) }
        let shaped = bows.flatMap { near in bows.filter { $0 != near }.map { (near, $0) } }
            .enumerated().sorted { a, b in
                let x = abs(a.element.0) + abs(a.element.1), y = abs(b.element.0) + abs(b.element.1)
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        return Array((plain + shaped).prefix(candidateCap))
    }()

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
                      marks: MarkGrid, reach: Double, placed: PlacedGrid, bound: Double) -> Double {
        var hitCentres: [Point] = []
        var cost = abs(bow) * 0.4
        var crowding = 0.0
        for sample in Self.samples(curve, step: 1.5) {
            // Already dearer than the best so far: no need to look further.
            if cost + Double(hitCentres.count) * Self.markCost + crowding * 0.3 >= bound { return .infinity }
            if forbidden.contains(where: { $0.contains(sample) }) { cost += 20 }
            marks.forEach(near: sample, reach: reach + clearance) { mark in
                if mark.centre != tail.centre && mark.centre != head.centre,
                   sample.distance(to: mark.centre) < mark.radius + clearance, !hitCentres.contains(mark.centre) {
                    hitCentres.append(mark.centre)
                }
            }
            if placed.crowded(sample) { crowding += 1 }
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

    /// The rectangle a grid covers.
    struct Bounds {
        var minX, minY, maxX, maxY: Double
    }

    /// Marks by cell of a flat grid (`cellSize` points square): one array of mark indices
    /// ordered by cell, and each cell's start in it. Built once, looked up per sample.
    private struct MarkGrid {
        let bounds: Bounds
        let columns: Int
        let rows: Int
        let starts: [Int32]
        let members: [Obstacle]

        init(_ obstacles: [Obstacle], margin: Double) {
            let xs = obstacles.map(\.centre.x), ys = obstacles.map(\.centre.y)
            bounds = Bounds(minX: (xs.min() ?? 0) - margin, minY: (ys.min() ?? 0) - margin,
                            maxX: (xs.max() ?? 0) + margin, maxY: (ys.max() ?? 0) + margin)
            let bounds = self.bounds
            let columns = max(1, Int(((bounds.maxX - bounds.minX) / LinkRouter.cellSize).rounded(.up)))
            let rows = max(1, Int(((bounds.maxY - bounds.minY) / LinkRouter.cellSize).rounded(.up)))
            self.columns = columns
            self.rows = rows
            var counts = [Int32](repeating: 0, count: columns * rows + 1)
            let cells = obstacles.map { Self.cell($0.centre, bounds: bounds, columns: columns, rows: rows) }
            for cell in cells { counts[cell + 1] += 1 }
            for i in 1..<counts.count { counts[i] += counts[i - 1] }
            var fill = counts
            var members = obstacles
            for (obstacle, cell) in zip(obstacles, cells) {
                members[Int(fill[cell])] = obstacle
                fill[cell] += 1
            }
            starts = counts
            self.members = members
        }

        static func cell(_ p: Point, bounds: Bounds, columns: Int, rows: Int) -> Int {
            let i = min(columns - 1, max(0, Int((p.x - bounds.minX) / LinkRouter.cellSize)))
            let j = min(rows - 1, max(0, Int((p.y - bounds.minY) / LinkRouter.cellSize)))
            return j * columns + i
        }

        /// Calls `body` with every mark in the cells within `reach` points of `p`.
        func forEach(near p: Point, reach: Double, _ body: (Obstacle) -> Void) {
            guard p.x >= bounds.minX - reach, p.x <= bounds.maxX + reach, p.y >= bounds.minY - reach, p.y <= bounds.maxY + reach else { return }
            let i0 = max(0, Int(((p.x - reach - bounds.minX) / LinkRouter.cellSize).rounded(.down)))
            let i1 = min(columns - 1, Int(((p.x + reach - bounds.minX) / LinkRouter.cellSize).rounded(.down)))
            let j0 = max(0, Int(((p.y - reach - bounds.minY) / LinkRouter.cellSize).rounded(.down)))
            let j1 = min(rows - 1, Int(((p.y + reach - bounds.minY) / LinkRouter.cellSize).rounded(.down)))
            guard i0 <= i1, j0 <= j1 else { return }
            for j in j0...j1 {
                for cell in (j * columns + i0)...(j * columns + i1) {
                    for k in Int(starts[cell])..<Int(starts[cell + 1]) { body(members[k]) }
                }
            }
        }
    }

    /// Samples of the links placed so far, counted per cell of a flat grid `fineSize` points
    /// square: a sample is crowded when its cell or a neighbour holds one.
    private struct PlacedGrid {
        let bounds: Bounds
        let columns: Int
        let rows: Int
        var counts: [UInt16]

        init(bounds: Bounds) {
            self.bounds = bounds
            columns = max(1, Int(((bounds.maxX - bounds.minX) / LinkRouter.fineSize).rounded(.up)))
            rows = max(1, Int(((bounds.maxY - bounds.minY) / LinkRouter.fineSize).rounded(.up)))
            counts = [UInt16](repeating: 0, count: columns * rows)
        }

        private func index(_ p: Point) -> (Int, Int)? {
            let i = Int(((p.x - bounds.minX) / LinkRouter.fineSize).rounded(.down))
            let j = Int(((p.y - bounds.minY) / LinkRouter.fineSize).rounded(.down))
            return i >= 0 && i < columns && j >= 0 && j < rows ? (i, j) : nil
        }

        mutating func add(_ p: Point) {
            guard let (i, j) = index(p) else { return }
            let cell = j * columns + i
            if counts[cell] < UInt16.max { counts[cell] += 1 }
        }

        func crowded(_ p: Point) -> Bool {
            guard let (i, j) = index(p) else { return false }
            for dj in -1...1 where j + dj >= 0 && j + dj < rows {
                for di in -1...1 where i + di >= 0 && i + di < columns {
                    if counts[(j + dj) * columns + i + di] > 0 { return true }
                }
            }
            return false
        }
    }
}
