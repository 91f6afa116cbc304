import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
@testable import GraphRender
import Styling
import Testing
import TimelineRender

/// Dates known from one side only (CMIF `notBefore` or `notAfter` alone) in the replies figure:
/// drawn as the correspondents timeline draws them, a dotted whisker from the mark toward the
/// open side ending in an open head, with the timelines' legend wording and a legend sample
/// only for each side drawn. Checked from the DOT: the whisker edges' pinned positions and the
/// marks they start from. Before, these were plain points, read as exact dates.
@Suite(.serialized)
struct RepliesOpenDateTests {
    static let styles = ["paper", "paper,grayscale", "paper,colorblind"]

    /// dates.xml: one letter "not before" alone, one "not after" alone; edition.xml: one "not
    /// before" alone among closed dates.
    static let fixtures: [(name: String, analysis: CorpusAnalysis)] = [
        ("dates.xml", FixtureCorpus.analysis("cmif/dates.xml")), ("edition.xml", FixtureCorpus.analysis("cmif/edition.xml")),
    ]

    /// A whisker read back from the DOT: where it starts and where its tip is, and the x of
    /// its dots (filled points on its row).
    struct Whisker { var from: (x: Double, y: Double); var tip: (x: Double, y: Double); var dots: [Double] }

    static func point(_ pos: String?) -> (x: Double, y: Double)? {
        guard let parts = pos?.replacingOccurrences(of: "!", with: "").split(separator: ",").compactMap({ Double($0) }), parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    static func whiskers(_ graph: ParsedGraph) -> [Whisker] {
        graph.edges.compactMap { edge in
            guard edge.tail.hasPrefix("open:"), edge.tail.hasSuffix(":from"),
                  let from = point(graph.node(edge.tail)?.attributes["pos"]), let tip = point(graph.node(edge.head)?.attributes["pos"]) else { return nil }
            let prefix = String(edge.tail.dropLast(":from".count)) + ":dot:"
            let dots = graph.nodes.filter { $0.name.hasPrefix(prefix) && $0.attributes["style"] == "filled" }
                .compactMap { point($0.attributes["pos"]) }.filter { abs($0.y - from.y) < 0.01 }.map(\.x).sorted()
            return Whisker(from: from, tip: tip, dots: dots)
        }
    }

    @Test("an open date has a dotted whisker from its mark toward the open side", arguments: styles)
    func openDatesHaveWhiskersTowardTheOpenSide(style: String) throws {
        for (name, analysis) in Self.fixtures {
            let context = FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), wide: false, styleSpec: style)
            let figure = try GraphFigure.build(.replies, context: context)
            let graph = try GraphvizEngine.shared.parse(figure.dot)
            let whiskers = Self.whiskers(graph)
            let open = analysis.messages.filter(\.date.isOpen)
            #expect(!open.isEmpty, "\(name)")
            var expected = Set<String>()
            for message in open {
                let later = message.date.notAfter == nil
                let markName = try #require(figure.marks[message.id] ?? (graph.node(message.id) != nil ? message.id : nil), "\(name): \(message.id) has no mark")
                let mark = try #require(graph.node(markName))
                let centre = try #require(Self.point(mark.attributes["pos"]))
                let radius = 36 * (Double(mark.attributes["width"] ?? "") ?? 0)
                // A whisker leaves the mark's edge on its row, toward the open side, dotted.
                let found = whiskers.filter { abs($0.from.y - centre.y) < 0.01 && abs(abs($0.from.x - centre.x) - radius) < 0.02
                    && ($0.tip.x > $0.from.x) == later }
                #expect(found.count == 1, "\(name) \(style): \(message.id) (\(later ? "not before" : "not after") alone) has \(found.count) whiskers")
                #expect(found.allSatisfy { ($0.tip.x - $0.from.x) * (later ? 1 : -1) > 3 && abs($0.tip.y - $0.from.y) < 0.01 })
                // Dotted as read: dots from the mark's edge to the head, no further apart than the
                // legend's (Graphviz's own "dotted", 6 pt apart, left one or two).
                for w in found {
                    #expect(w.dots.count >= 4, "\(name) \(style): \(w.dots.count) dots")
                    let gaps = zip(w.dots, w.dots.dropFirst()).map { $1 - $0 }
                    #expect(gaps.allSatisfy { $0 <= RepliesFigure.whiskerDotStep * 1.25 && $0 >= RepliesFigure.whiskerDot * 1.5 }, "\(gaps)")
                    #expect(w.dots.contains { abs($0 - w.from.x) < 0.01 }, "the dots start at the mark's edge")
                }
                expected.insert("\(markName) \(later)")
            }
            #expect(whiskers.count == expected.count, "\(name): one whisker per mark and side")
            // Each side drawn has its legend sample, worded as in the timelines; no other side does.
            let legend = Self.legendText(try #require(graph.attributes["label"]))
            for later in [true, false] {
                let drawn = whiskers.contains { ($0.tip.x > $0.from.x) == later }
                #expect(legend.contains(OpenDateWording.legend(later: later)) == drawn, "\(name) \(style): legend \(legend)")
                #expect(figure.dot.contains("<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(FigureLegend.Swatch.openLineWidth)\"") == !whiskers.isEmpty)
                // The legend's line: 1 pt dots 2 pt apart, as the figure's.
                #expect(figure.dot.contains("<TD FIXEDSIZE=\"TRUE\" WIDTH=\"1\" HEIGHT=\"1\" BGCOLOR=") == !whiskers.isEmpty)
                #expect(!figure.dot.contains("STYLE=\"dotted\"></TD></TR><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(FigureLegend.Swatch.openLineWidth)\""))
                let count = open.count { ($0.date.notAfter == nil) == later }
                #expect(figure.caption.shows.contains(OpenDateWording.caption(count, later: later, noun: ("message", "messages")).dropLast()) == drawn)
            }
        }
    }

    /// The open-date entry is longer than a column: it wraps in the legend, and the figure is
    /// drawn at its size (Graphviz shrank the whole figure, text and all, to fit one long line).
    @Test(arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func aLongLegendEntryWrapsRatherThanShrinkTheFigure(style: String) throws {
        for (name, analysis) in Self.fixtures {
            let context = FigureContext(analysis: analysis, theme: FigureFixtures.theme(style), wide: false, styleSpec: style)
            let figure = try GraphFigure.build(.replies, context: context)
            let size = try GraphvizEngine.shared.drawingSize(figure.dot, engine: figure.engine)
            #expect(size.scale >= 0.999, "\(name) \(style): drawn at \(size.scale) of its size")
            #expect(size.widthPt <= FigureStyle(context: context).drawingWidthPoints + 8)
        }
    }

    /// A legend's text as read: line breaks and no-break spaces as spaces, runs of spaces as one.
    static func legendText(_ label: String) -> String {
        FigureClaims.text(of: label.replacingOccurrences(of: "<BR ALIGN=\"LEFT\"/>", with: " "))
            .replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: " +", with: " ", options: .regularExpression)
    }

    /// The wording is the correspondents timeline's: its legend for the same corpus holds the
    /// same entry for each side.
    @Test func theTimelineSaysTheSame() throws {
        let maker = try TimelineFigureMaker(theme: FigureFixtures.theme(), styleName: "paper", events: try EventCalendar.bundled())
        let timeline = try maker.figure(.correspondents, analysis: FixtureCorpus.analysis("cmif/dates.xml")).figure
        for later in [true, false] {
            #expect(timeline.legend.contains { $0.label == OpenDateWording.legend(later: later) }, "\(timeline.legend.map(\.label))")
        }
    }

    /// The bar of a date known within bounds reads on the page: at least 3:1 (WCAG 2.1, 1.4.11),
    /// in the figure's DOT and in its legend sample.
    @Test(arguments: styles)
    func rangeBarsReadOnThePage(style: String) throws {
        let theme = FigureFixtures.theme(style)
        // edition.xml: a letter dated within April 1799, its bar wider than a point.
        let context = FigureContext(analysis: Self.fixtures[1].analysis, theme: theme, wide: false, styleSpec: style)
        let figure = try GraphFigure.build(.replies, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let bars = graph.edges.filter { $0.tail.hasPrefix("range:") }
        #expect(!bars.isEmpty, "edition.xml has a date within bounds")
        for bar in bars {
            let color = try #require(RGBColor(hex: bar.attributes["color"] ?? ""))
            #expect(color.contrast(with: theme.colors.paper) >= 3, "\(style): \(color) is \(color.contrast(with: theme.colors.paper)):1")
            #expect(graph.attributes["label"]?.contains("COLOR=\"\(color.hex)\"") == true, "the legend's bar sample is the bar's colour")
        }
    }

    /// On a long span (dates.xml: 45 BCE to 1922) bounds of a month or a year are under a
    /// point: each bar is still drawn, reaching `rangeOverhang` (3 pt) beyond its own mark on
    /// each side, visibly longer than the mark (it used to end 1 pt past it), and legend and
    /// caption say so.
    @Test(arguments: styles)
    func shortBarsShowBeyondTheirMark(style: String) throws {
        let context = FigureContext(analysis: Self.fixtures[0].analysis, theme: FigureFixtures.theme(style), wide: false, styleSpec: style)
        let figure = try GraphFigure.build(.replies, context: context)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        let marks = Set(figure.marks.values).compactMap { graph.node($0) }
        let bars = graph.edges.filter { $0.tail.hasPrefix("range:") }
        #expect(!bars.isEmpty)
        for bar in bars {
            let a = try #require(Self.point(graph.node(bar.tail)?.attributes["pos"])), b = try #require(Self.point(graph.node(bar.head)?.attributes["pos"]))
            let under = marks.filter { m in Self.point(m.attributes["pos"]).map { abs($0.y - a.y) < 0.01 && $0.x >= a.x && $0.x <= b.x } ?? false }
            #expect(!under.isEmpty, "\(style): a bar under a mark")
            // The bar's own mark (named in its tooltip): each end at least 3 pt past its edge.
            // (A node's width is written in inches to a thousandth: 0.07 pt.)
            let id = String((bar.attributes["tooltip"] ?? "").prefix { $0 != ":" })
            let own = try #require(figure.marks[id].flatMap { graph.node($0) } ?? graph.node(id), "\(style): no mark for \(id)")
            let centre = try #require(Self.point(own.attributes["pos"]))
            let radius = 36 * (Double(own.attributes["width"] ?? "") ?? 0)
            #expect(centre.x - radius - a.x >= RepliesFigure.rangeOverhang - 0.05 && b.x - centre.x - radius >= RepliesFigure.rangeOverhang - 0.05,
                    "\(style): a bar from \(a.x) to \(b.x) about a mark at \(centre.x) of radius \(radius)")
        }
        #expect(RepliesFigure.rangeOverhang >= 3)
        #expect(Self.legendText(try #require(graph.attributes["label"])).contains("A bar reaches at least 3 pt beyond its mark on each side."))
        #expect(figure.caption.shows.contains("drawn to reach that far beyond it on each side"), "\(figure.caption.shows)")
        // Marks stand on the figure's grid of periods, and the caption says how far that may be from a date.
        #expect(figure.caption.shows.contains("Marks stand at the middle of periods of "), "\(figure.caption.shows)")
    }

    /// A corpus without open dates (the bundled telegrams) has no whisker and no open-date legend.
    @Test func noOpenDateNoWhiskerNoSample() throws {
        #expect(!FigureFixtures.analysis.messages.contains { $0.date.isOpen })
        let figure = try FigureFixtures.figure(.replies)
        let graph = try GraphvizEngine.shared.parse(figure.dot)
        #expect(Self.whiskers(graph).isEmpty)
        let legend = Self.legendText(try #require(graph.attributes["label"]))
        #expect(!legend.contains("dated only"))
    }
}
