import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// Defaults come from the corpus: no ego wording without a central person, events only from a
/// calendar that fits, no empty lanes, the PNG says its resolution.
@Suite("Timeline defaults taken from the corpus")
struct CorpusDefaultsTests {
    func entry(_ id: String, _ day: String, _ from: String, _ to: String) -> TimelineEntry {
        TimelineEntry(id: id, date: HistoricalDate(exactly: Day(iso: day)!, evidence: .dateLine), sender: from, recipients: [to], inferred: false)
    }

    /// Six writers in a ring: nobody takes part in more than half of the letters.
    func pooled() -> TimelineData {
        let people = ["a", "b", "c", "d", "e", "f"]
        let entries = (0..<6).map { entry("m\($0)", "1920-0\($0 + 1)-10", people[$0], people[($0 + 1) % 6]) }
        return TimelineData(sourceName: "pool.csv", sourceHash: "x", entries: entries, links: [], topics: [], personKeys: people,
                            names: Dictionary(uniqueKeysWithValues: people.map { ($0, $0.uppercased() + " Person") }), latency: [],
                            principal: .none)
    }

    @Test("a corpus with no central person: no ego wording in title, legend or caption", arguments: [TimelineKind.correspondents, .volume])
    func noCentralPerson(kind: TimelineKind) throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let d = pooled()
        var style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: "paper")
        style.showTitle = true
        let f = try TimelineLayout.layout(kind, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        let words = [f.title, f.caption] + f.scene.texts.map(\.text)
        for text in words {
            #expect(!text.contains("and correspondents") && !text.contains("'s correspondence") && !text.contains("Stalin"), "\(text)")
        }
        #expect(!f.legend.contains { $0.label.contains("inferred") || $0.label.contains("citation") }, "no inferred letters, no such legend item")
        if kind == .correspondents {
            // Every letter is drawn in its writer's lane (above) and its addressee's (below).
            #expect(f.scene.marks.filter { $0.messageID != nil }.count == 12)
        }
    }

    @Test("events: the bundled calendar only for a corpus it fits, and only for the bundled corpus")
    func eventsBelongToTheirCorpus() throws {
        let calendar = try EventCalendar.bundled()
        #expect(calendar.matches(from: Day(iso: "1941-06-01")!, to: Day(iso: "1945-12-31")!))
        #expect(!calendar.matches(from: Day(iso: "1914-01-01")!, to: Day(iso: "1973-12-31")!), "WWII bands on a 1914-1973 timeline")
        #expect(try EventCalendar.defaultCalendar(corpusHash: "not-the-bundled-corpus", from: Day(iso: "1941-06-01"), to: Day(iso: "1945-12-31")).events.isEmpty)
        let bundled = try CorpusLoader.load(path: nil)
        #expect(try !EventCalendar.defaultCalendar(corpusHash: bundled.sourceHash, from: Day(iso: "1941-06-01"), to: Day(iso: "1945-12-31")).events.isEmpty)
        #expect(try EventCalendar.defaultCalendar(corpusHash: bundled.sourceHash, from: Day(iso: "1914-01-01"), to: Day(iso: "1973-12-31")).events.isEmpty)
    }

    @Test("a timeline PNG carries its resolution in a pHYs chunk")
    func pngCarriesDPI() throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let d = pooled()
        let f = try TimelineLayout.layout(.volume, data: d, style: FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: "paper"),
                                          events: EventCalendar(events: []), measurer: try TextMeasurer())
        let png = [UInt8](try ScenePainter.render(f.scene, as: .png, dpi: 300))
        let tag = Array("pHYs".utf8)
        let at = try #require((0..<(png.count - 4)).first { Array(png[$0..<($0 + 4)]) == tag })
        let perMetre = png[(at + 4)..<(at + 8)].reduce(0) { $0 << 8 | Int($1) }
        #expect(perMetre == 11811, "300 dpi is 11,811 pixels per metre")
        #expect(png[at + 12] == 1, "unit: the metre")
    }
}
