import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The correspondents timeline's shared lane says how many letters it holds: letters, not
/// marks. A letter between two people of the shared lane is drawn in it twice (above for its
/// writer, below for its addressee) and counts once (a 700-letter catalogue's "others" lane
/// claimed 760 letters).
@Suite("The shared lane counts letters once")
struct SharedLaneCountTests {
    /// Three busy writers among themselves (30 letters), twenty quiet ones writing to each
    /// other in a chain (20 letters) and five to the busiest (5 letters).
    func data() -> TimelineData {
        var entries: [TimelineEntry] = []
        func add(_ from: String, _ to: String, _ day: Int) {
            entries.append(TimelineEntry(id: "m\(entries.count)", date: HistoricalDate(exactly: Day(iso: "1800-01-01")!.adding(days: day), evidence: .dateLine),
                                         sender: from, recipients: [to], inferred: false))
        }
        for i in 0..<30 { add("P\(i % 3)", "P\((i + 1) % 3)", i * 7) }
        for i in 0..<20 { add("Q\(i)", "Q\((i + 1) % 20)", i * 11 + 3) }
        for i in 0..<5 { add("Q\(i)", "P0", i * 13 + 5) }
        let keys = ["P0", "P1", "P2"] + (0..<20).map { "Q\($0)" }
        return TimelineData(sourceName: "many.csv", sourceHash: "x", entries: entries, links: [], topics: [], personKeys: keys,
                            names: [:], latency: [])
    }

    @Test("others (20 people, 25 letters)", arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func othersCount(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let d = data()
        var style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: spec, widthMM: 183)
        style.budget.lanes = 4
        let f = try TimelineLayout.layout(.correspondents, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        // Every letter touching a quiet writer is in the shared lane: 25 of the 55.
        let claim = try #require(f.caption.range(of: #"others \(\d+ people, \d+ letters\)"#, options: .regularExpression).map { String(f.caption[$0]) },
                                 "\(f.caption)")
        #expect(claim == "others (20 people, 25 letters)", "\(spec): \(claim)")
        let laneText = f.scene.texts.map(\.text).joined(separator: " ")
        #expect(laneText.contains("25 letters)") && !laneText.contains("45 letters"), "\(spec): \(laneText)")
    }
}
