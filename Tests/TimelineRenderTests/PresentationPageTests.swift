import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
import EpistolaryTestSupport
@testable import TimelineRender

/// A corpus of many correspondents made in process (none of them ours): a central person
/// writing to and hearing from 60 people with long names over twenty years, a sixth of the
/// dates known only within bounds, 15 topics, answers between many pairs. Every lane, legend
/// and strip budget is exceeded.
enum ManyCorrespondents {
    static let people = (0..<61).map { "p\($0)" }

    static func name(_ i: Int) -> String {
        i == 0 ? "Maria Anna Walburga Ignatia Mozart" : "Correspondent Number \(i) of the Long-Named Family"
    }

    static let data: TimelineData = {
        var generator = SplitMix64(seed: 7)
        let start = Day(iso: "1780-01-01")!
        var entries: [TimelineEntry] = []
        var latency: [LatencyPoint] = []
        let topics = (0..<15).map { (id: "t\($0)", label: "Topic of the letters \($0)") }
        for i in 0..<600 {
            // Zipf-like: a few busy correspondents, a long tail.
            let u = Double(generator.next() % 1_000_000) / 1_000_000
            let other = 1 + min(59, Int(pow(60.0, u)) - 1)
            let outgoing = generator.next() % 2 == 0
            let day = start.adding(days: Int(generator.next() % 7_300))
            let date = i % 6 == 0 ? HistoricalDate(notBefore: day, notAfter: day.adding(days: 30), precision: .range, evidence: .neighbours)
                                  : HistoricalDate(exactly: day, evidence: .dateLine)
            let topic = topics[Int(generator.next() % 15)].id
            entries.append(TimelineEntry(id: "m\(i)", date: date, sender: outgoing ? "p0" : "p\(other)", recipients: [outgoing ? "p\(other)" : "p0"],
                                         inferred: false, topics: i % 5 == 0 ? [] : [topic]))
            if i % 3 == 0 {
                let days = Int(generator.next() % 40)
                latency.append(LatencyPoint(incoming: day.adding(days: -days), answer: day, days: days, correspondent: outgoing ? "p\(other)" : "p0",
                                            answerID: "m\(i)", answerer: outgoing ? "p0" : "p\(other)"))
            }
        }
        entries.sort { ($0.day, $0.id) < ($1.day, $1.id) }
        return TimelineData(sourceName: "many.csv", sourceHash: "x", entries: entries, links: [], topics: topics, personKeys: people,
                            names: Dictionary(uniqueKeysWithValues: people.indices.map { (people[$0], name($0)) }), latency: latency,
                            principal: Principal(id: "p0", messageCount: 600, involvedCount: 600))
    }()
}

/// The presentation style promises 16:9 at 1920 × 1080 pixels: every timeline is exactly that,
/// whatever its content, with nothing cut, nothing overlapping, every message still drawn.
@Suite("Presentation timelines: exactly 1920 x 1080")
struct PresentationPageTests {
    static func expectSlide(_ f: TimelineFigure, messages: Set<String>?, _ what: String) throws {
        #expect(abs(f.scene.width - 720) < 0.001 && abs(f.scene.height - 405) < 0.001, "\(what): \(f.scene.width) x \(f.scene.height) pt")
        let overlaps = f.scene.overlappingTexts()
        #expect(overlaps.isEmpty, "\(what): \(overlaps.prefix(3).map { "\($0.0.text) / \($0.1.text)" })")
        let off = f.scene.itemsOffPage()
        #expect(off.isEmpty, "\(what): \(off.count) items off the page, e.g. \(off.prefix(2).map { Scene.bounds(of: $0) })")
        if let messages { #expect(f.scene.markedMessageIDs.isSuperset(of: messages), "\(what): a message lost its mark") }
        let png = [UInt8](try ScenePainter.render(f.scene, as: .png, dpi: 192))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1920 && height == 1080, "\(what): the PNG is \(width) x \(height)")
        let svg = String(decoding: try ScenePainter.render(f.scene, as: .svg, dpi: 192), as: UTF8.self)
        #expect(svg.contains("width=\"720pt\" height=\"405pt\" viewBox=\"0 0 720 405\""), "\(what): the SVG is not the slide's size")
        // Scaled, text keeps at least 60% of the style's sizes (its 14 pt notes stay above 8 pt):
        // past that the figure folds lanes instead.
        let fonts = try ThemeLoader.load(spec: "presentation").fonts
        let floor = [fonts.title, fonts.label, fonts.tick, fonts.legend, fonts.note].map(\.sizePt).min()! * ExactPage.smallestScale
        let smallest = f.scene.texts.map(\.font.size).min() ?? 0
        #expect(smallest >= floor - 1e-9, "\(what): \(smallest) pt text, under \(floor) pt")
    }

    @Test("the bundled corpus: every kind is 1920 x 1080", arguments: TimelineKind.allCases)
    func bundled(kind: TimelineKind) throws {
        let (f, d) = try BundledRun.figure(kind, spec: "presentation")
        try Self.expectSlide(f, messages: kind == .correspondents ? Set(d.entries.map(\.id)) : nil, "bundled \(kind.rawValue)")
    }

    @Test("many correspondents with long names: every kind is 1920 x 1080", arguments: TimelineKind.allCases)
    func many(kind: TimelineKind) throws {
        let theme = try ThemeLoader.load(spec: "presentation")
        let d = ManyCorrespondents.data
        let categories = kind == .topics ? theme.topicStyles(d.topics.map(\.id)) : theme.peopleStyles(d.personKeys)
        let style = FigureStyle(theme: theme, categories: categories, name: "presentation")
        let f = try TimelineLayout.layout(kind, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        try Self.expectSlide(f, messages: kind == .correspondents || kind == .topics ? Set(d.entries.map(\.id)) : nil, "many \(kind.rawValue)")
        if kind == .correspondents {
            #expect(f.scene.texts.contains { $0.text.hasPrefix("others (") }, "past the lane budget, an others lane")
        }
    }

    @Test("the CMIF edition: every kind it has is 1920 x 1080 (no text: no topics, no latency)", arguments: [TimelineKind.correspondents, .volume])
    func edition(kind: TimelineKind) throws {
        let f = try EditionRun.maker("presentation").figure(kind, analysis: EditionRun.analysis()).figure
        try Self.expectSlide(f, messages: nil, "edition \(kind.rawValue)")
    }

    @Test("a style without exact_size keeps the content's height (paper grows rather than cuts)")
    func paperGrows() throws {
        let theme = try ThemeLoader.load(spec: "paper")
        let d = ManyCorrespondents.data
        let style = FigureStyle(theme: theme, categories: theme.peopleStyles(d.personKeys), name: "paper")
        #expect(!style.exactSize)
        let f = try TimelineLayout.layout(.correspondents, data: d, style: style, events: EventCalendar(events: []), measurer: try TextMeasurer())
        #expect(f.scene.height > style.pageHeight ?? 0)
        #expect(f.scene.texts.allSatisfy { $0.font.size >= FigureStyle.minimumTextSize })
    }
}
