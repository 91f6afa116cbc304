import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
@testable import GraphRender
import Styling
import Testing

/// Counts and lines checked against the ink Graphviz lays out (`LaidOutStroke`): Graphviz
/// routes edges as lines of no width, so a count beside a 4-point arrow lay half under it
/// ("45" on the 134 arrow of the bundled correspondents figure), and thick lines of the
/// mentions figure ran through the ellipses of people they do not join.
@Suite(.serialized)
struct LaidOutInkTests {
    /// Every CMIF fixture a reader accepts, read as a user's corpus (the hostile ones are refused
    /// by the reader and have no figure; `FixtureCorpus` stops on them).
    static let cmifFixtures: [(name: String, analysis: CorpusAnalysis)] = {
        let folder = PackagePaths.fixture("cmif")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        return names.compactMap { name in
            guard let corpus = try? CorpusLoader.load(path: folder.appendingPathComponent(name).path) else { return nil }
            return (name, CorpusAnalysis(corpus: corpus, lexicon: (try? TopicLexicon.bundled()) ?? SyntheticCorpus.lexicon))
        }
    }()

    // MARK: Geometry

    /// A box beside a 4-point line: clear at 3 points from its centre line, under its ink at 1.5.
    @Test func aStrokeMeasuresItsInkNotItsCentreLine() throws {
        let stroke = try #require(LaidOutStroke(tail: "a", head: "b", attributes: ["pos": "0,0 10,0 20,0 30,0", "penwidth": "4"]))
        #expect(abs(stroke.clearance(to: LaidOutStroke.box(minX: 10, minY: 3, maxX: 20, maxY: 8)) - 1) < 1e-9)
        #expect(stroke.clearance(to: LaidOutStroke.box(minX: 10, minY: 1.5, maxX: 20, maxY: 8)) < 0)
        // An arrowhead is as wide as Graphviz draws it: 0.35 × 10 × arrowsize either side.
        let arrow = try #require(LaidOutStroke(tail: "a", head: "b", attributes: ["pos": "e,40,0 0,0 10,0 20,0 30,0", "penwidth": "1", "arrowsize": "1"]))
        #expect(arrow.clearance(to: LaidOutStroke.box(minX: 34, minY: 3.5, maxX: 38, maxY: 8)) < 0)
        #expect(stroke.clearance(to: LaidOutStroke.box(minX: 34, minY: 3.5, maxX: 38, maxY: 8)) > 0)
        // An ellipse is measured as one, not as its box: its box's corner is nearer.
        let ellipse = LaidOutStroke.ellipse(x: 0, y: 10, rx: 10, ry: 5)
        #expect(abs(stroke.clearance(to: ellipse) - 3) < 0.01)
        let diagonal = try #require(LaidOutStroke(tail: "a", head: "b", attributes: ["pos": "0,0 5,5 10,10 15,15", "penwidth": "0"]))
        #expect(diagonal.clearance(to: LaidOutStroke.box(minX: 9, minY: 9, maxX: 11, maxY: 11)) <= 0)
    }

    // MARK: Arrow counts

    /// Laid out by Graphviz, no arrow's count comes within `LaidOutLabels.labelGap` of another
    /// arrow's ink (line or head), on the bundled corpus and every CSV and CMIF fixture, at
    /// column and page width; counts that had no place are counted in the caption.
    @Test func noCountLiesOnAnotherArrow() throws {
        var checked = 0
        let corpora = LegendGridAndLabelTests.csvFixtures + Self.cmifFixtures + [("bundled", FigureFixtures.analysis)]
        for (name, analysis) in corpora where GraphFigure.unavailableReason(.correspondents, analysis: analysis) == nil {
            for wide in [false, true] {
                let figure = try GraphFigure.build(.correspondents, context: LegendGridAndLabelTests.context(analysis, wide: wide))
                let laidOut = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
                #expect(!laidOut.strokes.isEmpty)
                for crossing in laidOut.crossings() {
                    let box = laidOut.boxes[crossing.label], stroke = laidOut.strokes[crossing.stroke]
                    Issue.record("\(name) \(wide ? "183" : "89") mm: count \(box.text) of \(box.tail) → \(box.head) is \(crossing.gap) pt from the arrow \(stroke.tail) → \(stroke.head)")
                }
                checked += laidOut.boxes.count
            }
        }
        #expect(checked > 40)
    }

    /// On the bundled corpus every arrow keeps its count (room around each count, not drops):
    /// the count of the inferred arrow from Roosevelt, which lay on the 134 arrow, is printed.
    @Test func theBundledFigureKeepsEveryCount() throws {
        for wide in [false, true] {
            let figure = try GraphFigure.build(.correspondents, context: LegendGridAndLabelTests.context(FigureFixtures.analysis, wide: wide))
            let laidOut = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
            #expect(laidOut.boxes.count == laidOut.strokes.count)
            #expect(!figure.caption.shows.contains("no count"))
        }
    }

    // MARK: Mentions lines

    /// A corpus with text that is not ours: 60 generated writers naming each other.
    static let generated = CorpusAnalysis(corpus: SyntheticCorpus.corpus(people: 60, messages: 1_500, name: "generated letters"),
                                          lexicon: SyntheticCorpus.lexicon)

    /// No line of the mentions figure comes within `MentionsFigure.clearance` (0.5 pt) of the
    /// outline of a person it does not join, measured on its ink (half its pen) against the
    /// node's outline and pen, on the bundled corpus and a generated one, at both widths and in
    /// the three print styles; and the caption claims nothing about near lines then.
    @Test(arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func mentionsLinesKeepClearOfOtherPeople(style: String) throws {
        var lines = 0
        for (name, analysis) in [("bundled", FigureFixtures.analysis), ("generated", Self.generated)] {
            for wide in [false, true] {
                let figure = try GraphFigure.build(.mentions, context: LegendGridAndLabelTests.context(analysis, style: style, wide: wide))
                let laidOut = try LaidOutLabels(json: GraphvizEngine.shared.layoutJSON(figure.dot, engine: figure.engine))
                for graze in laidOut.grazes(margin: MentionsFigure.clearance) {
                    let stroke = laidOut.strokes[graze.stroke]
                    Issue.record("\(name) \(style) \(wide ? "183" : "89") mm: line \(stroke.tail) – \(stroke.head) is \(graze.gap) pt from \(laidOut.nodes[graze.node].tail)")
                }
                #expect(!figure.caption.shows.contains("pt of a person"))
                lines += laidOut.strokes.count
            }
        }
        #expect(lines > 40)
    }
}
