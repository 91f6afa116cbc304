import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// A catalogue of centuries gets bars a reader can see: past years, the volume chart counts by
/// decade or century (on round years of each era's count: there is no year 0), never bars of a
/// fraction of a point (a 300-year catalogue at 89 mm drew yearly hairlines of 0.5 pt, and
/// dates.xml, 45 BCE to 1922, of 0.07 pt).
@Suite("Volume: decades and centuries for long spans")
struct VolumeLongSpanTests {
    /// Letters every few years from 1500 to 1799.
    func data() -> TimelineData {
        let entries = stride(from: 0, to: 300, by: 3).map { i in
            TimelineEntry(id: "m\(i)", date: HistoricalDate(exactly: Day(iso: "\(1500 + i)-05-01")!, evidence: .dateLine),
                          sender: i % 2 == 0 ? "A" : "B", recipients: [i % 2 == 0 ? "B" : "A"], inferred: false)
        }
        return TimelineData(sourceName: "centuries.csv", sourceHash: "x", entries: entries, links: [], topics: [], personKeys: ["A", "B"],
                            names: [:], latency: [])
    }

    /// The bars (rectangles outlined in the paper colour), their letters read from their height.
    static func bars(_ f: TimelineFigure, paper: PaintColor) throws -> (widths: [Double], letters: Double) {
        let bars = f.scene.items.compactMap { item -> SceneRect? in
            if case .rect(let r) = item, r.stroke == paper { return r }
            return nil
        }
        let unit = try #require(f.pointsPerUnit)
        return (bars.map(\.rect.width), bars.reduce(0.0) { $0 + $1.rect.height } / unit)
    }

    @Test("300 years: bars at least 2 pt wide, every letter counted", arguments: [89.0, 183.0])
    func centuries(width: Double) throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let d = data()
        let style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: "paper", widthMM: width)
        let f = try TimelineLayout.layout(.volume, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        let (widths, letters) = try Self.bars(f, paper: style.paper)
        #expect(!widths.isEmpty && widths.allSatisfy { $0 >= 2 }, "\(width) mm: bars of \(widths.min() ?? 0) pt")
        #expect(abs(letters - 100) < 0.01, "\(width) mm: the bars hold \(letters) letters of 100")
        #expect(f.scene.texts.contains { $0.text == "Letters per decade" || $0.text == "Letters per century" }, "\(f.scene.texts.map(\.text))")
    }

    @Test("dates.xml, 45 BCE to 1922: bars by century, on the historians' centuries", arguments: [89.0, 183.0])
    func antiquity(width: Double) throws {
        let analysis = FixtureCorpus.analysis("cmif/dates.xml")
        let theme = try ThemeLoader.load(spec: "paper")
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
        let f = try maker.figure(.volume, analysis: analysis).figure
        let (widths, letters) = try Self.bars(f, paper: PaintColor(red: 1, green: 1, blue: 1))
        #expect(!widths.isEmpty && widths.allSatisfy { $0 >= 2 }, "\(width) mm: bars of \(widths.min() ?? 0) pt")
        #expect(abs(letters - Double(f.messages)) < 0.01, "the bars hold \(letters) letters of \(f.messages)")
        #expect(f.caption.contains("per century") || f.caption.contains("per decade"), "\(f.caption)")
        // The first bin holds 45 BCE and starts on a round year of its era (100 BCE), not on "year 0".
        #expect(VolumeChart.Period.century.start(of: Day(iso: "-0044-03-15")!) == Day(iso: "-0099-01-01"))
        #expect(VolumeChart.Period.century.start(of: Day(iso: "0050-06-01")!) == Day(iso: "0001-01-01"))
        #expect(VolumeChart.Period.decade.start(of: Day(iso: "1922-06-08")!) == Day(iso: "1920-01-01"))
    }
}
