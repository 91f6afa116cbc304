import Analysis
import Correspondence
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
        ("0999-01-01", "1922-06-08"), ("1200-01-01", "1790-12-31"),
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
                let name = s.step.unit == .month ? String(t.day.year) : "\(TimeScale.monthNames[t.day.month - 1]) \(t.day.year)"
                let short = "\(TimeScale.monthAbbreviations[t.day.month - 1]) \(t.day.year)"
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
