import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The topics timeline's monthly strips are "one scale for all lanes", as its caption says and
/// its legend shows (samples of the ink's ramp): a month's shade depends on its count alone,
/// never on the topic's colour (a light topic's busiest month was paler than a dark topic's
/// quietest, most visibly in grey).
@Suite("Topic strips: one scale for all lanes")
struct TopicStripScaleTests {
    /// Six topics over two years, the busiest with six letters in one month.
    func data() -> TimelineData {
        var entries: [TimelineEntry] = []
        for t in 0..<6 {
            for k in 0..<(t + 1) {
                entries.append(TimelineEntry(id: "t\(t)-\(k)", date: HistoricalDate(exactly: Day(iso: "1850-0\(t + 1)-0\(k + 1)")!, evidence: .dateLine),
                                             sender: "A", recipients: ["B"], inferred: false, topics: ["t\(t)"]))
                entries.append(TimelineEntry(id: "u\(t)-\(k)", date: HistoricalDate(exactly: Day(iso: "1851-0\(t + 1)-1\(k)")!, evidence: .dateLine),
                                             sender: "B", recipients: ["A"], inferred: false, topics: ["t\(t)"]))
            }
        }
        return TimelineData(sourceName: "topics.csv", sourceHash: "x", entries: entries, links: [],
                            topics: (0..<6).map { ("t\($0)", "Topic \($0)") }, personKeys: ["A", "B"], names: [:], latency: [])
    }

    @Test("every strip cell is the ink's shade for its count", arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func oneScale(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let style = FigureStyle(theme: theme, categories: theme.topicStyles((0..<6).map { "t\($0)" }), name: spec, widthMM: 183)
        let f = try TimelineLayout.layout(.topics, data: data(), style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        let peakLabel = try #require(f.legend.first { $0.label.hasSuffix("(busiest month of any topic)") }?.label)
        let peak = try #require(Int(peakLabel.prefix { $0.isNumber }))
        #expect(peak == 6)
        let shades = Set((1...peak).map { TopicsTimeline.intensity(style.ink, count: $0, peak: peak) })
        // The legend's samples are shades of that one ramp.
        for e in f.legend { if case .rect(let c) = e.swatch { #expect(shades.contains(c)) } }
        let axis = try #require(OpenWhiskerBoundsTests.axisExtent(f.scene, style: style))
        let axisY = f.scene.items.compactMap { item -> Double? in
            if case .line(let l) = item, l.from.y == l.to.y, l.width == style.axisWidth, l.from.x == axis.lowerBound || l.to.x == axis.lowerBound { return l.from.y }
            return nil
        }.first ?? .infinity
        let cells = f.scene.items.compactMap { item -> SceneRect? in
            guard case .rect(let r) = item, r.rect.x >= axis.lowerBound - 0.01, r.rect.x + r.rect.width <= axis.upperBound + 0.01,
                  r.rect.y + r.rect.height <= axisY else { return nil }
            return r
        }
        #expect(cells.count >= 12, "\(spec): \(cells.count) strip cells")
        for c in cells {
            let fill = try #require(c.fill)
            #expect(shades.contains(fill), "\(spec): a strip cell in \(fill), not a shade of the legend's ramp")
        }
    }
}
