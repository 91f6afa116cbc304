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
/// graphs have the same test in `FigureClaimTests`.)
@Suite struct TimelineBudgetTests {
    /// The smallest text the defaults allow at a figure's printed width.
    static let floorPt = 6.0

    @Test(arguments: TimelineKind.allCases)
    func aLargeCorpusStaysWithinTheBudgetAtEveryWidth(kind: TimelineKind) throws {
        let theme = FigureFixtures.theme()
        let budget = theme.timeline.budget
        // A kind the corpus has nothing for (no answer cites a dated letter) is not drawn at all.
        if let reason = kind.unavailableReason(analysis: SyntheticCorpus.large) {
            #expect(kind == .latency, "\(kind): \(reason)")
            return
        }
        for width in [89.0, 183.0] {
            let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
            let figure = try maker.figure(kind, analysis: SyntheticCorpus.large).figure
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
            if kind == .correspondents || kind == .topics {
                // Past the budget the letters are binned, and the caption's claim holds in the
                // scene: every disc holds one number, the numbers add up to the marks the figure
                // would draw one by one, and there are as many discs as the caption says.
                #expect(figure.caption.contains("binned by") && figure.caption.contains("numbers are counts"), "\(figure.caption)")
                var unbudgeted = theme
                unbudgeted.timeline.budget.marks = Int.max
                let whole = try TimelineFigureMaker(theme: unbudgeted, styleName: "paper", events: EventCalendar(events: []), widthMM: width)
                    .figure(kind, analysis: SyntheticCorpus.large).figure
                let oneByOne = whole.scene.items.reduce(0) { n, item in
                    if case .marks(let run) = item { return n + run.messageIDs.count }
                    if case .mark(let m) = item, m.messageID != nil { return n + 1 }
                    return n
                }
                let discs = scene.marks.filter { $0.messageID != nil }
                var total = 0
                for disc in discs {
                    let inside = scene.texts.filter { disc.bounds.contains($0.bounds) || (abs($0.bounds.midX - disc.center.x) < 0.01 && abs($0.bounds.midY - disc.center.y) < disc.size / 2) }
                    let numbers = inside.compactMap { Int($0.text) }
                    #expect(numbers.count == 1, "\(kind) at \(width) mm: a disc with \(numbers.count) numbers")
                    total += numbers.first ?? 0
                }
                #expect(total == oneByOne, "\(kind) at \(width) mm: the numbers add up to \(total), not the \(oneByOne) letters drawn")
                #expect(figure.caption.contains("(\(discs.count) discs)"), "\(kind) at \(width) mm: \(discs.count) discs; \(figure.caption)")
                // No disc covers more than a third of another (the rule marks drawn one by one
                // keep by stacking, `MarkStacking.overlap`): counts stay legible at any size.
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
                #expect(covered == 0, "\(kind) at \(width) mm: \(covered) pairs of discs cover each other")
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
            case .topics, .latency:
                break
            }
            if width == 183 {
                let png = try maker.render(figure, as: .png)
                let pixels = try #require(PNGResolution.pixelSize(of: png))
                #expect(pixels.width <= 32_767 && pixels.height <= 32_767, "\(kind): \(pixels)")
            }
        }
    }
}
