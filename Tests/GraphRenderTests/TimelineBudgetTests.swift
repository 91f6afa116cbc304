import Analysis
import Correspondence
import Drawing
import Foundation
@testable import GraphRender
import Styling
import Testing
import TimelineRender

/// Every timeline kind on a corpus past every budget (600 correspondents, 50,000 letters), at
/// column and page width: the figure aggregates instead of growing, it draws no more marks
/// than the budget (past it, letters are counted in bins: one disc per lane row and bin with
/// its number, as the caption says and the scene shows), its text stays at the floor or above
/// at its printed size, its legend keeps to the theme's budget, past the mark budget the reply
/// curves are left out (said in the caption), and its PNG stays within Cairo's limits. (The
/// graphs have the same test in `FigureClaimTests`.) The large corpus cites no dated letter, so
/// the latency chart is checked on one that does (`SyntheticCorpus.answering`: 300 people,
/// 40,000 letters, three in four answering a dated one).
@Suite struct TimelineBudgetTests {
    /// The smallest text the defaults allow at a figure's printed width.
    static let floorPt = 6.0

    @Test(arguments: TimelineKind.allCases)
    func aLargeCorpusStaysWithinTheBudgetAtEveryWidth(kind: TimelineKind) throws {
        let theme = FigureFixtures.theme()
        let budget = theme.timeline.budget
        // The large corpus has nothing for the latency chart (no answer cites a dated letter).
        let analysis = kind == .latency ? SyntheticCorpus.answering : SyntheticCorpus.large
        #expect(kind.unavailableReason(analysis: analysis) == nil)
        for width in [89.0, 183.0] {
            let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
            let figure = try maker.figure(kind, analysis: analysis).figure
            let scene = figure.scene
            // The scene is in points; its printed width is the asked width.
            let scale = width / 25.4 * 72 / scene.width
            #expect(abs(scale - 1) < 0.02, "\(kind) at \(width) mm is drawn \(scene.width) pt wide")
            var smallest = Double.infinity
            var marks = 0
            for item in scene.items {
                switch item {
                case .text(let text): smallest = min(smallest, text.font.size * scale)
                case .mark: marks += 1
                case .marks(let run): marks += run.centers.count
                default: break
                }
            }
            #expect(smallest >= Self.floorPt - 0.01, "\(kind) at \(width) mm: text of \(smallest) pt")
            #expect(marks <= budget.marks, "\(kind) at \(width) mm: \(marks) marks past a budget of \(budget.marks)")
            // Past the budget the letters (answers) are binned, and the caption's claim holds in
            // the scene: every disc holds one number, the numbers add up to the letters the
            // figure would draw one by one (the answers in its range), there are as many discs
            // as the caption says, and none covers another. (The volume chart counts in bars.)
            if kind != .volume {
                #expect(figure.caption.contains("binned by") && figure.caption.contains("numbers are counts"), "\(kind): \(figure.caption)")
                let oneByOne = try Self.drawnOneByOne(kind, analysis: analysis, figure: figure, theme: theme, width: width)
                if kind == .latency { #expect(2 * oneByOne > budget.marks, "the answering corpus is within the budget: \(oneByOne) answers") }
                Self.expectCountedDiscs(figure, adding: oneByOne, "\(kind) at \(width) mm")
            }
            #expect(figure.legend.count <= budget.legendEntries, "\(kind) at \(width) mm: \(figure.legend.count) legend entries: \(figure.legend.map(\.label))")
            switch kind {
            case .correspondents:
                // Past the mark budget the reply curves go, and the caption says so. Past the lane budget the rest are one "others" lane.
                #expect(figure.caption.contains("Reply curves are left out"), "\(figure.caption)")
                #expect(figure.caption.contains("others"), "the caption does not say how people were grouped: \(figure.caption)")
            case .volume:
                // Months too thin at this size: counted by quarter or year, and said so.
                #expect(figure.caption.contains("per quarter") || figure.caption.contains("per year"), "\(figure.caption)")
            case .latency:
                // The strips keep their box and median; their dots are left out, and said so.
                // The only marks are the discs and the legend's samples.
                #expect(figure.caption.contains("dots of single answers are left out"), "\(figure.caption)")
                #expect(marks == scene.marks.filter { $0.messageID != nil }.count + Self.legendSamples(figure), "latency at \(width) mm: \(marks) marks")
                #expect(figure.legend.contains { $0.label.contains("numbers are counts") }, "\(figure.legend.map(\.label))")
            case .topics:
                break
            }
            if width == 183 {
                let png = try maker.render(figure, as: .png)
                let pixels = try #require(PNGResolution.pixelSize(of: png))
                #expect(pixels.width <= 32_767 && pixels.height <= 32_767, "\(kind): \(pixels)")
            }
        }
    }

    /// Within the budget the latency chart draws every answer one by one: a mark at its date
    /// above and a dot in its pair's strip, and no counts.
    @Test(arguments: [89.0, 183.0])
    func withinTheBudgetTheLatencyChartDrawsEveryAnswer(width: Double) throws {
        let theme = FigureFixtures.theme()
        let analysis = SyntheticCorpus.answeringFew
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
        let figure = try maker.figure(.latency, analysis: analysis).figure
        let answers = analysis.latency.samples.filter { $0.answer >= figure.from && $0.answer <= figure.to }
        #expect(answers.count > 500 && 2 * answers.count <= theme.timeline.budget.marks, "\(answers.count) answers")
        let marks = figure.scene.items.reduce(0) { n, item in
            if case .mark = item { return n + 1 }
            if case .marks(let run) = item { return n + run.centers.count }
            return n
        }
        #expect(marks - Self.legendSamples(figure) == 2 * answers.count, "\(marks) marks for \(answers.count) answers")
        // Every answer's mark above carries its id.
        let ids = figure.scene.marks.compactMap(\.messageID)
        #expect(ids.sorted() == answers.map(\.answerID).sorted())
        #expect(!figure.caption.contains("binned") && figure.caption.contains("each answer a dot"), "\(figure.caption)")
    }

    /// Past the budget the latency legend stays true: an answerer's look has an entry exactly
    /// when a disc of one answerer shows it, and the counted discs are explained. A budget of
    /// 100 marks puts the small corpus past it: over its twenty years most discs are shared by
    /// several answerers (outlined), over one year most are one answerer's.
    @Test(arguments: [89.0, 183.0])
    func pastTheBudgetTheLatencyLegendNamesOnlyLooksDrawn(width: Double) throws {
        var theme = FigureFixtures.theme()
        theme.timeline.budget.marks = 100
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
        var allLooks = Set<String>(), allOutlined = 0
        for year in [nil, 1785] {
            let from = year.flatMap { Day(year: $0, month: 1, day: 1) }, to = year.flatMap { Day(year: $0, month: 12, day: 31) }
            let figure = try maker.figure(.latency, analysis: SyntheticCorpus.answeringFew, from: from, to: to).figure
            #expect(figure.caption.contains("binned by"), "\(figure.caption)")
            // One answerer's disc is filled with its outline's colour (their look); several
            // answerers' is paper inside its outline.
            var looks = Set<String>(), outlined = 0
            for disc in figure.scene.marks where disc.messageID != nil {
                if disc.fill == disc.stroke { looks.insert("\(disc.shape) \(disc.stroke)") } else { outlined += 1 }
            }
            var entries = Set<String>()
            for entry in figure.legend {
                if case .mark(let shape, _, let stroke) = entry.swatch { entries.insert("\(shape) \(stroke)") }
            }
            #expect(entries == looks, "\(year.map(String.init) ?? "all years") at \(width) mm: legend \(entries.sorted()) but discs \(looks.sorted())")
            #expect(figure.legend.contains { $0.label.contains("numbers are counts") && $0.label.contains("outlined disc: several answerers") == (outlined > 0) },
                    "\(figure.legend.map(\.label))")
            #expect(figure.legend.count <= theme.timeline.budget.legendEntries)
            if looks.isEmpty { #expect(figure.caption.contains("every disc holds answers by several people"), "\(figure.caption)") }
            allLooks.formUnion(looks)
            allOutlined += outlined
        }
        #expect(!allLooks.isEmpty && allOutlined > 0, "at \(width) mm: \(allLooks.count) looks of one answerer, \(allOutlined) outlined discs")
    }

    /// The letters `figure` would draw one by one without a mark budget: for the latency chart
    /// the answers in its range, for the others the letters the unbudgeted figure draws.
    static func drawnOneByOne(_ kind: TimelineKind, analysis: CorpusAnalysis, figure: TimelineFigure, theme: Theme, width: Double) throws -> Int {
        if kind == .latency { return analysis.latency.samples.filter { $0.answer >= figure.from && $0.answer <= figure.to }.count }
        var unbudgeted = theme
        unbudgeted.timeline.budget.marks = Int.max
        let whole = try TimelineFigureMaker(theme: unbudgeted, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
            .figure(kind, analysis: analysis).figure
        return whole.scene.items.reduce(0) { n, item in
            if case .marks(let run) = item { return n + run.messageIDs.count }
            if case .mark(let m) = item, m.messageID != nil { return n + 1 }
            return n
        }
    }

    /// The marks a figure's legend draws as samples.
    static func legendSamples(_ figure: TimelineFigure) -> Int {
        figure.legend.reduce(0) { n, entry in
            if case .mark = entry.swatch { return n + 1 }
            return n
        }
    }

    /// The claims of a binned figure's caption, checked in its scene: the discs (the marks with a
    /// message id) hold one number each, the numbers add up to `total`, the caption counts the
    /// discs, and no disc covers more than a third of another (the rule marks drawn one by one
    /// keep by stacking, `MarkStacking.overlap`): counts stay legible at any size.
    static func expectCountedDiscs(_ figure: TimelineFigure, adding total: Int, _ what: String) {
        let scene = figure.scene
        let discs = scene.marks.filter { $0.messageID != nil }
        var sum = 0
        for disc in discs {
            let inside = scene.texts.filter { disc.bounds.contains($0.bounds) || (abs($0.bounds.midX - disc.center.x) < 0.01 && abs($0.bounds.midY - disc.center.y) < disc.size / 2) }
            let numbers = inside.compactMap { Int($0.text) }
            #expect(numbers.count == 1, "\(what): a disc with \(numbers.count) numbers")
            sum += numbers.first ?? 0
        }
        #expect(sum == total, "\(what): the numbers add up to \(sum), not the \(total) drawn one by one")
        #expect(figure.caption.contains("(\(discs.count) discs)"), "\(what): \(discs.count) discs; \(figure.caption)")
        let byX = discs.sorted { $0.center.x < $1.center.x }
        let reach = (discs.map(\.size).max() ?? 0) * 2 / 3
        var covered = 0
        for i in byX.indices {
            for j in (i + 1)..<byX.count {
                if byX[j].center.x - byX[i].center.x >= reach { break }
                let apart = max(byX[i].size, byX[j].size) * 2 / 3 - 1e-6
                if byX[j].center.x - byX[i].center.x < apart && abs(byX[j].center.y - byX[i].center.y) < apart { covered += 1 }
            }
        }
        #expect(covered == 0, "\(what): \(covered) pairs of discs cover each other")
    }
}
