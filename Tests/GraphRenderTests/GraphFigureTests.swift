@testable import Analysis
import Correspondence
import Foundation
import Testing
@testable import GraphRender
import Styling

/// Each figure's structure, read back from its DOT through cgraph, and its rendering: nodes,
/// edges, legend and title, theme fonts and page width, no overlapping labels, same bytes.
@Suite(.serialized)
struct GraphFigureTests {
    // MARK: Structure

    @Test func correspondentsHasAPersonPerNodeAndInferredEdgesApart() throws {
        let figure = try FigureFixtures.figure(.correspondents)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let model = FigureFixtures.analysis.correspondents
        #expect(graph.isDirected)
        #expect(Set(graph.nodes.map(\.name)) == Set(model.nodes.map(\.id)))
        let dashed = graph.edges.filter { $0.attributes["style"] == "dashed" }
        #expect(dashed.count == model.edges.filter { $0.inferredCount > 0 }.count)
        #expect(graph.edges.count - dashed.count == model.edges.filter { $0.count > 0 }.count)
        // Every corpus edge is labelled with its count; the widest edge carries the most messages.
        for edge in model.edges where edge.count > 0 {
            let drawn = graph.edges.first { $0.tail == edge.from && $0.head == edge.to && $0.attributes["style"] != "dashed" }
            #expect(drawn.map { FigureClaims.text(of: $0.attributes["label"] ?? "") } == "\(edge.count)")
        }
        let widest = try #require(graph.edges.max { Double($0.attributes["penwidth"] ?? "0")! < Double($1.attributes["penwidth"] ?? "0")! })
        let busiest = try #require(model.edges.max { max($0.count, $0.inferredCount) < max($1.count, $1.inferredCount) })
        #expect(Double(widest.attributes["penwidth"]!)! == Double(graph.edges.first { $0.tail == busiest.from && $0.head == busiest.to }!.attributes["penwidth"]!)!)
        // Square size grows with messages.
        let first = try #require(graph.node(model.nodes[0].id))
        let last = try #require(graph.node(model.nodes.last!.id))
        #expect(FigureClaims.squareSide(first.attributes["label"]!)! > FigureClaims.squareSide(last.attributes["label"]!)!)
        try expectThemed(graph, title: nil)
    }

    @Test func repliesCountsEveryMessageOfItsSliceOnceInDateOrderWithItsLinks() throws {
        let figure = try FigureFixtures.figure(.replies)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let marks = RepliesMarks(graph)
        // The bundled corpus is past the default budget: the title names the slice chosen.
        #expect(figure.title.hasPrefix("Replies in time: Joseph Stalin and correspondents (busiest "), "the corpus's centre, then the slice")
        #expect(figure.caption.filters.hasPrefix("busiest "))
        // Every drawn message is in exactly one mark: singles by id, groups by their count.
        #expect(marks.total == figure.caption.messages + figure.caption.inferredMessages)
        #expect(marks.total <= FigureFixtures.theme().graph.replies.marks)
        let analysis = FigureFixtures.analysis
        let inferredIDs = Set(analysis.inferred.map(\.id))
        // Inferred messages are hollow (paper fill); a bar spans each uncertain date's bounds.
        let paper = FigureFixtures.theme().colors.paper.hex
        for mark in marks.singles {
            #expect((mark.attributes["fillcolor"] == paper) == inferredIDs.contains(mark.name), "\(mark.name)")
        }
        let bars = graph.edges.filter { $0.tail.hasPrefix("range:") }
        for bar in bars {
            let id = String((bar.attributes["tooltip"] ?? "").prefix { $0 != ":" })
            let date = analysis.message(id: id)?.date ?? analysis.inferredMessage(id: id)?.date
            #expect(date.map { !$0.isExact } == true, "a bar for \(id), whose date is exact")
        }
        // Left to right by date.
        let dated = marks.singles.compactMap { node in analysis.message(id: node.name).flatMap { m in m.date.best.map { (node, $0) } } }.sorted { $0.1 < $1.1 }
        for (a, b) in zip(dated, dated.dropFirst()) where a.0.name != b.0.name && a.1.days(to: b.1) > 7 {
            #expect(marks.centre(a.0).x < marks.centre(b.0).x)
        }
        #expect(graph.nodes.filter { $0.name.hasPrefix("lane:") }.count >= 3)
        #expect(graph.nodes.contains { $0.name.hasPrefix("tick:") })
        #expect(graph.edges.contains { !$0.tail.hasPrefix("axis:") && !$0.tail.hasPrefix("range:") })
        #expect(figure.engine == .pinned)
        try expectThemed(graph, title: nil)
    }

    /// Marks close in time never stack: each lane has two rows (by the correspondent above,
    /// to them below), no two marks share a place, and a group says how many it holds.
    @Test func repliesAggregatesInsteadOfStacking() throws {
        let theme = FigureFixtures.theme()
        let figure = try FigureFixtures.figure(.replies)
        let marks = RepliesMarks(try GraphvizEngine.shared.parse(figure.dot))
        let rows = Set(marks.all.map { marks.centre($0).y })
        let lanes = try GraphvizEngine.shared.parse(figure.dot).nodes.filter { $0.name.hasPrefix("lane:") }.count
        #expect(rows.count <= 2 * lanes)
        let places = marks.all.map { "\(marks.centre($0).x),\(marks.centre($0).y)" }
        #expect(Set(places).count == places.count)
        #expect(!marks.groups.isEmpty)
        for group in marks.groups {
            #expect((Int(group.attributes["label"] ?? "") ?? 0) >= 2)
            #expect((Double(group.attributes["fontsize"] ?? "0") ?? 0) >= 6)
        }
        // Above the line: written by the lane's correspondent, in the writer's colour.
        let analysis = FigureFixtures.analysis
        let people = theme.peopleStyles(FigureContext.runPeople(analysis))
        for single in marks.singles {
            guard let message = analysis.message(id: single.name), message.sender != "Stalin" else { continue }
            let lane = try #require(marks.laneCentre(of: single))
            #expect(marks.centre(single).y > lane, "\(single.name) by \(message.sender) sits below its lane's line")
            if single.attributes["fillcolor"] != theme.colors.muted.hex {
                #expect(single.attributes["fillcolor"] == people[message.sender].color.hex)
            }
        }
    }

    /// The budget is the theme's: a budget the whole corpus fits draws it all, untitled by a slice.
    @Test func repliesBudgetComesFromTheTheme() throws {
        var theme = FigureFixtures.theme()
        theme.graph.replies.marks = 5000
        let whole = try GraphFigure.build(.replies, context: FigureContext(analysis: FigureFixtures.analysis, theme: theme, styleSpec: "paper"))
        #expect(whole.title == "Replies in time: Joseph Stalin and correspondents")
        #expect(RepliesMarks(try GraphvizEngine.shared.parse(whole.dot)).total
                == FigureFixtures.analysis.messages.count + FigureFixtures.analysis.inferred.count)
        theme.graph.replies.marks = 40
        theme.graph.replies.lanes = 2
        let small = try GraphFigure.build(.replies, context: FigureContext(analysis: FigureFixtures.analysis, theme: theme, styleSpec: "paper"))
        let graph = try GraphvizEngine.shared.parse(small.dot)
        #expect(small.title.contains("busiest"))
        #expect(RepliesMarks(graph).total <= 40)
        #expect(graph.nodes.filter { $0.name.hasPrefix("lane:") && $0.name != "lane:others" && $0.name != "lane:?" }.count <= 2)
        #expect(small.dot != whole.dot)
    }

    /// In every style the replies figure is drawn at its size (Graphviz does not shrink it),
    /// so no text of it is below 6 pt at the printed width.
    @Test func repliesTextStaysAtOrAboveTheFloorInEveryStyle() throws {
        for style in ["paper", "presentation", "grayscale", "colorblind", "dark"] {
            let figure = try FigureFixtures.figure(.replies, style: style)
            let svg = String(decoding: try figure.render(.svg).data, as: UTF8.self)
            let scale = try #require(svg.range(of: "transform=\"scale(").map { svg[$0.upperBound...].prefix { $0 != " " && $0 != ")" } }.flatMap { Double($0) })
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let sizes = graph.nodes.compactMap { $0.attributes["fontsize"].flatMap(Double.init) }
            #expect((sizes.min() ?? 0) * scale >= 6, "\(style): smallest text \((sizes.min() ?? 0) * scale) pt")
            #expect(scale >= 0.999, "\(style): shrunk to \(scale)")
        }
    }

    /// Another corpus (no topics of the bundled one, 30 correspondents, a year of letters):
    /// the slice is chosen from its data and named, lanes are capped, and in the large-type
    /// style the figure is still drawn at its size.
    @Test func repliesOfAnotherCorpusSlicesFromItsDataAndKeepsItsSize() throws {
        let people: [Person] = (0..<31).map { (n: Int) -> Person in Person(id: "P\(n)", name: "Writer Number\(n)", role: "") }
        var messages: [Message] = []
        for k in 0..<900 {
            let other = "P\(1 + (k * 7) % 30)"
            let outgoing = k % 3 != 0
            let day = Day(year: 1880, month: 1, day: 1)!.adding(days: (k * 13) % 365)
            messages.append(Message(id: "m\(k)", kind: .message, sender: outgoing ? "P0" : other, recipients: [outgoing ? other : "P0"],
                                    sentOn: day, dated: nil, date: HistoricalDate(exactly: day, evidence: .sentOn), place: nil,
                                    classification: "", body: "", references: [], span: SourceSpan(startLine: k * 5 + 1, endLine: k * 5 + 4),
                                    fieldLines: [:]))
        }
        let corpus = Corpus(sourceName: "other.csv", sourceHash: "", messages: messages.sorted(by: Corpus.stableOrder),
                            people: PersonTable(people: people), issues: [])
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        for style in ["paper", "presentation"] {
            let figure: GraphFigure = try GraphFigure.build(.replies, context: FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), styleSpec: style))
            #expect(figure.title.contains("busiest") && !figure.title.contains("topic"))
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            #expect(RepliesMarks(graph).total <= FigureFixtures.theme(style).graph.replies.marks)
            #expect(graph.nodes.contains { $0.name == "lane:others" })
            let rendered: RenderedGraph = try figure.render(GraphFormat.svg)
            let svg = String(decoding: rendered.data, as: UTF8.self)
            #expect(svg.contains("transform=\"scale(1 1)"), "\(style): the figure was shrunk")
        }
    }

    @Test func repliesSliceIsTheBusiestPeriodThatFits() throws {
        let analysis = FigureFixtures.analysis
        let total = analysis.messages.count + analysis.inferred.count
        #expect(RepliesSlice.choose(analysis, budget: total) { _, _ in nil } == nil)
        let slice = try #require(RepliesSlice.choose(analysis, budget: 60) { w, a in analysis.principal.firstLane(writer: w, addressees: a).person })
        #expect(slice.marks <= 60 || slice.correspondent != nil)
        #expect(slice.total == total)
        let inside = analysis.messages.filter { $0.date.best.map { $0 >= slice.from && $0 <= slice.to } == true }.count
            + analysis.inferred.filter { $0.date.best.map { $0 >= slice.from && $0 <= slice.to } == true }.count
        if slice.correspondent == nil { #expect(inside == slice.marks) }
        // No other period of the same unit holds more.
        let length = ["year": 12, "quarter": 3, "month": 1][slice.unit]!
        var counts: [Int: Int] = [:]
        for day in analysis.messages.compactMap(\.date.best) + analysis.inferred.compactMap(\.date.best) {
            let month = day.year * 12 + day.month - 1
            counts[month - month % length, default: 0] += 1
        }
        if slice.correspondent == nil { #expect(counts.values.max() == slice.marks) }
        #expect(!slice.words { $0 }.contains("poland"))
    }

    /// The weight is the smallest with at most `people` people among its pairs (the heaviest
    /// when even those have more), as trying every weight from 1 up finds it.
    @Test(arguments: [1, 3, 8, 20]) func theAutomaticWeightIsTheSmallestThatKeepsFewEnoughPeople(limit: Int) {
        var state: UInt64 = UInt64(limit) &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for round in 0..<200 {
            let people = (0..<(2 + next(30))).map { "p\($0)" }
            var edges: [MentionGraph.Edge] = []
            for _ in 0..<next(60) {
                let a = people[next(people.count)], b = people[next(people.count)]
                guard a < b, !edges.contains(where: { $0.a == a && $0.b == b }) else { continue }
                edges.append(MentionGraph.Edge(a: a, b: b, weight: 1 + next(round % 2 == 0 ? 5 : 400)))
            }
            let graph = MentionGraph(nodes: [], edges: edges, byMessage: [:])
            let heaviest = edges.map(\.weight).max() ?? 1
            let expected = (1...heaviest).first { weight in
                Set(edges.filter { $0.weight >= weight }.flatMap { [$0.a, $0.b] }).count <= limit
            } ?? heaviest
            #expect(MentionsFigure.automaticWeight(graph, people: limit) == expected, "round \(round)")
        }
    }

    @Test func mentionsKeepsOnlyPairsAboveTheWeight() throws {
        let figure = try FigureFixtures.figure(.mentions)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(!graph.isDirected)
        let people = FigureFixtures.analysis.mentions.restricted(to: .person)
        let threshold = MentionsFigure.automaticWeight(people)
        #expect(graph.nodes.count <= MentionsFigure.legiblePeople)
        #expect(graph.edges.count == people.edges.filter { $0.weight >= threshold }.count)
        #expect(figure.title == "People named together (in ≥ \(threshold) messages)")
        #expect(graph.nodes.allSatisfy { node in graph.edges.contains { $0.tail == node.name || $0.head == node.name } })
        #expect(graph.attributes["start"] == "1")
        try expectThemed(graph, title: nil)
        // An explicit weight is honoured.
        let context = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme(), styleSpec: "paper")
        let heavier = try GraphvizEngine.shared.parse(GraphFigure.build(.mentions, context: context, minimumWeight: threshold + 2).dot)
        #expect(heavier.edges.count == people.edges.filter { $0.weight >= threshold + 2 }.count)
    }

    /// Short labels come from the one rule (`Person.shortLabel`, with the table's `short`).
    @Test func shortLabelsOfTheBundledTable() {
        let context = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme(), styleSpec: "paper")
        #expect(context.shortName(of: "Kerr") == "Clark Kerr")
        #expect(context.shortName(of: "Stettinius") == "Stettinius")
        #expect(context.shortName(of: "deGaulle") == "de Gaulle")
        #expect(context.shortName(of: "Churchill") == "Churchill")
    }

    /// Fonts on graph, node and edge; page width as `size`; the legend and title as the graph label.
    /// (The paper style draws no title: `show_title = false`, journals put it in the caption.)
    private func expectThemed(_ graph: ParsedGraph, title: String?) throws {
        let theme = FigureFixtures.theme()
        #expect(graph.attributes["fontname"] == theme.fonts.label.family)
        #expect(graph.nodes.allSatisfy { $0.attributes["fontname"]?.isEmpty == false })
        #expect(graph.edges.allSatisfy { $0.attributes["fontname"]?.isEmpty == false })
        let width = try #require(graph.attributes["size"]?.split(separator: ",").first.flatMap { Double($0) })
        #expect(abs(width - (theme.page.widthMM - theme.page.marginLeftMM - theme.page.marginRightMM) / 25.4) < 0.01)
        let label = try #require(graph.attributes["label"])
        #expect(label.hasPrefix("<TABLE"))
        if let title { #expect(label.contains(DOTWriter.html(title))) }
    }

    // MARK: Rendering

    @Test(arguments: GraphFigureKind.allCases)
    func noLabelsOrNodesOverlap(kind: GraphFigureKind) throws {
        for style in ["paper", "presentation"] {
            let figure = try FigureFixtures.figure(kind, style: style)
            let rendered = try figure.render(.svg)
            #expect(rendered.warnings.isEmpty, "\(kind) \(style): \(rendered.warnings)")
            let layout = SVGLayout(svg: String(decoding: rendered.data, as: UTF8.self))
            #expect(layout.texts.count > 5)
            let texts = layout.overlappingTexts()
            #expect(texts.isEmpty, "\(kind) \(style): overlapping labels \(texts.prefix(5).map { "\($0.0) × \($0.1)" })")
            let nodes = layout.overlappingNodes()
            #expect(nodes.isEmpty, "\(kind) \(style): overlapping nodes \(nodes.prefix(5).map { "\($0.0) × \($0.1)" })")
        }
    }

    @Test(arguments: GraphFigureKind.allCases)
    func figureFitsTheColumnWithoutShrinkingText(kind: GraphFigureKind) throws {
        let figure = try FigureFixtures.figure(kind)
        let svg = String(decoding: try figure.render(.svg).data, as: UTF8.self)
        let width = try #require(SVGLayout.string("width", svg).map { $0.replacingOccurrences(of: "pt", with: "") }.flatMap(Double.init))
        let theme = FigureFixtures.theme()
        #expect(width <= (theme.page.widthMM - theme.page.marginLeftMM - theme.page.marginRightMM) / 25.4 * 72 + 0.5)
        // Graphviz scales a drawing wider than `size` down, text with it: never below the floor.
        let scale = try #require(svg.range(of: "transform=\"scale(").map { svg[$0.upperBound...].prefix { $0 != " " } }.flatMap { Double($0) })
        if kind != .replies {
            #expect(scale * FigureStyle(theme: theme, wide: false).smallestFontPt >= theme.graph.budget.minTextPt - 0.01, "\(kind) is scaled by \(scale)")
        }
    }

    @Test(arguments: GraphFigureKind.allCases)
    func sameInputSameBytes(kind: GraphFigureKind) throws {
        let first = try FigureFixtures.figure(kind)
        let second = try FigureFixtures.figure(kind)
        #expect(first.dot == second.dot)
        #expect(try first.caption.json() == second.caption.json())
        for format in [GraphFormat.svg, .png, .pdf] {
            let a = try first.render(format).data, b = try second.render(format).data
            #expect(!a.isEmpty)
            #expect(a == b, "\(kind) \(format) differs between renders")
        }
    }

    @Test func pngIsAtTheThemeResolutionAndWidth() throws {
        let figure = try FigureFixtures.figure(.correspondents)
        let png = try figure.render(.png).data
        let theme = FigureFixtures.theme()
        let pixels = Double(GraphvizEngineTests.pngWidth(png))
        let inches = (theme.page.widthMM - theme.page.marginLeftMM - theme.page.marginRightMM) / 25.4
        #expect(pixels <= inches * Double(theme.page.dpi) + 2)
        // Not much narrower either (the legend, its widest part, keeps within the drawing less
        // Graphviz's 16 points of label margin).
        #expect(pixels >= inches * Double(theme.page.dpi) * 0.75)
    }

    @Test func writesFigureAndCaptionSidecar() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-figure-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = try FigureFixtures.figure(.replies)
        let url = folder.appendingPathComponent("replies.pdf")
        try figure.write(to: url)
        #expect(String(decoding: try Data(contentsOf: url).prefix(5), as: UTF8.self) == "%PDF-")
        let captionURL = folder.appendingPathComponent("replies.caption.json")
        let caption = try JSONDecoder().decode(FigureCaption.self, from: Data(contentsOf: captionURL))
        #expect(caption.figure == "replies")
        #expect(caption.style == "paper")
        #expect(caption.filters.hasPrefix("busiest "))
        #expect(caption.inputHash == FigureFixtures.analysis.corpus.sourceHash)
        #expect(caption.dotHash == SHA256.hex(Array(figure.dot.utf8)))
        #expect(caption.firstDate != nil && caption.firstDate! <= caption.lastDate!)
        #expect(caption.messages > 0)
        // The exported DOT is the rendered DOT.
        let dotURL = folder.appendingPathComponent("replies.dot")
        try figure.write(to: dotURL)
        #expect(try String(contentsOf: dotURL, encoding: .utf8) == figure.dot)
    }

    @Test func repliesRefusesALayoutThatWouldMoveItsMessages() {
        let context = FigureContext(analysis: FigureFixtures.analysis.filtered(topics: ["poland"]), theme: FigureFixtures.theme(), styleSpec: "paper")
        #expect(throws: EpistolaryError.self) { try GraphFigure.build(.replies, context: context, engine: .dot) }
    }

    @Test func personKeepsItsColourAcrossFigures() throws {
        let correspondents = try GraphvizEngine.shared.parse(FigureFixtures.figure(.correspondents).dot)
        let replies = try GraphvizEngine.shared.parse(FigureFixtures.figure(.replies).dot)
        let mentions = try GraphvizEngine.shared.parse(FigureFixtures.figure(.mentions).dot)
        let churchillEdge = try #require(correspondents.edges.first { $0.tail == "Churchill" && $0.attributes["style"] != "dashed" })
        // A mark in Churchill's lane, upper row (written by him): the nearest lane label above it.
        let marks = RepliesMarks(replies)
        let lane = try #require(replies.node("lane:Churchill"))
        let churchillMark = try #require(marks.all.first { marks.laneCentre(of: $0) == marks.centre(lane).y && marks.centre($0).y > marks.centre(lane).y })
        let churchillNamed = try #require(mentions.node("Churchill"))
        #expect(churchillEdge.attributes["color"] == churchillMark.attributes["color"])
        #expect(churchillEdge.attributes["color"] == churchillNamed.attributes["color"])
    }
}

/// The overlap check itself must see an overlap when there is one.
@Suite(.serialized)
struct SVGLayoutTests {
    @Test func detectsOverlappingLabelsAndNodes() throws {
        let dot = """
        digraph "clash" { graph [layout=neato, inputscale=72, fontname="DejaVu Serif"]; node [fontname="DejaVu Serif", shape=box];
          "a" [label="Churchill", pos="50,50!"]; "b" [label="Roosevelt", pos="60,52!"]; "c" [label="apart", pos="300,300!"]; }
        """
        let layout = SVGLayout(svg: String(decoding: try GraphvizEngine.shared.render(dot, format: .svg).data, as: UTF8.self))
        #expect(layout.texts.count == 3)
        #expect(layout.overlappingTexts().count == 1)
        #expect(layout.overlappingNodes().count == 1)
    }

    @Test func measuresTextLikeGraphviz() throws {
        // Graphviz sizes a plaintext node to its label: Cairo's measure must agree within 10%.
        let dot = "digraph \"m\" { node [fontname=\"DejaVu Serif\", fontsize=8, shape=plaintext, margin=0, width=0, height=0]; \"x\" [label=\"Mikołajczyk and Roosevelt\"] }"
        let svg = String(decoding: try GraphvizEngine.shared.render(dot, format: .svg).data, as: UTF8.self)
        let graphvizWidth = try #require(SVGLayout.string("width", svg).flatMap { Double($0.replacingOccurrences(of: "pt", with: "")) })
        let measured = SVGLayout.measure("Mikołajczyk and Roosevelt", family: "DejaVu Serif", size: 8, bold: false, italic: false)
        #expect(abs(measured - (graphvizWidth - 8)) / measured < 0.1)
    }
}

/// The marks of a replies figure read back from its DOT: singles (named by message id) and
/// groups (named "group:...", labelled with their count).
struct RepliesMarks {
    let graph: ParsedGraph
    init(_ graph: ParsedGraph) { self.graph = graph }

    var all: [ParsedGraph.Node] { graph.nodes.filter { !["lane:", "axis:", "tick:", "range:"].contains(where: $0.name.hasPrefix) } }
    var groups: [ParsedGraph.Node] { all.filter { $0.name.hasPrefix("group:") } }
    var singles: [ParsedGraph.Node] { all.filter { !$0.name.hasPrefix("group:") } }
    var total: Int { singles.count + groups.map { Int($0.attributes["label"] ?? "") ?? 0 }.reduce(0, +) }

    func centre(_ node: ParsedGraph.Node) -> (x: Double, y: Double) {
        let parts = (node.attributes["pos"] ?? "").replacingOccurrences(of: "!", with: "").split(separator: ",").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (0, 0)
    }

    /// The y of the lane label nearest the mark: the lane's centre line.
    func laneCentre(of node: ParsedGraph.Node) -> Double? {
        let y = centre(node).y
        return graph.nodes.filter { $0.name.hasPrefix("lane:") }.map { centre($0).y }.min { abs($0 - y) < abs($1 - y) }
    }
}
