import Analysis
import Correspondence
import EpistolaryTestSupport
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The timelines of corpora unlike the bundled one (a CMIF file of every date form, a small
/// CMIF edition with a letter between two correspondents, a CSV of 700 letters among 150 people
/// with no central person), checked from the scene at column and page width in each style:
/// what the legends and captions claim is what is drawn, and marks and lines read on the page.
@Suite("Timelines of other corpora")
struct OtherCorporaViewsTests {
    static let styles = ["paper", "paper,grayscale", "paper,colorblind"]
    static let corpora = ["cmif/dates.xml", "cmif/edition.xml", "csv/many-people.csv"]
    static let analyses: [String: CorpusAnalysis] = Dictionary(uniqueKeysWithValues: corpora.map { ($0, FixtureCorpus.analysis($0)) })

    static func figure(_ kind: TimelineKind, _ corpus: String, spec: String, width: Double) throws -> TimelineFigure {
        let theme = try ThemeLoader.load(spec: spec)
        let maker = try TimelineFigureMaker(theme: theme, styleName: spec, events: EventCalendar(events: []), widthMM: width)
        return try maker.figure(kind, analysis: analyses[corpus]!).figure
    }

    /// The colour a mark is read by: its fill, unless it is hollow (paper) or has none.
    static func readColour(_ m: SceneMark, paper: PaintColor) -> PaintColor {
        if let fill = m.fill, fill.withAlpha(1) != paper.withAlpha(1) { return fill }
        return m.stroke
    }

    @Test("every mark, and every line or curve in a mark's colour, is at least 3:1 on the page (WCAG 1.4.11)",
          arguments: corpora, [89.0, 183.0])
    func marksAndLinesReadOnThePage(corpus: String, width: Double) throws {
        for spec in Self.styles {
            let f = try Self.figure(.correspondents, corpus, spec: spec, width: width)
            let paper = f.scene.background
            let marks = f.scene.marks
            #expect(!marks.isEmpty)
            var inks = Set<[Double]>()
            for m in marks {
                let c = Self.readColour(m, paper: paper)
                inks.insert([c.red, c.green, c.blue])
                #expect(c.contrast(on: paper) >= 3 - 1e-9, "\(corpus) \(spec) \(width) mm: a mark of \(c) is \(c.contrast(on: paper)):1")
            }
            var checked = 0
            for item in f.scene.items {
                let stroke: PaintColor?
                switch item {
                case .line(let l): stroke = l.color
                case .path(let p): stroke = p.stroke
                default: stroke = nil
                }
                guard let stroke, inks.contains([stroke.red, stroke.green, stroke.blue]) else { continue }
                checked += 1
                #expect(stroke.contrast(on: paper) >= 3 - 1e-9, "\(corpus) \(spec) \(width) mm: a line of \(stroke) is \(stroke.contrast(on: paper)):1")
            }
            if corpus != "csv/many-people.csv" || spec != "paper,grayscale" { continue }
            #expect(checked > 0, "range bars and whiskers were checked")
        }
    }

    @Test("the people's palettes: every colour a mark can take is 3:1 on white", arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func paletteContrast(spec: String) throws {
        let theme = try ThemeLoader.load(spec: spec)
        let people = theme.palettes.people
        let page = PaintColor(theme.colors.paper)
        for c in people.colors.prefix(people.capacity) + [people.other, people.unidentifiedStyle.color] {
            #expect(PaintColor(c).contrast(on: page) >= 3, "\(spec): \(c) is \(PaintColor(c).contrast(on: page)):1")
        }
        // The topics' ticks too, in the sheets made for reading under colour blindness and in grey.
        if spec != "paper" {
            for c in theme.palettes.topics.colors {
                #expect(PaintColor(c).contrast(on: page) >= 3, "\(spec) topics: \(c) is \(PaintColor(c).contrast(on: page)):1")
            }
        }
    }

    /// Bars drawn for dates known within bounds: horizontal lines through a mark's centre in the
    /// mark's range colour (an alpha under 1, or the mark's own colour), with end caps.
    static func rangeBars(_ f: TimelineFigure) -> [SceneLine] {
        let centres = Set(f.scene.marks.filter { $0.messageID != nil }.map { [$0.center.y] })
        return f.scene.items.compactMap { item -> SceneLine? in
            guard case .line(let l) = item, l.dash.isEmpty, l.from.y == l.to.y, centres.contains([l.from.y]), l.to.x - l.from.x > 2 else { return nil }
            return l
        }
    }

    @Test("a range bar is never narrower than its mark and two points, and the legend and caption say so", arguments: [89.0, 183.0])
    func rangeBarsShowBeyondTheirMark(width: Double) throws {
        for spec in Self.styles {
            let f = try Self.figure(.correspondents, "cmif/dates.xml", spec: spec, width: width)
            let theme = try ThemeLoader.load(spec: spec)
            let least = theme.timeline.mark.sizePt + 2 * theme.timeline.mark.strokePt + 2
            let bars = Self.rangeBars(f)
            // dates.xml has six letters dated within bounds (a year, a month, two ranges, a month with @cert, 999).
            #expect(bars.count >= 5, "\(spec): \(bars.count) bars")
            for bar in bars { #expect(bar.to.x - bar.from.x >= least - 1e-6, "\(spec) \(width) mm: a bar \(bar.to.x - bar.from.x) pt wide") }
            let mm = FigureBuilder.millimetres(least)
            #expect(f.legend.contains { $0.label.contains("bars at least \(mm) wide") }, "\(f.legend.map(\.label))")
            #expect(f.caption.contains("shorter than \(mm) at this width"), "\(f.caption)")
        }
    }

    @Test("a \"not before\" and a \"not after\" letter of one day are two marks, each whisker on its own mark", arguments: [89.0, 183.0])
    func openDatesOfOneDayStayApart(width: Double) throws {
        for spec in Self.styles {
            let f = try Self.figure(.correspondents, "cmif/dates.xml", spec: spec, width: width)
            let analysis = Self.analyses["cmif/dates.xml"]!
            func mark(_ key: String) throws -> SceneMark {
                let id = try #require(analysis.messages.first { $0.id.contains(key) }?.id, "no letter \(key)")
                return try #require(f.scene.marks.first { $0.messageID == id })
            }
            let later = try mark("notbefore-only"), earlier = try mark("notafter-only")
            #expect(abs(later.center.y - earlier.center.y) < 1e-9)
            // Apart (no overlap), and each moved only toward its open side.
            #expect(later.center.x - earlier.center.x >= later.size + later.strokeWidth, "\(spec): \(earlier.center.x) and \(later.center.x)")
            // One whisker from each mark, toward its open side.
            let dotted = f.scene.items.compactMap { item -> SceneLine? in
                if case .line(let l) = item, l.dash == FigureBuilder.openDash { return l } else { return nil }
            }
            #expect(dotted.contains { abs($0.from.y - later.center.y) < 1e-9 && $0.from.x > later.center.x && $0.to.x > $0.from.x })
            #expect(dotted.contains { abs($0.from.y - earlier.center.y) < 1e-9 && $0.from.x < earlier.center.x && $0.to.x < $0.from.x })
            #expect(!dotted.contains { abs($0.from.y - later.center.y) < 1e-9 && $0.from.x > earlier.center.x && $0.from.x < later.center.x },
                    "\(spec): a whisker runs between the two marks")
            #expect(f.caption.contains("each is set beside the other toward the side its date is open to"), "\(f.caption)")
        }
    }

    @Test("an open date's whisker fits inside the plot, dotted, when its letter is the last", arguments: [89.0, 183.0])
    func lastOpenWhiskerFits(width: Double) throws {
        let f = try Self.figure(.correspondents, "cmif/edition.xml", spec: "paper", width: width)
        let dotted = f.scene.items.compactMap { item -> SceneLine? in
            if case .line(let l) = item, l.dash == FigureBuilder.openDash { return l } else { return nil }
        }
        #expect(!dotted.isEmpty)
        let theme = try ThemeLoader.load(spec: "paper")
        // At full length: 2.4 marks, not cut to a stub at the plot's edge.
        for l in dotted { #expect(abs(l.to.x - l.from.x) >= theme.timeline.mark.sizePt * 2.4 - 1e-6, "a whisker of \(abs(l.to.x - l.from.x)) pt") }
    }

    @Test("a letter between two correspondents keeps its writer's look, with an ink ring around it", arguments: Self.styles)
    func ringedKeepsTheWritersLook(spec: String) throws {
        for width in [89.0, 183.0] {
            let f = try Self.figure(.correspondents, "cmif/edition.xml", spec: spec, width: width)
            let theme = try ThemeLoader.load(spec: spec)
            let ink = PaintColor(theme.colors.ink)
            // Anna Schufler to Schiller: in both lanes.
            let letter = try #require(Self.analyses["cmif/edition.xml"]!.messages.first { $0.sender.contains("chufler") || $0.id.contains("chufler") }?.id)
            let marks = f.scene.marks.filter { $0.messageID == letter }
            #expect(marks.count == 2, "\(spec): in both lanes")
            for m in marks {
                #expect(m.stroke != ink && m.fill == m.stroke, "\(spec): the writer's colour, not an ink outline")
                let rings = f.scene.marks.filter { $0.messageID == nil && $0.fill == nil && $0.stroke == ink && $0.center == m.center }
                #expect(rings.count == 1 && rings.allSatisfy { $0.size >= m.size * 2.squareRoot() + m.strokeWidth }, "\(spec): one ring clear of the mark")
            }
            #expect(f.legend.contains { if case .ringed = $0.swatch { return $0.label.hasPrefix("ringed") } else { return false } })
        }
    }

    @Test("volume: letters between two correspondents are a stack of their own, not their writer's", arguments: Self.styles)
    func volumeBetweenOthers(spec: String) throws {
        let f = try Self.figure(.volume, "cmif/edition.xml", spec: spec, width: 89)
        let labels = f.legend.map(\.label)
        // Anna Schufler wrote once, to Schiller: exchanged with no correspondent of Goethe's.
        #expect(!labels.contains("Anna Schufler"), "\(labels)")
        #expect(labels.contains("between two of Johann Wolfgang von Goethe's correspondents"), "\(labels)")
        #expect(f.caption.contains("1 letter is between two of Johann Wolfgang von Goethe's correspondents"), "\(f.caption)")
        // Drawn hollow, as its legend sample is.
        let hollow = f.scene.items.contains { item in
            if case .rect(let r) = item, r.fill == f.scene.background, r.stroke != nil, r.rect.height > 10 { return true } else { return false }
        }
        #expect(hollow)
        // Without a central person there is no such stack.
        let g = try Self.figure(.volume, "csv/many-people.csv", spec: spec, width: 89)
        #expect(!g.legend.contains { $0.label.hasPrefix("between") })
    }

    @Test("volume: hatchings are never horizontal (they would read as more stacks)", arguments: Self.corpora, Self.styles)
    func noHorizontalHatching(corpus: String, spec: String) throws {
        for width in [89.0, 183.0] {
            let f = try Self.figure(.volume, corpus, spec: spec, width: width)
            for item in f.scene.items {
                if case .rect(let r) = item, let h = r.hatch { #expect(h.direction != .horizontal, "\(corpus) \(spec)") }
            }
        }
        #expect(!FigureBuilder.hatchDirections.contains(.horizontal))
    }

    @Test("volume: the caption says where a letter dated from one side only is counted")
    func volumeOpenDates() throws {
        let f = try Self.figure(.volume, "cmif/dates.xml", spec: "paper", width: 89)
        #expect(f.caption.contains("the known day when it is dated from one side only"), "\(f.caption)")
    }

    @Test("the many-people CSV has no central person and every figure says so", arguments: [89.0, 183.0])
    func noCentre(width: Double) throws {
        let a = Self.analyses["csv/many-people.csv"]!
        #expect(a.principal.id == nil)
        #expect(a.messages.count == 700)
        for kind in [TimelineKind.correspondents, .volume] {
            let f = try Self.figure(kind, "csv/many-people.csv", spec: "paper", width: width)
            #expect(!f.caption.contains("correspondent of") && !f.title.contains("and correspondents"), "\(f.title): \(f.caption)")
        }
    }
}
