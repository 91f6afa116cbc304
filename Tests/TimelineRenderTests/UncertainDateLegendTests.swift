import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// A mark drawn hollow because its date is known only within bounds is explained by the
/// legend, read back from the scene: the legend's sample is hollow and its words say so.
@Suite("Legend of range-dated letters")
struct UncertainDateLegendTests {
    /// The correspondents figure of the CMIF edition, whose April 1799 letter is dated only within bounds.
    func edition(hollowUncertain: Bool) throws -> (TimelineFigure, PaintColor) {
        var theme = try ThemeLoader.load(spec: "paper")
        theme.timeline.mark.hollowUncertain = hollowUncertain
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []))
        let figure = try maker.figure(.correspondents, analysis: EditionRun.analysis()).figure
        return (figure, PaintColor(theme.colors.paper))
    }

    /// The ids of the edition's letters dated only within bounds (from the analysis, not the figure).
    func rangeDated() throws -> Set<String> {
        Set(try EditionRun.analysis().messages.filter { m in
            guard let b = m.date.closedBounds else { return false }
            return b.notBefore != b.notAfter
        }.map(\.id))
    }

    /// The legend's sample mark on the row of `text` (to its left, centred on its line).
    func sample(for text: SceneText, in scene: Scene) -> SceneMark? {
        scene.marks.filter { $0.messageID == nil }.first { m in
            m.center.x < text.bounds.minX && text.bounds.minX - m.center.x < 30
                && abs(m.center.y - text.bounds.midY) < text.bounds.height
        }
    }

    @Test("hollow range-dated marks: the legend shows a hollow sample and says what hollow means")
    func hollowIsExplained() throws {
        let (f, paper) = try edition(hollowUncertain: true)
        let ids = try rangeDated()
        try #require(!ids.isEmpty, "the edition has a letter dated within bounds")
        let hollow = f.scene.marks.filter { $0.messageID.map(ids.contains) == true }
        #expect(!hollow.isEmpty && hollow.allSatisfy { $0.fill == paper }, "the range-dated letter is drawn hollow")
        let claim = try #require(f.scene.texts.first { $0.text.contains("hollow") && $0.text.contains("within bounds") },
                                 "no legend text says what a hollow mark means: \(f.scene.texts.map(\.text))")
        let swatch = try #require(sample(for: claim, in: f.scene), "no legend sample beside \"\(claim.text)\"")
        #expect(swatch.fill == paper, "the legend's sample of a range-dated letter is hollow")
        #expect(f.caption.contains("hollow"))
        // Its letter dated only "not before" 1 January 1800 is drawn at that day, and the legend says so.
        let open = try EditionRun.analysis().messages.filter(\.date.isOpen)
        try #require(open.count == 1)
        #expect(f.scene.texts.contains { $0.text.contains("dated only \"not before\" a day") })
        #expect(f.caption.contains("1 letter is dated only \"not before\" a day"))
    }

    @Test("filled range-dated marks (hollow_uncertain = false): the legend makes no claim of hollowness")
    func filledIsNotCalledHollow() throws {
        let (f, paper) = try edition(hollowUncertain: false)
        let ids = try rangeDated()
        #expect(f.scene.marks.filter { $0.messageID.map(ids.contains) == true }.allSatisfy { $0.fill != paper })
        #expect(!f.scene.texts.contains { $0.text.contains("hollow") }, "\(f.scene.texts.map(\.text))")
        let claim = try #require(f.scene.texts.first { $0.text.contains("within bounds") })
        #expect(sample(for: claim, in: f.scene)?.fill != paper)
    }

    @Test("the entry is there only when a range-dated letter is drawn", arguments: [false, true])
    func onlyWhenDrawn(withRange: Bool) throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let a = Day(iso: "1900-03-01")!, b = Day(iso: "1900-05-01")!
        let second = withRange ? HistoricalDate(notBefore: b, notAfter: b.adding(days: 20), precision: .range, evidence: .neighbours)
                               : HistoricalDate(exactly: b, evidence: .dateLine)
        let d = TimelineData(sourceName: "two.csv", sourceHash: "x",
                             entries: [TimelineEntry(id: "m1", date: HistoricalDate(exactly: a, evidence: .dateLine), sender: "A", recipients: ["B"], inferred: false),
                                       TimelineEntry(id: "m2", date: second, sender: "B", recipients: ["A"], inferred: false)],
                             links: [], topics: [], personKeys: ["A", "B"], names: [:], latency: [])
        let style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: "paper")
        let f = try TimelineLayout.layout(.correspondents, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        #expect(f.scene.texts.contains { $0.text.contains("within bounds") } == withRange)
        #expect(!f.scene.texts.contains { $0.text.contains("not before") }, "no open date, no such note")
        #expect(f.scene.marks.contains { $0.messageID == "m2" && $0.fill == style.paper } == withRange)
    }
}
