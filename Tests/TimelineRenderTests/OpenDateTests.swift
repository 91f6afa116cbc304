import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// A letter dated from one side only (TEI/CMIF notBefore or notAfter alone, EDTF
/// `../1681-06-23`) is drawn as what it is: its mark at the known day and a dotted whisker with
/// an arrowhead toward the open side, unlike an exact date (no line) and a closed range (a solid
/// bar with end caps). The legend has a sample for each side drawn, and only for those.
@Suite("Open-ended dates drawn as open")
struct OpenDateTests {
    static let styles = ["paper", "paper,grayscale", "paper,colorblind"]

    func entry(_ id: String, _ date: HistoricalDate, _ from: String, _ to: String) -> TimelineEntry {
        TimelineEntry(id: id, date: date, sender: from, recipients: [to], inferred: false)
    }

    /// Four letters between A and B: exact, closed range, only "not before", only "not after".
    func data(open: Bool) -> TimelineData {
        let d = { (s: String) in Day(iso: s)! }
        var entries = [
            entry("exact", HistoricalDate(exactly: d("1681-02-01"), evidence: .dateLine), "A", "B"),
            entry("range", HistoricalDate(notBefore: d("1681-03-01"), notAfter: d("1681-03-31"), precision: .range, evidence: .given), "B", "A"),
        ]
        if open {
            entries.append(entry("after", HistoricalDate(bounds: d("1681-04-10"), nil, precision: .day, evidence: .given), "A", "B"))
            entries.append(entry("before", HistoricalDate(bounds: nil, d("1681-06-23"), precision: .day, evidence: .given), "B", "A"))
        } else {
            entries.append(entry("later", HistoricalDate(exactly: d("1681-06-23"), evidence: .dateLine), "B", "A"))
        }
        return TimelineData(sourceName: "open.xml", sourceHash: "x", entries: entries, links: [], topics: [], personKeys: ["A", "B"],
                            names: [:], latency: [])
    }

    func figure(spec: String, open: Bool) throws -> (TimelineFigure, FigureStyle) {
        let theme = try ThemeLoader.load(spec: spec)
        let d = data(open: open)
        let style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: spec)
        return (try TimelineLayout.layout(.correspondents, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer()), style)
    }

    /// Dotted lines (the open whisker's dash) starting at a mark's edge: their far end's x.
    func whiskers(from mark: SceneMark, in scene: Scene) -> [Double] {
        scene.items.compactMap { item -> Double? in
            guard case .line(let l) = item, l.dash == FigureBuilder.openDash, abs(l.from.y - mark.center.y) < 0.01,
                  abs(abs(l.from.x - mark.center.x) - mark.size / 2) < 0.01 else { return nil }
            return l.to.x
        }
    }

    @Test("open dates: a whisker toward the open side; exact and closed ranges have none", arguments: styles)
    func drawnOpen(spec: String) throws {
        let (f, _) = try figure(spec: spec, open: true)
        func marks(_ id: String) -> [SceneMark] { f.scene.marks.filter { $0.messageID == id } }
        for m in marks("after") {
            let w = whiskers(from: m, in: f.scene)
            #expect(w.count == 1 && w.allSatisfy { $0 > m.center.x }, "\(spec): \"not before\" points to later dates: \(w)")
        }
        for m in marks("before") {
            let w = whiskers(from: m, in: f.scene)
            #expect(w.count == 1 && w.allSatisfy { $0 < m.center.x }, "\(spec): \"not after\" points to earlier dates: \(w)")
        }
        #expect(!marks("after").isEmpty && !marks("before").isEmpty)
        for id in ["exact", "range"] { for m in marks(id) { #expect(whiskers(from: m, in: f.scene).isEmpty, "\(spec): \(id)") } }
        // The legend: one sample per side, each drawn with the whisker it explains.
        let samples = f.legend.compactMap { e -> Bool? in if case .openDate(_, let later, _) = e.swatch { return later } else { return nil } }
        #expect(samples.sorted { !$0 && $1 } == [false, true], "\(spec): \(f.legend.map(\.label))")
        let legendMarks = f.scene.marks.filter { $0.messageID == nil }
        let drawnSamples = legendMarks.filter { !whiskers(from: $0, in: f.scene).isEmpty }
        #expect(drawnSamples.count == 2, "\(spec): the legend's samples are not drawn with their whiskers")
        #expect(f.caption.contains("dated only \"not before\" a day") && f.caption.contains("dated only \"not after\" a day"))
    }

    // MARK: The topics timeline: the same whisker, legend and caption from its ticks

    /// The four letters, on two topics (the open ones on both, so they are in two lanes).
    func topicData(open: Bool) -> TimelineData {
        let base = data(open: open)
        let entries = base.entries.map { e -> TimelineEntry in
            var e = e
            e.topics = ["after", "before"].contains(e.id) ? ["t1", "t2"] : (e.id == "exact" ? ["t1"] : ["t2"])
            return e
        }
        return TimelineData(sourceName: "open.xml", sourceHash: "x", entries: entries, links: [], topics: [("t1", "Topic one"), ("t2", "Topic two")],
                            personKeys: ["A", "B"], names: [:], latency: [])
    }

    func topicsFigure(spec: String, open: Bool) throws -> (TimelineFigure, FigureStyle) {
        let theme = try ThemeLoader.load(spec: spec)
        let d = topicData(open: open)
        let style = FigureStyle(theme: theme, categories: theme.topicStyles(["t1", "t2"]), name: spec)
        return (try TimelineLayout.layout(.topics, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer()), style)
    }

    /// Dotted lines starting just beyond a tick (within a mark size of its centre, on its
    /// middle): their far end's x and colour.
    func tickWhiskers(from mark: SceneMark, in scene: Scene, style: FigureStyle) -> [(x: Double, color: PaintColor)] {
        scene.items.compactMap { item -> (Double, PaintColor)? in
            guard case .line(let l) = item, l.dash == FigureBuilder.openDash, abs(l.from.y - mark.center.y) < 0.01,
                  abs(l.from.x - mark.center.x) < style.markSize / 2, abs(l.from.x - mark.center.x) > 0.01 else { return nil }
            return (l.to.x, l.color)
        }
    }

    @Test("topics timeline: a whisker from each tick of an open date, in the lane's colour", arguments: styles)
    func topicsDrawnOpen(spec: String) throws {
        let (f, style) = try topicsFigure(spec: spec, open: true)
        func marks(_ id: String) -> [SceneMark] { f.scene.marks.filter { $0.messageID == id } }
        #expect(marks("after").count == 2 && marks("before").count == 2, "\(spec): an open letter on two topics has a tick in each lane")
        for m in marks("after") {
            let w = tickWhiskers(from: m, in: f.scene, style: style)
            #expect(w.count == 1 && w.allSatisfy { $0.x > m.center.x && $0.color == m.stroke }, "\(spec): \"not before\" points to later dates")
        }
        for m in marks("before") {
            let w = tickWhiskers(from: m, in: f.scene, style: style)
            #expect(w.count == 1 && w.allSatisfy { $0.x < m.center.x && $0.color == m.stroke }, "\(spec): \"not after\" points to earlier dates")
        }
        for id in ["exact", "range"] {
            #expect(!marks(id).isEmpty)
            for m in marks(id) { #expect(tickWhiskers(from: m, in: f.scene, style: style).isEmpty, "\(spec): \(id)") }
        }
        // One legend sample per side, a tick like the figure's, with the correspondents
        // timeline's words; each drawn with its whisker.
        let samples = f.legend.compactMap { e -> (Bool, MarkShape, String)? in
            if case .openDate(_, let later, let shape) = e.swatch { return (later, shape, e.label) } else { return nil }
        }
        #expect(samples.map(\.0).sorted { !$0 && $1 } == [false, true] && samples.allSatisfy { $0.1 == .bar }, "\(spec): \(f.legend.map(\.label))")
        let (c, _) = try figure(spec: spec, open: true)
        let wording = Set(c.legend.compactMap { e -> String? in if case .openDate = e.swatch { return e.label } else { return nil } })
        #expect(Set(samples.map(\.2)) == wording, "\(spec): not the correspondents timeline's words")
        let drawnSamples = f.scene.marks.filter { $0.messageID == nil && $0.shape == .bar && !tickWhiskers(from: $0, in: f.scene, style: style).isEmpty }
        #expect(drawnSamples.count == 2, "\(spec): the legend's samples are not drawn with their whiskers")
        // The caption counts letters, not ticks: one letter on two topics is one letter.
        #expect(f.caption.contains("1 letter is dated only \"not before\" a day") && f.caption.contains("1 letter is dated only \"not after\" a day"), "\(f.caption)")
    }

    @Test("topics timeline: no open date, no whisker and no sample", arguments: styles)
    func topicsOnlyWhenDrawn(spec: String) throws {
        let (f, _) = try topicsFigure(spec: spec, open: false)
        #expect(!f.scene.items.contains { if case .line(let l) = $0 { return l.dash == FigureBuilder.openDash } else { return false } })
        #expect(!f.legend.contains { if case .openDate = $0.swatch { return true } else { return false } })
        #expect(!f.caption.contains("not before") && !f.caption.contains("not after"))
    }

    @Test("no open date, no whisker and no sample", arguments: styles)
    func onlyWhenDrawn(spec: String) throws {
        let (f, _) = try figure(spec: spec, open: false)
        #expect(!f.scene.items.contains { if case .line(let l) = $0 { return l.dash == FigureBuilder.openDash } else { return false } })
        #expect(!f.legend.contains { if case .openDate = $0.swatch { return true } else { return false } })
        #expect(!f.caption.contains("not before") && !f.caption.contains("not after"))
    }
}

/// An open date near either end of the plot: its whisker stops at the plot's edge instead of
/// running into the lane labels on the left or past the axis on the right (a 1760-1791
/// catalogue at 89 mm drew arrows over "Caroline Herder" and beyond 1790).
@Suite("Open-date whiskers stay in the plot")
struct OpenWhiskerBoundsTests {
    /// Letters over thirty years; two open ones 2% in from either end, open toward that end.
    func data(topics: Bool) -> TimelineData {
        let d = { (s: String) in Day(iso: s)! }
        var entries: [TimelineEntry] = (0..<30).map { i in
            TimelineEntry(id: "e\(i)", date: HistoricalDate(exactly: d("\(1760 + i)-06-01"), evidence: .dateLine),
                          sender: i % 2 == 0 ? "A" : "B", recipients: [i % 2 == 0 ? "B" : "A"], inferred: false, topics: topics ? ["t1"] : [])
        }
        entries.append(TimelineEntry(id: "early", date: HistoricalDate(bounds: nil, d("1760-12-20"), precision: .day, evidence: .given),
                                     sender: "A", recipients: ["B"], inferred: false, topics: topics ? ["t1"] : []))
        entries.append(TimelineEntry(id: "late", date: HistoricalDate(bounds: d("1788-12-10"), nil, precision: .day, evidence: .given),
                                     sender: "B", recipients: ["A"], inferred: false, topics: topics ? ["t1"] : []))
        return TimelineData(sourceName: "open.csv", sourceHash: "x", entries: entries, links: [], topics: topics ? [("t1", "Topic one")] : [],
                            personKeys: ["A", "B"], names: ["A": "Caroline Herder", "B": "Luise Claudius"], latency: [])
    }

    /// The axis line: the longest horizontal line of the axis's width.
    static func axisExtent(_ scene: Scene, style: FigureStyle) -> ClosedRange<Double>? {
        scene.items.compactMap { item -> ClosedRange<Double>? in
            guard case .line(let l) = item, l.from.y == l.to.y, l.width == style.axisWidth, l.dash.isEmpty else { return nil }
            return min(l.from.x, l.to.x)...max(l.from.x, l.to.x)
        }.max { ($0.upperBound - $0.lowerBound) < ($1.upperBound - $1.lowerBound) }
    }

    @Test("correspondents and topics, 89 and 183 mm", arguments: OpenDateTests.styles)
    func withinThePlot(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        for kind in [TimelineKind.correspondents, .topics] {
            for width in [89.0, 183.0] {
                let d = data(topics: kind == .topics)
                let categories = kind == .topics ? theme.topicStyles(["t1"]) : theme.peopleStyles(d.personKeys)
                let style = FigureStyle(theme: theme, categories: categories, name: spec, widthMM: width)
                let f = try TimelineLayout.layout(kind, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
                let axis = try #require(Self.axisExtent(f.scene, style: style))
                let dotted = f.scene.items.compactMap { item -> SceneLine? in
                    if case .line(let l) = item, l.dash == FigureBuilder.openDash { return l } else { return nil }
                }
                let marks = f.scene.marks.filter { $0.messageID == "early" || $0.messageID == "late" }
                #expect(!marks.isEmpty)
                for m in marks {
                    let own = dotted.filter { abs($0.from.y - m.center.y) < 0.01 && abs($0.from.x - m.center.x) <= style.markSize / 2 + 0.01 }
                    #expect(own.count == 1, "\(spec) \(kind) \(width) mm: \(m.messageID ?? "") has \(own.count) whiskers")
                    for l in own {
                        #expect(axis.contains(l.to.x) && axis.contains(l.from.x),
                                "\(spec) \(kind) \(width) mm: \(m.messageID ?? "")'s whisker reaches \(l.to.x), the plot is \(axis)")
                    }
                }
            }
        }
    }
}
