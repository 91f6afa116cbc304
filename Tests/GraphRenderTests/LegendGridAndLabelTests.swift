import Analysis
import Correspondence
import Foundation
@testable import GraphRender
import Styling
import Testing

/// What the review of issue 14 found misleading in the network figures, checked from the DOT
/// and from Graphviz's own layout: legend grids that zigzag, hollow heads that read as filled,
/// arrow counts printed on top of each other.
@Suite(.serialized)
struct LegendGridAndLabelTests {
    /// Every CSV fixture of the package, read as a user's corpus.
    static let csvFixtures: [(name: String, analysis: CorpusAnalysis)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/csv")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        return names.map { name in
            do {
                let corpus = try CorpusLoader.load(path: folder.appendingPathComponent(name).path)
                return (name, CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled()))
            } catch {
                fatalError("cannot read \(name): \(error)")
            }
        }
    }()

    static func context(_ analysis: CorpusAnalysis, style: String = "paper", wide: Bool = false) -> FigureContext {
        FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), wide: wide, styleSpec: style)
    }

    // MARK: Legend grid

    /// A cell of the legend's outer table: how many columns it spans and its markup.
    struct Cell {
        var span: Int
        var content: String
        /// A swatch: a drawn sample (a fixed-size box, an arrow) or a coloured glyph.
        var isSwatch: Bool { content.contains("<TABLE") || content.hasPrefix("<FONT") && FigureClaims.text(of: content).count <= 3 && !content.contains("\u{00A0}") }
    }

    /// The rows of the outermost table of `label`, each as its cells (nested tables are left
    /// inside their cell's content).
    static func outerRows(_ label: String) -> [[Cell]] {
        let regex = try! NSRegularExpression(pattern: #"<(/?)(TABLE|TR|TD)\b([^>]*)>"#)
        let ns = label as NSString
        var depth = 0
        var rows: [[Cell]] = []
        var cellStart: Int?
        var span = 1
        for match in regex.matches(in: label, range: NSRange(location: 0, length: ns.length)) {
            let closing = ns.substring(with: match.range(at: 1)) == "/"
            let tag = ns.substring(with: match.range(at: 2))
            switch (tag, closing) {
            case ("TABLE", false): depth += 1
            case ("TABLE", true): depth -= 1
            case ("TR", false) where depth == 1: rows.append([])
            case ("TD", false) where depth == 1:
                cellStart = match.range.location + match.range.length
                span = FigureClaims.int("COLSPAN", in: ns.substring(with: match.range(at: 3))) ?? 1
            case ("TD", true) where depth == 1:
                if let start = cellStart {
                    rows[rows.count - 1].append(Cell(span: span, content: ns.substring(with: NSRange(location: start, length: match.range.location - start))))
                }
                cellStart = nil
            default: break
            }
        }
        return rows
    }

    /// Each legend row is either one cell across the whole grid (a title, a heading, a note)
    /// or samples in columns: a swatch starting every even column, its text after it. A
    /// heading taking a cell among samples (the old zigzag) fails.
    static func checkGrid(_ label: String, _ what: String) {
        // The legend: rows of one cell (title, the grid, notes); the grid a table of its own.
        let outer = outerRows(label)
        #expect(outer.allSatisfy { $0.count == 1 && $0[0].span == 1 }, "\(what): the legend's outer rows are not single cells")
        guard let grid = outer.first(where: { $0.first?.content.hasPrefix("<TABLE") == true })?.first else {
            Issue.record("\(what): no grid in the legend")
            return
        }
        let rows = outerRows(grid.content)
        #expect(!rows.isEmpty, "\(what): no legend table")
        let columns = rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0
        for row in rows {
            #expect(row.reduce(0) { $0 + $1.span } == columns, "\(what): a row of \(row.reduce(0) { $0 + $1.span }) columns in a grid of \(columns)")
            if row.count == 1 { continue }
            var column = 0
            for (index, cell) in row.enumerated() {
                let swatchColumn = index % 2 == 0
                #expect(cell.isSwatch == swatchColumn,
                        "\(what): \(swatchColumn ? "a non-sample" : "a sample") in column \(column): \(FigureClaims.text(of: cell.content))")
                if swatchColumn { #expect(column % 2 == 0, "\(what): a sample starts in column \(column)") }
                column += cell.span
            }
        }
        // Headings are rows of their own.
        for heading in ["messages:", "per arrow:", "arrows by:", "messages naming both:"] {
            for row in rows where row.contains(where: { FigureClaims.text(of: $0.content) == heading }) {
                #expect(row.count == 1 && row[0].span == columns, "\(what): the heading \(heading) shares its row")
            }
        }
    }

    @Test(arguments: [GraphFigureKind.correspondents, .mentions, .matrix, .topics, .replies])
    func legendHeadingsSpanTheirRowAndSamplesAlignInColumns(kind: GraphFigureKind) throws {
        for style in ["paper", "grayscale"] {
            for wide in [false, true] {
                let figure = try GraphFigure.build(kind, context: Self.context(FigureFixtures.analysis, style: style, wide: wide))
                let label = try #require(try GraphvizEngine.shared.parse(figure.dot).attributes["label"])
                Self.checkGrid(label, "\(kind) \(style)\(wide ? " wide" : "")")
            }
        }
        guard kind == .correspondents || kind == .matrix else { return }
        for fixture in Self.csvFixtures {
            let figure = try GraphFigure.build(kind, context: Self.context(fixture.analysis))
            Self.checkGrid(try #require(try GraphvizEngine.shared.parse(figure.dot).attributes["label"]), "\(kind) \(fixture.name)")
        }
    }

    // MARK: Arrowheads

    /// The triangles of an SVG's arrowheads: whether filled, the pen width, the inscribed
    /// circle's radius, for each edge group.
    static func arrowheads(_ svg: String) -> [(hollow: Bool, pen: Double, inradius: Double)] {
        svg.components(separatedBy: "class=\"edge\"").dropFirst().compactMap { group -> (Bool, Double, Double)? in
            let body = group.components(separatedBy: "</g>").first ?? ""
            guard let polygon = body.range(of: "<polygon").map({ body[$0.upperBound...].prefix { $0 != ">" } }) else { return nil }
            let attributes = String(polygon)
            let fill = FigureClaims.string("fill", in: attributes) ?? ""
            let pen = Double(FigureClaims.string("stroke-width", in: attributes) ?? "1") ?? 1
            let numbers = (FigureClaims.string("points", in: attributes) ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            var points: [(Double, Double)] = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
            if points.count > 3, points.first! == points.last! { points.removeLast() }
            guard points.count == 3 else { return nil }
            func distance(_ a: (Double, Double), _ b: (Double, Double)) -> Double { ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() }
            let (a, b, c) = (points[0], points[1], points[2])
            let area = abs((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)) / 2
            let perimeter = distance(a, b) + distance(b, c) + distance(c, a)
            return (fill == "none", pen, 2 * area / perimeter)
        }
    }

    /// At every width class, an inferred arrow's hollow head keeps an opening (read from the
    /// drawn SVG triangle: inscribed radius less half the pen), and the cited arrows' heads are
    /// filled; the legend shows both heads, on lines drawn as the arrows are.
    @Test func hollowHeadsStayOpenAtEveryWidthAndTheLegendShowsBothHeads() throws {
        for style in ["paper", "grayscale", "presentation"] {
            let context = Self.context(FigureFixtures.analysis, style: style)
            let figure = try GraphFigure.build(.correspondents, context: context)
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let inferred = graph.edges.filter { $0.attributes["arrowhead"] == CorrespondentsFigure.inferredArrowhead }
            #expect(inferred.count >= 3, "\(style)")
            #expect(graph.edges.filter { $0.attributes["arrowhead"] != CorrespondentsFigure.inferredArrowhead }
                .allSatisfy { !($0.attributes["arrowhead"] ?? "").hasPrefix("o") && $0.attributes["arrowhead"] != "empty" })
            let heads = Self.arrowheads(String(decoding: try figure.render(.svg).data, as: UTF8.self))
            #expect(heads.count == graph.edges.count, "\(style): a head per arrow")
            let hollow = heads.filter(\.hollow)
            #expect(hollow.count == inferred.count, "\(style)")
            // The thick classes are among them: that is where the opening used to close. An
            // outlined arrow (parallel lines: the writers' arrows differ in line style) draws
            // its head with one side's pen.
            let outlined = inferred.allSatisfy { ($0.attributes["color"] ?? "").contains(":") }
            #expect(outlined == (style == "grayscale"), "\(style): inferred arrows outlined only where writers differ in line style")
            #expect(hollow.map(\.pen).max() ?? 0 >= (outlined ? 1 : 3), "\(style)")
            for head in hollow {
                let opening = head.inradius - head.pen / 2
                #expect(opening >= FigureStyle.minimumOpening(penWidth: head.pen) - 0.1,
                        "\(style): a hollow head drawn with a \(head.pen) pt pen keeps \(opening) pt open")
            }
            // Within a class, both kinds of head are one size (head size means only the width).
            for edge in graph.edges {
                let strand = try #require(Double(edge.attributes["penwidth"] ?? ""))
                let strands = (edge.attributes["color"] ?? "").split(separator: ":").count
                let pen = FigureStyle.strandsWidth(strands: strands, pen: strand)
                #expect(Double(edge.attributes["arrowsize"] ?? "") == FigureStyle(context: context).arrowSize(penWidth: pen, outlined: outlined))
            }
            // The legend: a filled and a hollow head, each on a line as its arrows are drawn.
            let label = try #require(graph.attributes["label"])
            let arrows = Self.legendArrows(label)
            let hollowSample = try #require(arrows.first { $0.glyph == "▷" }, "\(style): no hollow head in the legend")
            let filledSample = try #require(arrows.first { $0.glyph == "▶" }, "\(style): no filled head in the legend")
            let inferredColour = try #require(inferred.first?.attributes["color"]?.split(separator: ":").first.map(String.init))
            #expect(hollowSample.color == inferredColour && hollowSample.lineColor == inferredColour)
            #expect(hollowSample.dashed == (inferred.first?.attributes["style"] == "dashed"))
            #expect(hollowSample.outlined == outlined && !filledSample.outlined)
            if outlined {
                // No writer's line style is the inferred arrows' any more: a dash means a writer.
                #expect(inferred.allSatisfy { !["dashed", "dotted"].contains($0.attributes["style"] ?? "") }, "\(inferred.map(\.attributes))")
                #expect(hollowSample.text.contains("outlined"))
            }
            #expect(hollowSample.text.contains("inferred") && filledSample.text.contains("corpus"))
            #expect(!filledSample.dashed)
        }
    }

    /// An outlined (inferred) arrow is as wide overall as a solid arrow of its class, read from
    /// the DOT: its outer strands (Graphviz sets a colour list's lines `strandSeparation` apart)
    /// plus one side's pen; the strands between are invisible. The legend's per-arrow samples
    /// and its outlined sample are drawn at those widths.
    @Test func outlinedArrowsAreAsWideAsTheirClass() throws {
        let context = Self.context(FigureFixtures.analysis, style: "grayscale")
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let edges = graph.edges.filter { $0.attributes["penwidth"] != nil }
        let outlined = edges.filter { ($0.attributes["color"] ?? "").contains(":") }
        #expect(outlined.count >= 3)
        // The count of an arrow is its label; its class's width is the legend's.
        let label = try #require(graph.attributes["label"])
        let bars = FigureClaims.text(of: label)
        #expect(bars.contains("per arrow"))
        var widthsSeen: [Int: Set<Double>] = [:]
        for edge in edges {
            let pen = try #require(Double(edge.attributes["penwidth"] ?? ""))
            let colours = (edge.attributes["color"] ?? "").split(separator: ":").map(String.init)
            let overall = FigureStyle.strandsWidth(strands: colours.count, pen: pen)
            if colours.count > 1 {
                #expect(pen == FigureStyle.outlineWall)
                #expect(colours.first == colours.last && colours.dropFirst().dropLast().allSatisfy { $0 == "invis" }, "\(colours)")
                #expect(FigureStyle.outlineWidths.contains(Int(overall)), "\(overall) pt is no class width")
                // A hollow shaft: the sides leave an opening between them.
                #expect(overall - 2 * pen >= 1)
            }
            // Arrows whose count found no place carry none (the caption says so).
            guard let count = Int(FigureClaims.text(of: edge.attributes["label"] ?? edge.attributes["xlabel"] ?? "").trimmingCharacters(in: .whitespaces)) else { continue }
            widthsSeen[count, default: []].insert(overall)
        }
        // Every arrow's overall width is one of the legend's classes, and the classes are the
        // outline widths (so a solid arrow of a class is as wide as an outlined one).
        let sampleWidths = Self.legendBarWidths(label)
        #expect(sampleWidths.count >= 2 && widthsSeen.count >= 3, "\(sampleWidths) \(widthsSeen)")
        #expect(sampleWidths == Array(FigureStyle.outlineWidths.prefix(sampleWidths.count)), "\(sampleWidths)")
        for (count, widths) in widthsSeen {
            #expect(widths.count == 1, "count \(count) drawn at \(widths)")
            #expect(widths.allSatisfy { sampleWidths.contains(Int($0)) })
        }
        // The outlined legend sample: a box as tall as the first class, sides one outline wall thick.
        let sample = try #require(label.range(of: #"HEIGHT="(\d+)" SIDES="TB" BORDER="(\d+)""#, options: .regularExpression).map { String(label[$0]) })
        let numbers = sample.split(separator: "\"").compactMap { Int($0) }
        #expect(numbers == [sampleWidths.first ?? 0, Int(FigureStyle.outlineWall)], "\(sample)")
        // The old drawing, three strands of a third of the class each, would be wider than its class.
        #expect(FigureStyle.strandsWidth(strands: 3, pen: 4.0 / 3) > 4)
    }

    /// The widths of the legend's per-arrow samples (bottom borders of bar cells), in order.
    static func legendBarWidths(_ label: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: ##"SIDES="B" BORDER="(\d+)" COLOR="#[0-9a-f]{6}"></TD></TR></TABLE></TD><TD ALIGN="LEFT"[^>]*>(.*?)</TD>"##)
        let ns = label as NSString
        return regex.matches(in: label, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let text = FigureClaims.text(of: ns.substring(with: m.range(at: 2)))
            return text.first?.isNumber == true ? Int(ns.substring(with: m.range(at: 1))) : nil
        }
    }

    /// Drawn, each legend arrow's head sits right after its line (at a page's width a cell
    /// wider than the sample used to pull the two apart), in every style and at both widths.
    @Test func legendArrowHeadsSitAtTheEndOfTheirLines() throws {
        for style in ["paper", "paper,grayscale", "presentation"] {
            for wide in [false, true] {
                let figure = try GraphFigure.build(.correspondents, context: Self.context(FigureFixtures.analysis, style: style, wide: wide))
                let svg = String(decoding: try figure.render(.svg).data, as: UTF8.self)
                let glyphs = try NSRegularExpression(pattern: #"<text text-anchor="start" x="([-0-9.]+)" y="([-0-9.]+)"[^>]*font-size="([0-9.]+)"[^>]*>(▶|▷)</text>"#)
                let lines = try NSRegularExpression(pattern: #"<polyline fill="none" stroke="[^"]*"[^>]*points="([-0-9.]+),([-0-9.]+) ([-0-9.]+),([-0-9.]+) ?"/>"#)
                let ns = svg as NSString
                let segments = lines.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { m in
                    (1...4).map { Double(ns.substring(with: m.range(at: $0)))! }
                }
                let heads = glyphs.matches(in: svg, range: NSRange(location: 0, length: ns.length))
                #expect(heads.count == 2, "\(style)")
                for m in heads {
                    let x = Double(ns.substring(with: m.range(at: 1)))!, y = Double(ns.substring(with: m.range(at: 2)))!
                    let size = Double(ns.substring(with: m.range(at: 3)))!
                    // The nearest line ending left of the head, at about its middle's height.
                    let gaps = segments.filter { abs($0[1] - $0[3]) < 0.01 && abs($0[1] - (y - size * 0.35)) < size }
                        .map { x - max($0[0], $0[2]) }.filter { $0 >= -1 }
                    let gap = try #require(gaps.min(), "\(style): no line before \(ns.substring(with: m.range(at: 4)))")
                    #expect(gap <= 6, "\(style)\(wide ? " wide" : ""): \(ns.substring(with: m.range(at: 4))) \(gap) pt after its line")
                }
            }
        }
    }

    /// The legend's arrow samples: head glyph and colour, line colour and dash, text.
    /// The legend's arrow samples: head glyph and colour, line colour, whether the line is
    /// dashed or outlined (top and bottom borders: a hollow shaft), and the entry's text.
    static func legendArrows(_ label: String) -> [(glyph: String, color: String, lineColor: String, dashed: Bool, text: String, outlined: Bool)] {
        let pattern = #"SIDES="(B|TB)" BORDER="\d+" COLOR="(#[0-9a-f]{6})"( STYLE="dashed")?></TD></TR><TR><TD [^>]*></TD></TR></TABLE></TD><TD[^>]*><FONT [^>]*COLOR="(#[0-9a-f]{6})">([^<]+)</FONT></TD></TR></TABLE></TD><TD ALIGN="LEFT"[^>]*>(.*?)</TD>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = label as NSString
        return regex.matches(in: label, range: NSRange(location: 0, length: ns.length)).map { m in
            (ns.substring(with: m.range(at: 5)), ns.substring(with: m.range(at: 4)), ns.substring(with: m.range(at: 2)),
             m.range(at: 3).location != NSNotFound, FigureClaims.text(of: ns.substring(with: m.range(at: 6))), ns.substring(with: m.range(at: 1)) == "TB")
        }
    }

    // MARK: Topics table

    /// A reader adding up a row of the topics table finds more messages than the row's total
    /// when a message has several correspondents: the legend says why whenever a row does, and
    /// only then (read back from the table's cells).
    @Test func topicRowsThatAddUpToMoreThanTheirTotalAreExplained() throws {
        var exceeded = false
        for wide in [false, true] {
            let figure = try GraphFigure.build(.topics, context: Self.context(FigureFixtures.analysis, wide: wide))
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let rows = FigureClaims.tableRows(try #require(graph.node("table")?.attributes["label"]))
            var over = false
            for row in rows.dropFirst() {
                guard let label = row.first, let open = label.lastIndex(of: "("), let total = Int(label[label.index(after: open)...].prefix { $0.isNumber }) else { continue }
                let sum = row.dropFirst().compactMap { Int($0) }.reduce(0, +)
                if sum > total { over = true }
            }
            // Wrapped lines read as one text.
            let legend = FigureClaims.text(of: try #require(graph.attributes["label"]).replacingOccurrences(of: "<BR ALIGN=\"LEFT\"/>", with: " "))
            #expect(legend.contains("counts in each of their columns") == over, "a row over its total: \(over)")
            exceeded = exceeded || over
        }
        // The bundled corpus has such rows (joint messages to two correspondents).
        #expect(exceeded)
    }

    /// The topics table leaves out the central person; its legend says in how many of the
    /// messages they take part, counted from the data (it said "every exchange", false for a
    /// corpus whose centre is in most messages but not all): the bundled corpus, and the same
    /// with three of its messages on a topic rewritten as letters between two others.
    @Test func theTopicsLegendCountsTheCentresMessagesTruly() throws {
        let bundled = FigureFixtures.analysis
        var messages = bundled.corpus.messages
        let others = ["churchill", "roosevelt"].compactMap { key in bundled.corpus.people.people.first { $0.id.lowercased().contains(key) }?.id }
        #expect(others.count == 2)
        var rewritten = 0
        for index in messages.indices where rewritten < 3 && !(bundled.topics[messages[index].id] ?? []).isEmpty {
            messages[index].sender = others[0]
            messages[index].recipients = [others[1]]
            rewritten += 1
        }
        let corpus = Corpus(sourceName: "rewritten", sourceHash: "", messages: messages, people: bundled.corpus.people, issues: [])
        let changed = CorpusAnalysis(corpus: corpus, lexicon: bundled.lexicon)
        for (analysis, all) in [(bundled, true), (changed, false)] {
            let context = Self.context(analysis)
            let centre = try #require(context.principal)
            let figure = try GraphFigure.build(.topics, context: context)
            let legend = FigureClaims.text(of: try #require(try GraphvizEngine.shared.parse(figure.dot).attributes["label"])
                .replacingOccurrences(of: "<BR ALIGN=\"LEFT\"/>", with: " "))
            let topical = context.analysis.messages.filter { !(context.analysis.topics[$0.id] ?? []).isEmpty }
            let with = topical.count { $0.sender == centre || $0.recipients.contains(centre) }
            #expect((with == topical.count) == all)
            let words = all ? "takes part in all \(topical.count) messages" : "takes part in \(with) of the \(topical.count) messages"
            #expect(legend.contains(words), "\(legend)")
            #expect(!legend.contains("every exchange"))
            #expect(figure.caption.shows.contains(words + " with a topic"))
        }
    }

    // MARK: Arrow counts

    /// Laid out by Graphviz, no arrow count overlaps another or a person, on every CSV
    /// fixture and the bundled corpus (two "1"s of a pair of opposite arrows used to be drawn
    /// on top of each other); the caption counts any arrow left without a count.
    @Test func arrowCountsStandApartInTheLayout() throws {
        var checked = 0
        for (name, analysis) in Self.csvFixtures + [("bundled", FigureFixtures.analysis)] {
            for wide in [false, true] {
                let figure = try GraphFigure.build(.correspondents, context: Self.context(analysis, wide: wide))
                let labels = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
                for (a, b) in labels.overlaps {
                    Issue.record("\(name): count \(labels.boxes[a].text) of \(labels.boxes[a].tail) → \(labels.boxes[a].head) overlaps \(labels.boxes[b].text) of \(labels.boxes[b].tail) → \(labels.boxes[b].head)")
                }
                for box in labels.boxes {
                    #expect(!labels.nodes.contains { $0.overlaps(box) }, "\(name): count \(box.text) of \(box.tail) → \(box.head) overlaps a person")
                }
                #expect(labels.unplaced.isEmpty)
                // Every arrow without a printed count is counted in the caption.
                let graph = try GraphvizEngine.shared.parse(figure.dot)
                let bare = graph.edges.filter { edge in ["label", "xlabel", "headlabel"].allSatisfy { (edge.attributes[$0] ?? "").isEmpty } }.count
                if bare > 0 {
                    #expect(figure.caption.shows.contains("\(bare) arrow\(bare == 1 ? " carries" : "s carry") no count"), "\(name)")
                } else {
                    #expect(!figure.caption.shows.contains("no count"))
                }
                #expect(labels.boxes.count == graph.edges.count - bare)
                checked += labels.boxes.count
            }
        }
        #expect(checked > 40)
    }

    /// The fixture where two "1"s of opposite arrows overlapped keeps both counts, apart.
    @Test func oppositeArrowsOfOneLetterEachKeepBothCounts() throws {
        let palladio = try #require(Self.csvFixtures.first { $0.name == "palladio.csv" })
        let figure = try GraphFigure.build(.correspondents, context: Self.context(palladio.analysis))
        let labels = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
        #expect(labels.boxes.count == 3 && labels.overlaps.isEmpty)
    }
}
