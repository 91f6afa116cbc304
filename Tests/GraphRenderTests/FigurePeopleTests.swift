import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
@testable import GraphRender
import Styling
import Testing
@testable import TimelineRender

/// How figures show people: one "unidentified" node or lane for every placeholder, distinct
/// short labels for people of one surname, and in greyscale a shape or dash for each person,
/// the legend's sample being the drawing's.
@Suite("People in figures", .serialized)
struct FigurePeopleTests {
    /// "Weber, Max" and "Weber, Alfred", Tönnies, and four unidentified people ("Unbekannt" twice,
    /// "N.N.", a letter with no sender) in eight letters.
    static let analysis = FixtureCorpus.analysis("csv/unidentified-homonyms.csv")

    /// At page width: at column width the correspondents figure of these long names keeps one person.
    static func context(_ style: String = "paper") -> FigureContext {
        FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), wide: true, styleSpec: style)
    }

    static func timeline(_ kind: TimelineKind) throws -> TimelineFigure {
        let maker = try TimelineFigureMaker(theme: FigureFixtures.theme(), styleName: "paper", events: try EventCalendar.bundled())
        return try maker.figure(kind, analysis: analysis).figure
    }

    @Test func exportsKeepEveryUnidentifiedPersonApart() {
        let placeholders = Self.analysis.corpus.people.people.filter(\.unidentified)
        #expect(placeholders.count == 4)
        #expect(Self.analysis.correspondents.nodes.filter { node in placeholders.contains { $0.id == node.id } }.count == 4)
    }

    @Test func graphsDrawTheUnidentifiedAsOneNodeAndSaySo() throws {
        for kind in [GraphFigureKind.correspondents, .matrix, .replies] {
            let figure = try GraphFigure.build(kind, context: Self.context())
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let labels = graph.nodes.map { FigureClaims.text(of: $0.attributes["label"] ?? "") }.joined(separator: "\n") + FigureClaims.text(of: figure.dot)
            #expect(labels.contains("unidentified (4"), "\(kind)")
            #expect(!labels.contains("Unbekannt") && !labels.contains("N.N."), "\(kind): a placeholder drawn on its own")
            #expect(!graph.nodes.contains { $0.name.hasPrefix("unidentified-") }, "\(kind)")
            #expect(figure.caption.shows.contains("4 unidentified people"), "\(kind): \(figure.caption.shows)")
        }
        let correspondents = try GraphvizEngine.shared.parse(try GraphFigure.build(.correspondents, context: Self.context()).dot)
        #expect(correspondents.nodes.filter { $0.name == UnidentifiedGroup.id }.count == 1)
    }

    @Test func timelinesDrawTheUnidentifiedAsOneLaneAndSaySo() throws {
        for kind in [TimelineKind.correspondents, .volume] {
            let figure = try Self.timeline(kind)
            let texts = figure.scene.texts.map(\.text)
            // One lane or legend entry for them all (a legend may name it again: "by unidentified (4 letters)").
            #expect(texts.contains { $0.contains("unidentified (4 letters)") }, "\(kind): \(texts)")
            #expect(!texts.contains { $0.contains("unidentified (1 letter)") }, "\(kind)")
            #expect(!texts.contains { $0.contains("Unbekannt") || $0.contains("N.N.") }, "\(kind)")
            #expect(figure.caption.contains("4 unidentified people"), "\(kind)")
        }
    }

    /// Two people of one surname get the one rule's full labels, apart, in every figure.
    @Test func peopleOfOneSurnameKeepDistinctLabels() throws {
        let context = Self.context()
        let max = try #require(Self.analysis.corpus.people.people.first { $0.name == "Max Weber" })
        let alfred = try #require(Self.analysis.corpus.people.people.first { $0.name == "Alfred Weber" })
        #expect(max.shortLabel == "Weber" && alfred.shortLabel == "Weber")
        #expect(context.shortName(of: max.id) == "Max Weber" && context.shortName(of: alfred.id) == "Alfred Weber")
        let tönnies = try #require(Self.analysis.corpus.people.people.first { $0.name == "Ferdinand Tönnies" })
        #expect(context.shortName(of: tönnies.id) == "Tönnies")
        for kind in [GraphFigureKind.correspondents, .matrix, .replies] {
            let text = FigureClaims.text(of: try GraphFigure.build(kind, context: context).dot)
            #expect(text.contains("Max Weber") && text.contains("Alfred Weber"), "\(kind)")
        }
        for kind in [TimelineKind.correspondents, .volume] {
            // (The volume chart stacks Max Weber's counterparts: he is its centre, not a series.)
            let texts = try Self.timeline(kind).scene.texts.map(\.text)
            #expect(texts.contains { $0.contains("Alfred Weber") } && !texts.contains { $0 == "Weber" || $0.hasSuffix(" Weber") && !$0.contains("Max Weber") && !$0.contains("Alfred Weber") }, "\(kind): \(texts)")
        }
        #expect(try Self.timeline(.correspondents).scene.texts.contains { $0.text.contains("Max Weber") })
    }

    /// An attribute as drawn: its value, or the default when unset (Graphviz reads "" as unset).
    static func attribute(_ name: String, of attributes: [String: String], default value: String) -> String {
        attributes[name].flatMap { $0.isEmpty ? nil : $0 } ?? value
    }

    /// The Graphviz shape a legend glyph stands for.
    static let glyphShapes: [String: String] = Dictionary(uniqueKeysWithValues: MarkerShape.allCases.map {
        (FigureLegend.Swatch.glyph(of: $0), $0.graphvizShape)
    })

    /// In greyscale each writer of the replies figure has a mark shape of its own, and the
    /// legend's sample is that shape in that grey.
    @Test func greyscaleRepliesMarksHaveTheirLegendShape() throws {
        let figure = try FigureFixtures.figure(.replies, style: "paper,grayscale")
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let context = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme("paper,grayscale"), styleSpec: "g")
        let samples = FigureClaims.glyphs(in: graph.attributes["label"]!).filter { Self.glyphShapes[$0.glyph] != nil }
        // The writers of each mark: a message's own node, or the counted mark holding it.
        var nodeWriters: [String: Set<String>] = [:]
        let analysis = FigureFixtures.analysis
        for message in analysis.messages { nodeWriters[figure.marks[message.id] ?? message.id, default: []].insert(message.sender) }
        for incoming in analysis.inferred { nodeWriters[figure.marks[incoming.id] ?? incoming.id, default: []].insert(incoming.sender) }
        let writers = samples.compactMap { sample in context.people.keys.first { context.shortName(of: $0) == sample.text }.map { (sample, $0) } }
        #expect(writers.count >= 3, "\(samples)")
        var looks = Set<String>()
        for (sample, writer) in writers {
            let shape = Self.glyphShapes[sample.glyph]!
            looks.insert(sample.color + shape)
            let marks = graph.nodes.filter { nodeWriters[$0.name] == [writer] }
            #expect(!marks.isEmpty, "\(writer)")
            for mark in marks {
                #expect(Self.attribute("shape", of: mark.attributes, default: "circle") == shape, "\(writer): \(mark.name)")
                #expect(mark.attributes["color"] == sample.color, "\(writer): \(mark.name)")
            }
        }
        #expect(looks.count == writers.count, "two writers with one look: \(writers)")
    }

    /// In greyscale each writer's arrows in the correspondents figure have their grey and line
    /// style, and the legend's sample for the writer is drawn in both.
    @Test func greyscaleArrowsHaveTheirLegendDash() throws {
        let figure = try FigureFixtures.figure(.correspondents, style: "paper,grayscale")
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let context = FigureContext(analysis: FigureFixtures.analysis, theme: FigureFixtures.theme("paper,grayscale"), styleSpec: "g")
        let samples = FigureClaims.samples(in: graph.attributes["label"]!).filter { $0.border != nil && $0.text.first?.isNumber == false }
        var styles = Set<String>()
        var checked = 0
        for sample in samples {
            guard let writer = context.people.keys.first(where: { context.shortName(of: $0) == sample.text }) else { continue }
            let style = FigureClaims.string("STYLE", in: sample.attributes) ?? "solid"
            let color = try #require(FigureClaims.string("COLOR", in: sample.attributes))
            styles.insert(color + style)
            let arrows = graph.edges.filter { $0.tail == writer && $0.attributes["arrowhead"] != CorrespondentsFigure.inferredArrowhead }
            #expect(!arrows.isEmpty, "\(writer)")
            for arrow in arrows {
                #expect(Self.attribute("style", of: arrow.attributes, default: "solid") == style, "\(writer) -> \(arrow.head)")
                #expect(arrow.attributes["color"] == color, "\(writer) -> \(arrow.head)")
            }
            checked += 1
        }
        #expect(checked >= 3 && styles.count == checked, "\(samples.map(\.text))")
        #expect(styles.contains { $0.hasSuffix("dashed") } && styles.contains { $0.hasSuffix("dotted") })
    }

    /// The unidentified people drawn as one take Styling's look for them (`CategoryStyles.unidentified`),
    /// never the grey of "others": the node's square (where squares are filled by person), its
    /// arrows and their legend sample, and
    /// its marks in the replies figure with their legend glyph; in every style.
    @Test(arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func theUnidentifiedGroupHasItsOwnLookNotOthers(style: String) throws {
        let context = Self.context(style)
        let people = context.people
        let look = people.unidentified
        #expect(look.color != people.other.color)
        let figure = try GraphFigure.build(.correspondents, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let node = try #require(graph.node(UnidentifiedGroup.id))
        if context.theme.graph.node.fillByCategory {
            #expect(FigureClaimTests.squareFill(node.attributes["label"]!) == look.color.hex)
            #expect(graph.nodes.filter { FigureClaimTests.squareFill($0.attributes["label"] ?? "") == look.color.hex }.count == 1)
        } else {
            // A style that fills every square alike (greyscale) fills the group's alike too.
            #expect(FigureClaimTests.squareFill(node.attributes["label"]!) == context.theme.graph.node.fill.hex)
        }
        let arrows = graph.edges.filter { $0.tail == UnidentifiedGroup.id && $0.attributes["arrowhead"] != CorrespondentsFigure.inferredArrowhead }
        #expect(!arrows.isEmpty)
        for arrow in arrows {
            #expect(arrow.attributes["color"] == look.color.hex)
            #expect(Self.attribute("style", of: arrow.attributes, default: "solid") == look.dash.graphvizStyle)
        }
        let sample = try #require(FigureClaims.samples(in: graph.attributes["label"]!).first { $0.text == "unidentified" })
        #expect(FigureClaims.string("COLOR", in: sample.attributes) == look.color.hex)
        #expect((FigureClaims.string("STYLE", in: sample.attributes) ?? "solid") == look.dash.graphvizStyle)

        let replies = try GraphFigure.build(.replies, context: context)
        let drawn = try GraphvizEngine.shared.parse(replies.dot)
        var writersOf: [String: Set<String>] = [:]
        for message in context.analysis.messages { writersOf[replies.marks[message.id] ?? message.id, default: []].insert(message.sender) }
        let marks = drawn.nodes.filter { writersOf[$0.name] == [UnidentifiedGroup.id] }
        #expect(!marks.isEmpty)
        for mark in marks {
            #expect(mark.attributes["color"] == look.color.hex, "\(mark.name)")
            #expect(Self.attribute("shape", of: mark.attributes, default: "circle") == look.marker.graphvizShape, "\(mark.name)")
        }
        let glyph = try #require(FigureClaims.glyphs(in: drawn.attributes["label"]!).first { $0.text == "unidentified" })
        #expect(glyph.color == look.color.hex && glyph.glyph == FigureLegend.Swatch.glyph(of: look.marker))
    }

    /// In the mentions figure, correspondents are boxes and people only named are ellipses, as
    /// the legend's ■ and ● say.
    @Test func mentionsCorrespondentsAreBoxesAsTheLegendSays() throws {
        let figure = try FigureFixtures.figure(.mentions, style: "paper,grayscale")
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let glyphs = FigureClaims.glyphs(in: graph.attributes["label"]!)
        // An entry names every correspondent of its fill ("Churchill, Roosevelt" in greyscale).
        let boxes = Set(glyphs.filter { $0.glyph == "■" }.flatMap { $0.text.components(separatedBy: ", ") })
        #expect(!boxes.isEmpty)
        #expect(glyphs.contains { $0.glyph == "●" })
        for node in graph.nodes {
            let label = node.attributes["label"] ?? ""
            let shape = Self.attribute("shape", of: node.attributes, default: "ellipse")
            #expect(shape == (boxes.contains(label) ? "box" : "ellipse"), "\(label)")
        }
    }
}
