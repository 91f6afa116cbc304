import Foundation
import Analysis
import Correspondence
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The bundled corpus, analysed once for all figure tests.
enum BundledRun {
    static let analysis: Result<CorpusAnalysis, Error> = Result {
        CorpusAnalysis(corpus: try CorpusLoader.load(path: nil), lexicon: try TopicLexicon.bundled())
    }

    static func data(from: Day? = nil, to: Day? = nil) throws -> TimelineData {
        let a = try analysis.get().filtered(from: from, to: to)
        return TimelineData(analysis: a, from: from, to: to)
    }

    static func style(_ spec: String = "paper", topics: Bool = false, data: TimelineData) throws -> FigureStyle {
        let theme = try ThemeLoader.load(spec: spec)
        let cats = topics ? theme.topicStyles(data.topics.map(\.id)) : theme.peopleStyles(data.personKeys)
        return FigureStyle(theme: theme, categories: cats, name: spec)
    }

    static func figure(_ kind: TimelineKind, spec: String = "paper", from: Day? = nil, to: Day? = nil) throws -> (TimelineFigure, TimelineData) {
        let d = try data(from: from, to: to)
        let s = try style(spec, topics: kind == .topics, data: d)
        return (try TimelineLayout.layout(kind, data: d, style: s, events: try EventCalendar.bundled(), measurer: try TextMeasurer()), d)
    }
}

/// Checks every figure must pass: no text overlaps another, everything is on the page.
func expectClean(_ scene: Scene, _ what: String) {
    let overlaps = scene.overlappingTexts()
    #expect(overlaps.isEmpty, "\(what): texts overlap: \(overlaps.prefix(3).map { "\($0.0.text) / \($0.1.text)" })")
    let off = scene.itemsOffPage()
    #expect(off.isEmpty, "\(what): \(off.count) items off the page, e.g. \(off.prefix(2).map { Scene.bounds(of: $0) })")
    #expect(abs(scene.width - 89 * 72 / 25.4) < 0.01, "\(what): paper's 89 mm is 252.3 pt, got \(scene.width)")
}

@Suite("Figure scenes of the bundled corpus")
struct FigureSceneTests {
    @Test("every kind: no overlapping text, everything on the page", arguments: TimelineKind.allCases)
    func clean(kind: TimelineKind) throws {
        let (f, _) = try BundledRun.figure(kind)
        expectClean(f.scene, kind.rawValue)
        // Paper leaves the title to the caption; the screen styles print it.
        let theme = try ThemeLoader.load(spec: "paper")
        #expect(f.scene.texts.contains { $0.text == f.title } == theme.page.showTitle)
        #expect(f.messages > 0)
    }

    @Test("every kind with its title printed (presentation style)", arguments: TimelineKind.allCases)
    func titled(kind: TimelineKind) throws {
        let (f, _) = try BundledRun.figure(kind, spec: "presentation")
        let overlaps = f.scene.overlappingTexts()
        #expect(overlaps.isEmpty, "\(overlaps.prefix(3).map { "\($0.0.text) / \($0.1.text)" })")
        #expect(f.scene.itemsOffPage().isEmpty)
        // The title is printed, wrapped to the width when it is long.
        let firstLine = try #require(f.scene.texts.first { f.title.hasPrefix($0.text) && $0.text.count > 5 })
        #expect(firstLine.font.bold)
    }

    @Test("every kind, in a one-year window and in greyscale", arguments: TimelineKind.allCases)
    func cleanFiltered(kind: TimelineKind) throws {
        let (f, _) = try BundledRun.figure(kind, spec: "paper,grayscale", from: Day(iso: "1943-01-01"), to: Day(iso: "1943-12-31"))
        expectClean(f.scene, "\(kind.rawValue) 1943")
        #expect(f.from == Day(iso: "1943-01-01"))
        #expect(f.to == Day(iso: "1943-12-31"))
    }

    @Test("correspondents: every message and inferred message in range has a mark, hollow when inferred")
    func correspondentsMarks() throws {
        let (f, d) = try BundledRun.figure(.correspondents)
        let marked = f.scene.markedMessageIDs
        let missing = d.entries.filter { !marked.contains($0.id) }
        #expect(missing.isEmpty, "no mark for \(missing.prefix(5).map(\.id))")
        let inferredIDs = Set(d.entries.filter(\.inferred).map(\.id))
        #expect(!inferredIDs.isEmpty)
        let paper = PaintColor(try ThemeLoader.load(spec: "paper").colors.paper)
        for m in f.scene.marks where m.messageID.map(inferredIDs.contains) == true {
            #expect(m.fill == paper, "inferred \(m.messageID ?? "") is not hollow")
        }
        // Reply arcs are drawn.
        #expect(f.scene.items.contains { if case .path = $0 { return true } else { return false } })
    }

    @Test("correspondents: lanes follow the principal's correspondents, the principal has no lane of its own")
    func lanes() throws {
        let (f, d) = try BundledRun.figure(.correspondents)
        #expect(d.principal.id == "Stalin")
        let texts = Set(f.scene.texts.map(\.text))
        #expect(texts.contains("Winston Churchill"))
        #expect(texts.contains("Franklin D. Roosevelt"))
        #expect(!texts.contains("Joseph Stalin"))
    }

    @Test("topics: every message has a tick, in each of its topics' lanes or the no-topic lane")
    func topicMarks() throws {
        let (f, d) = try BundledRun.figure(.topics)
        var expected = 0
        for e in d.corpusEntries { expected += max(1, e.topics.count) }
        let marks = f.scene.marks.filter { $0.messageID != nil }
        #expect(marks.count <= expected && marks.count > 0, "quieter topics share one lane, a letter once there")
        #expect(Set(marks.compactMap(\.messageID)) == Set(d.corpusEntries.map(\.id)))
    }

    @Test("volume: the bars drawn add up to the letters of the corpus, fragments left out, counted apart from the chart")
    func volumeTotals() throws {
        let (f, _) = try BundledRun.figure(.volume)
        // Counted here from the analysis, not with the chart's code: messages with a header.
        let analysis = try BundledRun.analysis.get()
        let letters = analysis.messages.filter { $0.kind == .message }.count
        #expect(letters < analysis.messages.count, "the bundled corpus has fragments, which are not letters")
        // Read back from the scene: every bar (a rectangle outlined in the paper colour, or the
        // hollow stack of letters between others: paper outlined in ink, its outline inside the
        // stack's box) is its count times the chart's points per letter high.
        let paper = try BundledRun.style(data: try BundledRun.data()).paper
        let zero = try #require(f.scene.texts.first { $0.text == "0" })
        let bars = f.scene.items.compactMap { item -> SceneRect? in
            // (Legend samples lie below the value axis's "0".)
            if case .rect(let r) = item, r.stroke == paper || (r.fill == paper && r.stroke != nil && r.rect.maxY <= zero.bounds.maxY) { return r }
            return nil
        }
        let unit = try #require(f.pointsPerUnit)
        let total = bars.reduce(0.0) { $0 + $1.rect.height + ($1.fill == paper ? $1.strokeWidth : 0) } / unit
        #expect(abs(total - Double(letters)) < 0.01, "bars hold \(total) letters, the corpus \(letters)")
        #expect(f.messages == letters)
        #expect(f.scene.texts.contains { $0.text == "0" })
        #expect(f.scene.texts.contains { $0.text.hasPrefix("Letters per ") && $0.quarterTurns == 1 })
    }

    @Test("latency: every sample has a mark, the axis says it is a log scale")
    func latencyMarks() throws {
        let (f, d) = try BundledRun.figure(.latency)
        #expect(!d.latency.isEmpty)
        let answers = f.scene.marks.filter { $0.messageID != nil }
        #expect(answers.count == d.latency.count)
        #expect(f.scene.texts.contains { $0.text.contains("log scale") })
    }

    @Test("same input, same scene, same bytes in every format")
    func sameBytes() throws {
        let (a, _) = try BundledRun.figure(.correspondents)
        let (b, _) = try BundledRun.figure(.correspondents)
        #expect(a.scene == b.scene)
        for format in DocumentFormat.allCases {
            #expect(try ScenePainter.render(a.scene, as: format, dpi: 150) == ScenePainter.render(b.scene, as: format, dpi: 150), "\(format)")
        }
    }

    @Test("a person keeps the same style in every figure of a run")
    func stableStyles() throws {
        let d = try BundledRun.data()
        let s = try BundledRun.style(data: d)
        let churchill = s.style(for: "Churchill", among: d.personKeys)
        let filtered = try BundledRun.data(from: Day(iso: "1945-01-01"))
        #expect(try BundledRun.style(data: filtered).style(for: "Churchill", among: filtered.personKeys) == churchill)
    }

    @Test("greyscale: the correspondents differ by marker shape")
    func greyscaleShapes() throws {
        let d = try BundledRun.data()
        let s = try BundledRun.style("paper,grayscale", data: d)
        let shapes = ["Churchill", "Roosevelt", "Truman", "Attlee"].map { s.style(for: $0, among: d.personKeys).shape }
        #expect(Set(shapes).count == 4)
    }
}

@Suite("Figure scenes of small and odd data")
struct SmallDataTests {
    func style() throws -> FigureStyle {
        let theme = try ThemeLoader.load(spec: "paper")
        return FigureStyle(theme: theme, categories: theme.peopleStyles(["A", "B", "C"]), name: "paper")
    }

    func entry(_ id: String, _ day: String, _ from: String, _ to: String, inferred: Bool = false, until: String? = nil) -> TimelineEntry {
        let d = Day(iso: day)!
        let date = until.map { HistoricalDate(notBefore: d, notAfter: Day(iso: $0)!, precision: .range, evidence: .neighbours) }
            ?? HistoricalDate(exactly: d, evidence: .dateLine)
        return TimelineEntry(id: id, date: date, sender: from, recipients: [to], inferred: inferred, topics: [])
    }

    @Test("one message on one day still makes every figure, clean", arguments: TimelineKind.allCases)
    func oneMessage(kind: TimelineKind) throws {
        let d = TimelineData(sourceName: "one.txt", sourceHash: "x", entries: [entry("m1", "1944-06-06", "A", "B")], links: [],
                             topics: [], personKeys: ["A", "B"], names: ["A": "Anna", "B": "Boris"],
                             latency: [LatencyPoint(incoming: Day(iso: "1944-06-01")!, answer: Day(iso: "1944-06-06")!, days: 5, correspondent: "B", answerID: "m1")])
        let f = try TimelineLayout.layout(kind, data: d, style: try style(), events: try EventCalendar.bundled(), measurer: try TextMeasurer())
        expectClean(f.scene, kind.rawValue)
        if kind != .volume { #expect(f.scene.markedMessageIDs == ["m1"]) }
        // D-Day falls in the padded range and is labelled.
        #expect(f.scene.texts.contains { $0.text == "D-Day" })
    }

    @Test("no dated message is a data error, not an empty figure")
    func empty() throws {
        let d = TimelineData(sourceName: "empty.txt", sourceHash: "x", entries: [], links: [], topics: [], personKeys: [], names: [:], latency: [])
        #expect(throws: EpistolaryError.self) {
            try TimelineLayout.layout(.correspondents, data: d, style: try style(), events: EventCalendar(events: []), measurer: try TextMeasurer())
        }
    }

    @Test("uncertain dates become ranges, inferred messages hollow marks, a link an arc")
    func uncertainty() throws {
        let d = TimelineData(sourceName: "s.txt", sourceHash: "x",
                             entries: [entry("in", "1943-03-01", "B", "A", inferred: true), entry("out", "1943-03-10", "A", "B"),
                                       entry("vague", "1943-04-01", "A", "C", until: "1943-04-30")],
                             links: [TimelineLink(from: "out", to: "in")], topics: [], personKeys: ["A", "B", "C"],
                             names: [:], latency: [])
        let st = try style()
        let f = try TimelineLayout.layout(.correspondents, data: d, style: st, events: EventCalendar(events: []), measurer: try TextMeasurer())
        expectClean(f.scene, "uncertainty")
        #expect(f.scene.marks.first { $0.messageID == "in" }?.fill == st.paper)
        #expect(f.scene.marks.first { $0.messageID == "out" }?.fill != st.paper)
        let vague = try #require(f.scene.marks.first { $0.messageID == "vague" })
        // A horizontal range line through the vague mark, about a month long.
        let ranges = f.scene.items.compactMap { item -> SceneLine? in
            if case .line(let l) = item, l.from.y == l.to.y, l.from.y == vague.center.y, l.to.x - l.from.x > 5 { return l }
            return nil
        }
        #expect(ranges.count == 1)
        #expect(f.scene.items.contains { if case .path = $0 { return true } else { return false } })
    }

    @Test("many events in a short window: labels never overlap, the rest are counted")
    func crowdedEvents() throws {
        let events = (0..<40).map { i in
            HistoricalEvent(id: "e\(i)", label: "Event number \(i)", name: "Event \(i)", start: Day(iso: "1943-01-01")!.adding(days: i * 3),
                            end: Day(iso: "1943-01-01")!.adding(days: i * 3 + (i % 3)), kind: .military)
        }
        let d = TimelineData(sourceName: "s.txt", sourceHash: "x", entries: [entry("m", "1942-12-20", "A", "B"), entry("n", "1943-05-10", "B", "A")],
                             links: [], topics: [], personKeys: ["A", "B"], names: [:], latency: [])
        let f = try TimelineLayout.layout(.correspondents, data: d, style: try style(), events: EventCalendar(events: events), measurer: try TextMeasurer())
        expectClean(f.scene, "crowded events")
        let labelled = f.scene.texts.filter { $0.text.hasPrefix("Event number") }
        #expect(labelled.count >= 1 && labelled.count <= FigureBuilder.maxEvents, "at most a handful are labelled")
        // Only labelled events are drawn, and the caption names only those.
        let named = Set(f.caption.components(separatedBy: "Event ").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(named.count == labelled.count, "caption names \(named), drawn \(labelled.map(\.text))")
        let bands = f.scene.items.filter { if case .rect(let r) = $0, r.fill == (try? style())?.bandFill { return true } else { return false } }
        let dayLines = f.scene.items.filter { if case .line(let l) = $0, l.dash == FigureBuilder.eventDash { return true } else { return false } }
        #expect(bands.count + dayLines.count <= labelled.count + 2, "no band without a label (two may be the legend's samples)")
    }
}

@Suite("Event legend: what is drawn, not what the dates are")
struct EventLegendTests {
    @Test("a dashed-line sample exactly when an event is drawn as a line, a band sample exactly when one is a band", arguments: [89.0, 183.0])
    func legendMatchesDrawing(widthMM: Double) throws {
        let d = try BundledRun.data()
        var s = try BundledRun.style(data: d)
        s.pageWidth = widthMM * 72 / 25.4
        let f = try TimelineLayout.layout(.correspondents, data: d, style: s, events: try EventCalendar.bundled(), measurer: try TextMeasurer())
        // Drawn through the plot: vertical dashed lines and shaded rectangles taller than a legend swatch.
        let lines = f.scene.items.filter { if case .line(let l) = $0, l.dash == FigureBuilder.eventDash, l.to.y - l.from.y > 20 { return true } else { return false } }
        let bands = f.scene.items.filter { if case .rect(let r) = $0, r.fill == s.bandFill, r.rect.height > 20 { return true } else { return false } }
        let lineSample = f.legend.contains { if case .line(_, let dash, _) = $0.swatch, dash == FigureBuilder.eventDash { return true } else { return false } }
        let bandSample = f.legend.contains { if case .band = $0.swatch { return true } else { return false } }
        #expect(lineSample == !lines.isEmpty, "\(widthMM) mm: \(lines.count) events drawn as lines, legend sample: \(lineSample)")
        #expect(bandSample == !bands.isEmpty, "\(widthMM) mm: \(bands.count) events drawn as bands, legend sample: \(bandSample)")
        #expect(!f.scene.texts.contains { $0.text.contains("single day") }, "the legend no longer claims dashed lines are single days")
        #expect(!lines.isEmpty, "at \(widthMM) mm some events (D-Day at least) are lines")
    }
}
