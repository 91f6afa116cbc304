import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
import Styling
import Testing
@testable import Drawing
@testable import TimelineRender

/// The time axis names what it marks: every tick drawn has its label, every year (month, under
/// day ticks) holding a tick is named, in the context row or on its first tick, and no two
/// labels overlap. Checked on the scale and on the scenes of a CMIF edition whose last letter
/// falls on the first day of a new year (the axis once showed only "1799" under that "Jan").
@Suite("Time axis: every tick labelled, every year named")
struct AxisLabelTests {
    static let edition: CorpusAnalysis = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cmif/edition.xml")
        do {
            return CorpusAnalysis(corpus: try CorpusLoader.load(path: url.path), lexicon: try TopicLexicon.bundled())
        } catch {
            fatalError("cannot read the fixture: \(error)")
        }
    }()

    /// Ranges of a day to centuries at axis widths from a column's to a page's.
    @Test("scale: every tick labelled, every period with a tick named", arguments: [
        ("1799-03-01", "1800-01-06"), ("1799-11-20", "1800-03-02"), ("1799-12-20", "1800-01-09"),
        ("1944-05-25", "1944-06-04"), ("1941-06-22", "1945-12-31"), ("1914-01-01", "1973-12-31"), ("1799-03-12", "1799-03-14"),
        ("0999-01-01", "1922-06-08"), ("1200-01-01", "1790-12-31"), ("-0044-03-15", "1922-06-08"), ("-0001-10-01", "0001-03-01"),
    ])
    func scaleNamesWhatItMarks(from: String, to: String) throws {
        let m = try TextMeasurer()
        let font = FontSpec(family: "DejaVu Serif", size: 7)
        for width in [120.0, 180, 240, 330, 480] {
            let s = TimeScale(from: Day(iso: from)!, to: Day(iso: to)!, x0: 40, x1: 40 + width, font: font, measurer: m, overhang: 8)
            #expect(!s.ticks.isEmpty, "\(from)...\(to) at \(width) pt: no tick")
            #expect(s.ticks.allSatisfy { $0.label != nil }, "\(from)...\(to) at \(width) pt: a tick without its label (\(s.step))")
            let texts = s.ticks.compactMap(\.label) + s.context.map(\.label)
            for t in s.ticks where s.step.unit != .year {
                let year = YearLabel.text(t.day.year)
                let name = s.step.unit == .month ? year : "\(TimeScale.monthNames[t.day.month - 1]) \(year)"
                let short = "\(TimeScale.monthAbbreviations[t.day.month - 1]) \(year)"
                #expect(texts.contains { $0.contains(name) || $0.contains(short) },
                        "\(from)...\(to) at \(width) pt: the tick of \(t.day.iso) (\(t.label ?? "")) lies in a period nobody names: \(texts)")
            }
            var boxes = s.ticks.map { t -> (Double, Double) in let w = m.width(t.label!, font: font); return (t.labelX - w / 2, t.labelX + w / 2) }
            // Each label lies over its tick, within the axis and its overhang.
            for (t, box) in zip(s.ticks, boxes) { #expect(box.0 <= t.x && t.x <= box.1 && box.0 >= 40 - 8.01 && box.1 <= 40 + width + 8.01) }
            for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.1 < b.0, "\(from)...\(to) at \(width) pt: tick labels overlap") }
            boxes = s.context.map { c in let w = m.width(c.label, font: font); return (c.x - w / 2, c.x + w / 2) }
            for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.1 < b.0, "\(from)...\(to) at \(width) pt: context labels overlap") }
            // A context label lies under its own period, never left of its start.
            for c in s.context { #expect(c.x - m.width(c.label, font: font) / 2 >= c.startX - 0.01) }
        }
    }

    /// Ticks and tick labels read from a laid-out figure: a tick is a vertical line of the
    /// style's tick length under the plot; its label is tick-font text centred on it.
    static func axis(of f: TimelineFigure, style: FigureStyle) -> (ticks: [Double], labels: [SceneText], context: [SceneText]) {
        var ticks: [Double] = []
        var axisY = 0.0
        for item in f.scene.items {
            if case .line(let l) = item, abs(l.from.x - l.to.x) < 1e-9, abs((l.to.y - l.from.y) - style.tickLength) < 1e-9,
               l.width == style.axisWidth {
                ticks.append(l.from.x)
                axisY = l.from.y
            }
        }
        let below = f.scene.texts.filter { $0.font == style.tickFont && $0.bounds.minY >= axisY + style.tickLength }
        let row = below.map(\.origin.y).min() ?? 0
        return (ticks, below.filter { $0.origin.y == row }, below.filter { $0.origin.y > row })
    }

    @Test("edition.xml: each tick has its label, the new year is named, labels apart",
          arguments: [("paper", 89.0), ("paper", 183.0), ("paper,grayscale", 89.0), ("paper,colorblind", 183.0)])
    func editionAxis(spec: String, width: Double) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let maker = try TimelineFigureMaker(theme: theme, styleName: spec, events: EventCalendar(events: []), widthMM: width)
        for kind in [TimelineKind.correspondents, .volume] {
            let f = try maker.figure(kind, analysis: Self.edition).figure
            let data = TimelineData(analysis: Self.edition, topics: false)
            let style = FigureStyle(theme: theme, categories: theme.peopleStyles(data.personKeys), name: spec, widthMM: width)
            let (ticks, labels, context) = Self.axis(of: f, style: style)
            #expect(ticks.count >= 2, "\(kind) at \(width) mm: \(ticks.count) ticks")
            for x in ticks {
                #expect(labels.contains { $0.bounds.minX <= x && x <= $0.bounds.maxX },
                        "\(kind) at \(width) mm: the tick at \(x) has no label")
            }
            #expect(labels.count == ticks.count, "\(kind) at \(width) mm: \(labels.count) labels for \(ticks.count) ticks")
            let texts = (labels + context).map(\.text)
            // The last letter is dated from 1 January 1800 on: 1800 is on the axis, and so is 1799.
            #expect(texts.contains { $0.contains("1800") } && texts.contains { $0.contains("1799") }, "\(kind) at \(width) mm: \(texts)")
            let sorted = (labels + context).sorted { $0.bounds.minX < $1.bounds.minX }
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] where b.bounds.minX < a.bounds.maxX {
                    #expect(b.bounds.minY >= a.bounds.maxY || a.bounds.minY >= b.bounds.maxY,
                            "\(kind) at \(width) mm: \"\(a.text)\" and \"\(b.text)\" overlap")
                }
            }
        }
    }
}

/// Years before the common era, as historians write them: no year 0 (1 BCE is followed by
/// 1 CE), no astronomical "-43", and ticks on round numbers as each era counts them.
@Suite("Time axis: years before the common era")
struct EraAxisTests {
    /// The astronomical year a label names ("44 BCE" -43, "1 CE" 1, "1922" 1922), nil for text
    /// that is not a year label of either era.
    static func year(_ label: String) -> Int? {
        if label.hasSuffix(" BCE"), let n = Int(label.dropLast(4)), n >= 1 { return 1 - n }
        if label.hasSuffix(" CE"), let n = Int(label.dropLast(3)), n >= 1 { return n }
        if let n = Int(label), n >= 1 { return n }
        return nil
    }

    @Test("labels: 44 BCE, 1 BCE, 1 CE, never 0 or -43")
    func labels() {
        #expect(YearLabel.text(-43) == "44 BCE")
        #expect(YearLabel.text(0) == "1 BCE")
        #expect(YearLabel.text(1) == "1 CE")
        #expect(YearLabel.text(1922) == "1922")
        #expect(FigureBuilder.yearSpan(Day(iso: "-0043-03-15")!, Day(iso: "1922-06-08")!) == "44 BCE – 1922")
        #expect(FigureBuilder.longDate(Day(iso: "-0043-03-15")!) == "15 March 44 BCE")
    }

    /// Spans across the era boundary at widths from a column's to a page's: every year tick
    /// names its own year in the historians' count, on a round number of its era (or 1 CE, the
    /// boundary); month ticks name their year the same way.
    @Test("ticks across the era boundary", arguments: [
        ("-0044-03-15", "1922-06-08"), ("-0120-01-01", "0080-12-31"), ("-0012-01-01", "0009-12-31"), ("-0001-10-01", "0001-03-01"),
    ])
    func acrossTheEra(from: String, to: String) throws {
        let m = try TextMeasurer()
        let font = FontSpec(family: "DejaVu Serif", size: 7)
        for width in [120.0, 180, 240, 330, 480] {
            let s = TimeScale(from: Day(iso: from)!, to: Day(iso: to)!, x0: 40, x1: 40 + width, font: font, measurer: m, overhang: 8)
            let texts = s.ticks.compactMap(\.label) + s.context.map(\.label)
            #expect(!s.ticks.isEmpty)
            for t in texts {
                #expect(!t.hasPrefix("-") && !t.contains(" -") && t != "0" && !t.hasSuffix(" 0"), "\(from)...\(to) at \(width) pt: \"\(t)\"")
            }
            guard s.step.unit == .year else { continue }
            for t in s.ticks {
                let label = try #require(t.label)
                let y = try #require(Self.year(label), "\(from)...\(to) at \(width) pt: \"\(label)\" is not a year")
                #expect(y == t.day.year && t.day.month == 1 && t.day.day == 1, "\(label) on \(t.day.iso)")
                let n = y <= 0 ? 1 - y : y
                #expect(n % s.step.count == 0 || y == 1, "\(from)...\(to) at \(width) pt: \(label) is not a round \(s.step)")
            }
        }
    }

    /// The catalogue that spans antiquity to the 20th century: its axis, title and caption.
    @Test("dates.xml: the axis, title and caption name the year BCE", arguments: [89.0, 183.0])
    func datesCatalogue(width: Double) throws {
        let analysis = FixtureCorpus.analysis("cmif/dates.xml")
        let theme = try ThemeLoader.load(spec: "paper")
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
        // (No text, so no topics timeline: the corpus's CMIF has none.)
        for kind in [TimelineKind.correspondents, .volume] {
            let f = try maker.figure(kind, analysis: analysis).figure
            let style = FigureStyle(theme: theme, categories: theme.peopleStyles(TimelineData(analysis: analysis, topics: false).personKeys),
                                    name: "paper", widthMM: width)
            let axis = AxisLabelTests.axis(of: f, style: style)
            let texts = axis.labels.map(\.text)
            #expect(texts.contains("1 CE") && texts.allSatisfy { EraAxisTests.year($0) != nil }, "\(kind): \(texts)")
            // The fixture's `-0044-03-15` is an astronomical year (ISO 8601, EDTF, as DateParser
            // reads it): 45 BCE. The figure says so, never "-44".
            #expect(f.title.contains("45 BCE – 1922") && f.caption.contains("15 March 45 BCE"), "\(kind): \(f.title) / \(f.caption)")
            #expect(!f.scene.texts.contains { $0.text.range(of: #"(^|[ (])-\d"#, options: .regularExpression) != nil }, "\(kind)")
        }
    }
}

/// At column width the bundled corpus's span (mid-1941 to the end of 1945) is ticked every
/// year: the last tick, on the axis's last day, keeps its label moved inward instead of the
/// whole axis falling back to every two years.
@Suite("Time axis: every year of a war at column width")
struct YearlyAxisTests {
    func data() -> TimelineData {
        let days = ["1941-07-18", "1942-03-01", "1942-11-20", "1943-06-05", "1944-06-06", "1945-05-09", "1945-12-31"]
        let entries = days.enumerated().map { i, d in
            TimelineEntry(id: "m\(i)", date: HistoricalDate(exactly: Day(iso: d)!, evidence: .dateLine),
                          sender: i % 2 == 0 ? "A" : "B", recipients: [i % 2 == 0 ? "B" : "A"], inferred: false)
        }
        // Lane labels as long as a full name with a middle initial take their share of 89 mm.
        return TimelineData(sourceName: "war.csv", sourceHash: "x", entries: entries, links: [], topics: [], personKeys: ["A", "B"],
                            names: ["A": "Caroline von Wolzogen", "B": "Johanna K. Schopenhauer"], latency: [])
    }

    /// 136 pt is the plot of the bundled correspondents timeline at 89 mm (8 pt tick labels).
    @Test("scale: 1941-1945 ticks every year from 136 pt", arguments: [136.0, 150, 180, 200, 240])
    func scale(width: Double) throws {
        let s = TimeScale(from: Day(iso: "1941-07-18")!, to: Day(iso: "1945-12-31")!, x0: 40, x1: 40 + width,
                          font: FontSpec(family: "DejaVu Serif", size: 8), measurer: try TextMeasurer(), overhang: 8)
        #expect(s.step == TickStep(.year, 1), "\(width) pt: \(s.step)")
        #expect(s.ticks.compactMap(\.label) == ["1942", "1943", "1944", "1945", "1946"], "\(width) pt: \(s.ticks.compactMap(\.label))")
    }

    @Test("figure at 89 mm: a tick and a label for every year", arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func columnFigure(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let d = data()
        var style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: spec, widthMM: 89)
        style.budget.legendEntries = max(style.budget.legendEntries, 2)
        for kind in [TimelineKind.correspondents, .volume] {
            let f = try TimelineLayout.layout(kind, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
            let (ticks, labels, _) = AxisLabelTests.axis(of: f, style: style)
            let years = labels.map(\.text)
            for y in 1942...1945 { #expect(years.contains(String(y)), "\(spec) \(kind): \(years)") }
            #expect(labels.count == ticks.count, "\(spec) \(kind): \(labels.count) labels for \(ticks.count) ticks")
            for x in ticks { #expect(labels.contains { $0.bounds.minX <= x && x <= $0.bounds.maxX }, "\(spec) \(kind): tick at \(x) unlabelled") }
            let sorted = labels.sorted { $0.bounds.minX < $1.bounds.minX }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.bounds.maxX < b.bounds.minX, "\(spec) \(kind): \(a.text) and \(b.text) overlap") }
            for l in labels { #expect(l.bounds.maxX <= f.scene.width && l.bounds.minX >= 0, "\(spec) \(kind): \(l.text) leaves the page") }
        }
    }
}
