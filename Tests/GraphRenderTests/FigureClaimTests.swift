import Analysis
import Correspondence
import Foundation
import Styling
import Testing
@testable import GraphRender

/// Every legend and caption claim of the network figures, checked from the DOT against the
/// data: sample sizes are the sizes drawn, counts are the counts, colours go only to whom the
/// legend says, and figures stay within their budget with text at or above the floor, on the
/// bundled corpus and on corpora that are not ours.
@Suite(.serialized)
struct FigureClaimTests {
    static func context(_ analysis: CorpusAnalysis, style: String = "paper", widthMM: Double? = nil,
                        settings: FigureSettings = FigureSettings()) -> FigureContext {
        var settings = settings
        if let widthMM { settings.widthMM = widthMM }
        return FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), styleSpec: style, settings: settings)
    }

    // MARK: Correspondents

    @Test func squaresAndTheirLegendSamplesAreDrawnAtTheSizeOfTheirCounts() throws {
        let context = Self.context(FigureFixtures.analysis)
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let model = FigureFixtures.analysis.correspondents
        let volume = { (n: CorrespondentGraph.Node) in n.sent + n.received + n.inferredSent + n.inferredReceived }
        let largest = try #require(model.nodes.map(volume).max())
        let maxSide = CorrespondentsFigure.maxSide(theme: context.theme)
        for node in model.nodes {
            let drawn = try #require(graph.node(node.id))
            let side = try #require(FigureClaims.squareSide(drawn.attributes["label"]!))
            #expect(side == CorrespondentsFigure.side(volume(node), largest: largest, maxSide: maxSide), "\(node.id)")
            // The label gives the count the square stands for.
            #expect(FigureClaims.text(of: drawn.attributes["label"]!).contains("\(node.sent + node.received)"))
        }
        let samples = FigureClaims.samples(in: graph.attributes["label"]!)
        let squares = samples.filter { $0.border == nil && $0.width == $0.height }
        #expect(squares.count >= 2)
        for square in squares {
            let count = try #require(Int(square.text))
            #expect(square.width == CorrespondentsFigure.side(count, largest: largest, maxSide: maxSide))
        }
        // The largest sample is the largest square drawn.
        #expect(squares.map(\.width).max() == model.nodes.compactMap { FigureClaims.squareSide(graph.node($0.id)!.attributes["label"]!) }.max())
    }

    @Test func everyArrowIsAsWideAsItsLegendClassSays() throws {
        let figure = try FigureFixtures.figure(.correspondents)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let bars = FigureClaims.samples(in: graph.attributes["label"]!).filter { $0.border != nil && !$0.isDashed && $0.text.first?.isNumber == true }
        #expect(bars.count >= 2)
        // Each class: "a–b" at its border width; thicker for larger counts.
        let classes = bars.map { bar -> (ClosedRange<Int>, Int) in
            let bounds = bar.text.split(separator: "–").compactMap { Int($0) }
            return ((bounds.first ?? 0)...(bounds.last ?? 0), bar.border!)
        }
        #expect(zip(classes, classes.dropFirst()).allSatisfy { $0.1 < $1.1 && $0.0.upperBound < $1.0.lowerBound })
        for edge in graph.edges {
            let count = try #require(Int(FigureClaims.text(of: edge.attributes["label"] ?? "")))
            let width = try #require(Double(edge.attributes["penwidth"] ?? ""))
            let inClass = try #require(classes.first { $0.0.contains(count) }, "count \(count) is in no legend class")
            #expect(Double(inClass.1) == width, "\(edge.tail) → \(edge.head): \(count) drawn \(width) pt, legend says \(inClass.1) pt")
        }
    }

    @Test func inferredLegendOnlyWhenInferredMessagesAreDrawn() throws {
        let bundled = try GraphFigure.build(.correspondents, context: Self.context(FigureFixtures.analysis))
        #expect(bundled.dot.contains("inferred from citations"))
        // The inferred sample is an arrow as drawn: dashed, with a hollow head.
        #expect(LegendGridAndLabelTests.legendArrows(try GraphvizEngine.shared.parse(bundled.dot).attributes["label"]!)
            .contains { $0.dashed && $0.glyph == "▷" })
        #expect(!FigureFixtures.analysis.inferred.isEmpty)
        let synthetic = try GraphFigure.build(.correspondents, context: Self.context(SyntheticCorpus.textless))
        #expect(SyntheticCorpus.textless.inferred.isEmpty)
        #expect(!synthetic.dot.contains("inferred"))
        #expect(!synthetic.caption.shows.contains("inferred"))
    }

    @Test func pastTheBudgetTheRestIsOneOthersNodeAndTheCaptionSaysSo() throws {
        let analysis = SyntheticCorpus.large
        let context = Self.context(analysis, widthMM: 183)
        let budget = context.theme.graph.budget
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(graph.nodes.count <= budget.nodes)
        #expect(graph.edges.count <= budget.edges)
        let others = try #require(graph.node(CorrespondentsFigure.othersID))
        let kept = Set(graph.nodes.map(\.name)).subtracting([CorrespondentsFigure.othersID])
        let everyone = Set(analysis.messages.flatMap { [$0.sender] + $0.recipients })
        let merged = everyone.subtracting(kept)
        let letters = analysis.messages.filter { merged.contains($0.sender) || !merged.isDisjoint(with: $0.recipients) }.count
        let label = FigureClaims.text(of: others.attributes["label"]!)
        #expect(label.hasPrefix("others (\(merged.count) people, \(letters) messages)"), "\(label)")
        #expect(figure.caption.shows.contains("the other \(merged.count) are merged into one node (\(letters) messages)"))
        #expect(figure.title.contains("top \(kept.count) of \(everyone.count) people"))
        // Only the palette's worth of people are coloured; the others node is grey.
        let theme = context.theme
        let colours = Set(graph.nodes.compactMap { FigureClaims.samples(in: $0.attributes["label"]!).first?.fill ?? Self.squareFill($0.attributes["label"]!) })
        #expect(colours.count <= theme.palettes.people.colors.count + 1)
        #expect(Self.squareFill(others.attributes["label"]!) == context.people.other.color.hex)
    }

    static func squareFill(_ label: String) -> String? {
        guard let range = label.range(of: "BGCOLOR=\"") else { return nil }
        return String(label[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Without the budget this took minutes (a hairball for Graphviz); the time limit only turns
    /// such a run into a failure instead of a stuck suite. (7 s of CPU in a debug build; the
    /// limit leaves room for a loaded machine running the suite in parallel.)
    @Test(.timeLimit(.minutes(3))) func minimumWeightOneOnALargeNetworkStaysWithinBudget() throws {
        let context = Self.context(SyntheticCorpus.large)
        let figure = try GraphFigure.build(.correspondents, context: context, minimumWeight: 1)
        _ = try figure.render(.svg)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(graph.edges.count <= context.theme.graph.budget.edges)
        #expect(graph.nodes.count <= context.theme.graph.budget.nodes)
    }

    // MARK: Text floor, budgets and Cairo's limits for every figure

    @Test(arguments: [GraphFigureKind.correspondents, .topics, .mentions, .matrix])
    func everyFigureKeepsItsTextAtTheFloorOnEveryCorpusAndWidth(kind: GraphFigureKind) throws {
        for (name, analysis) in [("bundled", FigureFixtures.analysis), ("large", SyntheticCorpus.large)] {
            for width in [89.0, 183.0] {
                let context = Self.context(analysis, widthMM: width)
                let figure = try GraphFigure.build(kind, context: context)
                let svg = try figure.render(.svg).data
                let page = try #require(SVGPageSize(svg))
                let floor = context.theme.graph.budget.minTextPt
                let smallest = FigureStyle(context: context).smallestFontPt
                #expect(smallest * page.scale >= floor - 0.01, "\(kind) \(name) \(width) mm: text \(smallest * page.scale) pt")
                // Every font size written into the SVG, scaled, is at or above the floor.
                let sizes = Self.fontSizes(String(decoding: svg, as: UTF8.self))
                #expect(sizes.allSatisfy { $0 * page.scale >= floor - 0.01 }, "\(kind) \(name): \(sizes.min() ?? 0) × \(page.scale)")
                let png = try figure.render(.png).data
                let pixels = try #require(PNGResolution.pixelSize(of: png))
                #expect(pixels.width <= 32767 && pixels.height <= 32767)
                let graph = try GraphvizEngine.shared.parse(figure.dot)
                #expect(graph.nodes.count <= max(context.theme.graph.budget.nodes, MentionsFigure.legiblePeople))
                #expect(graph.edges.count <= max(context.theme.graph.budget.edges, 60))
            }
        }
    }

    static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    // MARK: Mentions

    @Test func onlyCorrespondentsAreColouredInTheMentionsFigure() throws {
        let context = Self.context(FigureFixtures.analysis)
        let figure = try GraphFigure.build(.mentions, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let correspondents = Set(FigureFixtures.analysis.corpus.messages.flatMap { [$0.sender] + $0.recipients })
        let grey = FigureStyle(context: context).fill(context.people.other.color).hex
        for node in graph.nodes {
            if correspondents.contains(node.name) && context.people.contains(node.name) {
                #expect(node.attributes["fillcolor"] != grey, "\(node.name)")
            } else {
                #expect(node.attributes["fillcolor"] == grey, "\(node.name) is named, not a correspondent, and has a colour")
            }
        }
        for named in ["Molotov", "Mikolajczyk", "Tito", "Eden", "Eisenhower"] where graph.node(named) != nil {
            #expect(graph.node(named)?.attributes["fillcolor"] == grey)
        }
        #expect(!figure.caption.shows.contains("outline"))
    }

    @Test func aPersonOfThePersonTableAndOfTheAliasTableIsOneEntity() throws {
        let people = PersonTable(people: [Person(id: "Kerr", name: "Archibald Clark Kerr", role: "", aliases: ["KERR"])])
        let table = MentionTable(entities: [MentionEntity(id: "ClarkKerr", kind: .person, name: "Archibald  Clark-Kerr", aliases: ["Clark Kerr", "Kerr"]),
                                            MentionEntity(id: "Kerr2", kind: .place, name: "Archibald Clark Kerr", aliases: ["Kerr Street"])],
                                 people: people)
        let persons = table.entities.filter { $0.kind == .person }
        #expect(persons.map(\.id) == ["Kerr"])
        #expect(persons.first?.aliases.contains("Clark Kerr") == true)
        // A place of the same name is not a person.
        #expect(table.entities.contains { $0.id == "Kerr2" })
        // In the bundled analysis, "Kerr" and "Clark Kerr" are one node.
        let graph = FigureFixtures.analysis.mentions
        #expect(!graph.nodes.contains { $0.id == "ClarkKerr" })
    }

    // MARK: Heat tables

    @Test func topicsTableCountsAreTheMessagesOnEachTopicWithEachCorrespondent() throws {
        let analysis = FigureFixtures.analysis
        let context = Self.context(analysis, widthMM: 183)
        let figure = try GraphFigure.build(.topics, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let rows = FigureClaims.tableRows(try #require(graph.node("table")?.attributes["label"]))
        let header = rows[0].dropFirst().map { $0 }
        let topics = analysis.lexicon.topics.filter { topic in analysis.topics.values.contains { $0.contains { $0.topic == topic.id } } }
        #expect(rows.count == topics.count + 1)
        let centre = try #require(context.principal)
        for (topic, row) in zip(topics, rows.dropFirst()) {
            for (column, cell) in zip(header, row.dropFirst()) where !column.hasPrefix("others") {
                let person = try #require(analysis.corpus.people.people.first { context.shortName(of: $0.id) == column }?.id)
                let expected = analysis.messages.filter { m in
                    (analysis.topics[m.id] ?? []).contains { $0.topic == topic.id } && (m.sender == person || m.recipients.contains(person))
                }.count
                #expect((Int(cell) ?? 0) == expected, "\(topic.id) × \(person)")
                #expect(person != centre)
            }
        }
    }

    @Test(arguments: [MatrixOrder.activity, .cluster])
    func matrixCellsCountTheMessagesFromRowToColumn(order: MatrixOrder) throws {
        for analysis in [FigureFixtures.analysis, SyntheticCorpus.large] {
            var context = Self.context(analysis, widthMM: 183)
            context.matrixOrder = order
            let figure = try GraphFigure.build(.matrix, context: context)
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let rows = FigureClaims.tableRows(try #require(graph.node("matrix")?.attributes["label"]))
            let names = rows.dropFirst().map { String($0[0].split(separator: " ").dropLast().joined(separator: " ")) }
            let ids = names.map { name in analysis.corpus.people.people.first { context.shortName(of: $0.id) == name }?.id ?? CorrespondentsFigure.othersID }
            let shown = Set(ids)
            func bucket(_ id: String) -> String { shown.contains(id) ? id : CorrespondentsFigure.othersID }
            var expected: [String: Int] = [:]
            for m in analysis.messages where !m.sender.isEmpty {
                for r in Set(m.recipients) where !r.isEmpty { expected[bucket(m.sender) + "→" + bucket(r), default: 0] += 1 }
            }
            var total = 0
            for (r, row) in rows.dropFirst().enumerated() {
                for (c, cell) in row.dropFirst().enumerated() {
                    let value = Int(cell) ?? 0
                    total += value
                    #expect(value == expected[ids[r] + "→" + ids[c], default: 0], "\(ids[r]) → \(ids[c])")
                }
            }
            #expect(total == expected.values.reduce(0, +))
            #expect(rows.count - 1 <= context.theme.graph.budget.nodes)
        }
    }

    // MARK: Corpora that are not ours

    @Test func aNetworkWithoutACentreGetsNoEgoWording() throws {
        let context = Self.context(SyntheticCorpus.large, widthMM: 183)
        #expect(context.principal == nil)
        for kind in [GraphFigureKind.correspondents, .topics, .mentions, .matrix] {
            let figure = try GraphFigure.build(kind, context: context)
            #expect(!figure.caption.shows.contains("every exchange"), "\(kind)")
            #expect(!figure.dot.contains("every exchange"), "\(kind)")
            #expect(!figure.dot.contains("Stalin") && !figure.caption.shows.contains("Stalin"), "\(kind)")
        }
    }

    @Test func figuresThatReadTheTextAreSkippedOnACorpusWithoutText() {
        let analysis = SyntheticCorpus.textless
        #expect(GraphFigure.unavailableReason(.topics, analysis: analysis)?.contains("no message text") == true)
        #expect(GraphFigure.unavailableReason(.mentions, analysis: analysis)?.contains("no message text") == true)
        #expect(GraphFigure.unavailableReason(.correspondents, analysis: analysis) == nil)
        #expect(GraphFigure.unavailableReason(.topics, analysis: FigureFixtures.analysis) == nil)
    }

    @Test func theGalleryPicksAMatrixForADenseNetworkAndSaysWhy() {
        let theme = FigureFixtures.theme()
        let sparse = GraphFigure.prefersMatrix(FigureFixtures.analysis, theme: theme)
        #expect(!sparse.matrix && sparse.reason.hasPrefix("Drawn as nodes and links"))
        let dense = GraphFigure.prefersMatrix(SyntheticCorpus.large, theme: theme)
        #expect(dense.matrix && dense.reason.hasPrefix("Drawn as a matrix"))
    }

    // MARK: Author's controls

    @Test func titleWidthAndLabelsAreTheAuthors() throws {
        let people = FigureFixtures.analysis.corpus.people
        let labels = try FigureSettings.labels([("Clark Kerr=Kerr", "--label"), ("Churchill=W. S. Churchill", "--label")], people: people)
        #expect(labels == ["Kerr": "Kerr", "Churchill": "W. S. Churchill"])
        let settings = FigureSettings(widthMM: 183, title: .custom("Figure 2"), labels: labels)
        let context = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme("base"), styleSpec: "base", settings: settings)
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(graph.attributes["label"]!.contains("Figure 2"))
        #expect(figure.caption.title == "Figure 2")
        #expect(FigureClaims.text(of: graph.node("Churchill")!.attributes["label"]!).hasPrefix("W. S. Churchill"))
        let width = try #require(graph.attributes["size"]?.split(separator: ",").first.flatMap { Double($0) })
        #expect(abs(width - (183 - 6) / 25.4) < 0.01)
        // --no-title: no title row at all.
        let untitled = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme("base"), styleSpec: "base",
                                     settings: FigureSettings(title: .none))
        let plain = try GraphFigure.build(.correspondents, context: untitled)
        #expect(!plain.dot.contains("Who wrote to whom"))
        #expect(throws: EpistolaryError.self) { try FigureSettings.labels([("Nobody At All=X", "--label")], people: people) }
        #expect(FigureSettings.millimetres("89mm") == 89)
        #expect(abs(FigureSettings.millimetres("3.5 in")! - 88.9) < 1e-9)
        #expect(FigureSettings.millimetres("wide") == nil)
    }

    // MARK: Files

    @Test func pngCarriesItsDpiAndSVGNamesRealFamilies() throws {
        for style in ["paper", "presentation", "base"] {
            let figure = try FigureFixtures.figure(.correspondents, style: style)
            let png = try figure.render(.png).data
            let dpi = try #require(PNGResolution.dpi(of: png))
            #expect(abs(dpi - Double(FigureFixtures.theme(style).page.dpi)) < 0.5, "\(style)")
            let svg = String(decoding: try figure.render(.svg).data, as: UTF8.self)
            #expect(!svg.contains(" Bold\"") && !svg.contains(" Italic\""), "\(style)")
            #expect(svg.contains("font-style=\"italic\""))
        }
        // Slides: every figure exactly 1920 × 1080 (16:9 at 192 dpi).
        for kind in [GraphFigureKind.correspondents, .topics, .mentions, .matrix] {
            let png = try FigureFixtures.figure(kind, style: "presentation").render(.png).data
            let pixels = try #require(PNGResolution.pixelSize(of: png))
            #expect(pixels.width == 1920 && pixels.height == 1080, "\(kind): \(pixels)")
            #expect(abs((PNGResolution.dpi(of: png) ?? 0) - 192) < 0.5)
        }
        // The title font of the base style is bold: written as a weight.
        let titled = String(decoding: try FigureFixtures.figure(.correspondents, style: "base").render(.svg).data, as: UTF8.self)
        #expect(titled.contains("font-weight=\"bold\""))
    }
}
