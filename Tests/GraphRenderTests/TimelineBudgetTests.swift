import Analysis
import Correspondence
import Drawing
import Foundation
@testable import GraphRender
import Styling
import Testing
import TimelineRender

/// Every timeline kind on a corpus past every budget (600 correspondents, 50,000 letters), at
/// column and page width: the figure aggregates instead of growing, its text stays at the
/// floor or above at its printed size, its legend keeps to the theme's budget, past the mark
/// budget the reply curves are left out (said in the caption), and its PNG stays within
/// Cairo's limits. (The graphs have the same test in `FigureClaimTests`.)
@Suite struct TimelineBudgetTests {
    /// The smallest text the defaults allow at a figure's printed width.
    static let floorPt = 6.0

    @Test(arguments: TimelineKind.allCases)
    func aLargeCorpusStaysWithinTheBudgetAtEveryWidth(kind: TimelineKind) throws {
        let theme = FigureFixtures.theme()
        let budget = theme.timeline.budget
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
            #expect(figure.legend.count <= budget.legendEntries, "\(kind) at \(width) mm: \(figure.legend.count) legend entries")
            switch kind {
            case .correspondents:
                // Every letter keeps its mark; past the mark budget the reply curves go, and
                // the caption says so. Past the lane budget the rest are one "others" lane.
                #expect(marks > budget.marks && figure.caption.contains("Reply curves are left out"), "\(figure.caption)")
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
