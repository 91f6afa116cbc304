import Foundation
import Testing
@testable import GraphRender
import Analysis

/// The replies figure's own link curves: they start and end on their marks, bend around
/// other marks, stay out of forbidden areas, and Graphviz draws them as written.
@Suite(.serialized)
struct LinkRouterTests {
    typealias Point = LinkRouter.Point

    static func router(_ marks: [String: Point], radius: Double = 3, forbidden: [LinkRouter.Area] = []) -> LinkRouter {
        LinkRouter(marks: marks.mapValues { LinkRouter.Obstacle(centre: $0, radius: radius) }, forbidden: forbidden, arrowLength: 4, clearance: 1)
    }

    @Test func aClearLinkIsStraightAndEndsOnItsMarks() throws {
        let router = Self.router(["a": Point(x: 0, y: 0), "b": Point(x: 100, y: 0)])
        let route = try #require(router.route([("a", "b")]).first ?? nil)
        #expect(route.points.count == 4)
        #expect(route.points.allSatisfy { abs($0.y) < 1e-9 })
        #expect(abs(route.points[0].x - 3) < 0.5)              // leaves a's edge
        #expect(abs(route.tip.x - 97) < 0.5)                   // tip on b's edge
        #expect(abs(route.tip.x - route.points[3].x - 4) < 0.5) // arrow 4 pt long
    }

    @Test func aLinkBendsAroundAMarkInItsWay() throws {
        let marks = ["a": Point(x: 0, y: 0), "b": Point(x: 0, y: 60), "in the way": Point(x: 0, y: 30)]
        let router = Self.router(marks)
        let route = try #require(router.route([("a", "b")]).first ?? nil)
        let samples = LinkRouter.samples(route.points, step: 0.5)
        #expect(samples.allSatisfy { $0.distance(to: marks["in the way"]!) > 3 })
        #expect(samples.contains { abs($0.x) > 3 })
    }

    @Test func forbiddenAreasAreAvoided() throws {
        let marks = ["a": Point(x: 0, y: 0), "b": Point(x: 0, y: 60), "in the way": Point(x: 0, y: 30)]
        let right = LinkRouter.Area(minX: 0.5, minY: -100, maxX: 100, maxY: 100)
        let route = try #require(Self.router(marks, forbidden: [right]).route([("a", "b")]).first ?? nil)
        #expect(LinkRouter.samples(route.points, step: 0.5).dropFirst().dropLast().allSatisfy { !right.contains($0) })
    }

    @Test func unknownEndsAndLoopsAreNotDrawn() {
        let routes = Self.router(["a": Point(x: 0, y: 0)]).route([("a", "nowhere"), ("a", "a")])
        #expect(routes.count == 2 && routes.allSatisfy { $0 == nil })
    }

    @Test func segmentKeepsThePieceOfTheCurve() {
        let curve = [Point(x: 0, y: 0), Point(x: 10, y: 30), Point(x: 50, y: 30), Point(x: 60, y: 0)]
        let piece = LinkRouter.segment(curve, from: 0.2, to: 0.7)
        for t in stride(from: 0.0, through: 1.0, by: 0.25) {
            #expect(LinkRouter.point(piece, t).distance(to: LinkRouter.point(curve, 0.2 + 0.5 * t)) < 1e-9)
        }
    }

    @Test func posIsGraphvizSplineForm() {
        let route = LinkRouter.Route(points: [Point(x: 1, y: 2), Point(x: 3, y: 4), Point(x: 5, y: 6), Point(x: 7, y: 8.12549)], tip: Point(x: 9, y: -10))
        #expect(LinkRouter.pos(route) == "e,9,-10 1,2 3,4 5,6 7,8.125")
    }

    /// In the default replies figure every link has a drawn curve that clears the other marks,
    /// and Graphviz draws exactly that curve (nop2 routes nothing).
    @Test func repliesLinksAreDrawnAsWritten() throws {
        let figure = try FigureFixtures.figure(.replies)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(graph.attributes["layout"] == "nop2")
        func point(_ text: Substring) -> Point? {
            let parts = text.split(separator: ",").compactMap { Double($0.replacingOccurrences(of: "!", with: "")) }
            return parts.count == 2 ? Point(x: parts[0], y: parts[1]) : nil
        }
        let marks = graph.nodes.filter { !["lane:", "axis:", "tick:", "range:"].contains(where: $0.name.hasPrefix) }
        let centres = Dictionary(uniqueKeysWithValues: marks.compactMap { node in node.attributes["pos"].flatMap { point(Substring($0)) }.map { (node.name, $0) } })
        // "Same text" links are brackets without a head (`sameTextLinksAreBracketsWithinTheirMarksRows`).
        let links = graph.edges.filter { !$0.tail.hasPrefix("axis:") && !$0.tail.hasPrefix("range:") && !($0.attributes["tooltip"] ?? "").hasPrefix("parallel:") }
        #expect(!links.isEmpty)
        for link in links {
            let pos = try #require(link.attributes["pos"], "\(link.tail) -> \(link.head)")
            let fields = pos.split(separator: " ")
            #expect(fields.first?.hasPrefix("e,") == true)
            let tip = try #require(point(fields[0].dropFirst(2)))
            let curve = fields.dropFirst().compactMap(point)
            #expect(curve.count == 4)
            let tail = try #require(centres[link.tail]), head = try #require(centres[link.head])
            // A link starts and ends at its marks' outlines (a writer's shape may be a little wider than a circle).
            #expect(curve[0].distance(to: tail) < 8)
            #expect(tip.distance(to: head) < 8)
            for sample in LinkRouter.samples(curve, step: 1) {
                for (name, centre) in centres where name != link.tail && name != link.head {
                    #expect(sample.distance(to: centre) > 2, "\(link.tail) -> \(link.head) crosses \(name)")
                }
            }
        }
        // Graphviz keeps the curves: the SVG has a path per link and per axis segment.
        let svg = String(decoding: try figure.render(.svg).data, as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == graph.edges.count)
        #expect(svg.components(separatedBy: "<polygon").count - 1 >= links.count)  // arrowheads
    }

    /// "Same text" links are brackets, read back from the laid-out DOT: straight pieces,
    /// horizontal or vertical, never above or below the rows of their two marks, never further
    /// to the side than a bin (a mark's width) beyond them, clear of every other mark, with no
    /// arrowhead (neither text answers the other). The curves bowing around marks that they
    /// replace looped through the lanes between.
    @Test(arguments: ["paper", "presentation", "paper,grayscale"])
    func sameTextLinksAreBracketsWithinTheirMarksRows(style: String) throws {
        for wide in [false, true] {
            let figure = try FigureFixtures.figure(.replies, style: style, wide: wide)
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            func point(_ text: Substring) -> Point? {
                let parts = text.split(separator: ",").compactMap { Double($0.replacingOccurrences(of: "!", with: "")) }
                return parts.count == 2 ? Point(x: parts[0], y: parts[1]) : nil
            }
            let marks = graph.nodes.filter { !["lane:", "axis:", "tick:", "range:"].contains(where: $0.name.hasPrefix) }
            var centres: [String: (Point, Double)] = [:]
            for node in marks {
                guard let centre = node.attributes["pos"].flatMap({ point(Substring($0)) }), let w = Double(node.attributes["width"] ?? "") else { continue }
                centres[node.name] = (centre, w * 36)
            }
            let widest = centres.values.map(\.1).max() ?? 0
            let sameText = graph.edges.filter { ($0.attributes["tooltip"] ?? "").hasPrefix("parallel:") }
            #expect(!sameText.isEmpty, "\(style)")
            for link in sameText {
                let (a, ra) = try #require(centres[link.tail]), (b, rb) = try #require(centres[link.head])
                let points = (link.attributes["pos"] ?? "").split(separator: " ").compactMap(point)
                #expect(points.count >= 4 && (points.count - 1) % 3 == 0, "\(link.tail) – \(link.head): \(points.count) points")
                #expect(link.attributes["arrowhead"] == "none")
                // Each piece straight along an axis: its control points on the line.
                for start in stride(from: 0, to: points.count - 3, by: 3) {
                    let piece = Array(points[start...start + 3])
                    let horizontal = piece.allSatisfy { abs($0.y - piece[0].y) < 0.01 }
                    let vertical = piece.allSatisfy { abs($0.x - piece[0].x) < 0.01 }
                    #expect(horizontal || vertical, "\(link.tail) – \(link.head): a piece that is not a bracket's")
                }
                #expect(points.allSatisfy { $0.y >= min(a.y, b.y) - 0.01 && $0.y <= max(a.y, b.y) + 0.01 }, "\(link.tail) – \(link.head) leaves its rows")
                #expect(points.allSatisfy { $0.x >= min(a.x - ra, b.x - rb) - 2 * widest - 2 && $0.x <= max(a.x + ra, b.x + rb) + 2 * widest + 2 },
                        "\(link.tail) – \(link.head) runs wide")
                for sample in stride(from: 0, to: points.count - 3, by: 3).flatMap({ LinkRouter.samples(Array(points[$0...$0 + 3]), step: 0.5) }) {
                    for (name, (centre, radius)) in centres where name != link.tail && name != link.head {
                        #expect(sample.distance(to: centre) > min(radius, 2), "\(link.tail) – \(link.head) crosses \(name)")
                    }
                }
            }
        }
    }

    @Test func neatoStillRoutesTheLinksWhenAsked() throws {
        let context = FigureContext(analysis: FigureFixtures.analysis.filtered(topics: ["poland"]), theme: FigureFixtures.theme(),
                                    styleSpec: "paper", filterDescription: "topic poland")
        let figure = try GraphFigure.build(.replies, context: context, engine: .neato)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(figure.engine == .neato && graph.attributes["layout"] == "neato")
        #expect(graph.edges.allSatisfy { ($0.attributes["pos"] ?? "").isEmpty })
    }
}
