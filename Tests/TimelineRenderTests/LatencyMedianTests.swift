import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The latency figure's legend promises "line: median" for each pair's box: the line is drawn
/// over the row's dots, not under them (at page width a busy pair's dots hid it).
@Suite("Latency: the median line is seen")
struct LatencyMedianTests {
    @Test("each median line is painted after its row's dots", arguments: ["paper", "paper,grayscale", "paper,colorblind"])
    func medianOnTop(spec: String) throws {
        let analysis = try BundledRun.analysis.get()
        let theme = try ThemeLoader.load(spec: spec)
        for width in [89.0, 183.0] {
            let maker = try TimelineFigureMaker(theme: theme, styleName: spec, events: EventCalendar(events: []), widthMM: width)
            let f = try maker.figure(.latency, analysis: analysis).figure
            let style = FigureStyle(theme: theme, categories: theme.peopleStyles(TimelineData(analysis: analysis, topics: false).personKeys),
                                    name: spec, widthMM: width)
            let items = Array(f.scene.items.enumerated())
            let medians = items.compactMap { i, item -> (Int, SceneLine)? in
                guard case .line(let l) = item, l.from.x == l.to.x, l.color == style.ink, abs(l.width - style.axisWidth * 1.5) < 1e-9 else { return nil }
                return (i, l)
            }
            #expect(medians.count >= 2, "\(spec) \(width) mm: \(medians.count) median lines")
            let dots = items.compactMap { i, item -> (Int, SceneMark)? in
                guard case .mark(let m) = item, m.messageID == nil else { return nil }
                return (i, m)
            }
            for (index, line) in medians {
                let lo = min(line.from.y, line.to.y), hi = max(line.from.y, line.to.y)
                let row = dots.filter { $0.1.center.y >= lo - $0.1.size && $0.1.center.y <= hi + $0.1.size }
                #expect(!row.isEmpty, "\(spec) \(width) mm: no dot by the median at \(line.from.x)")
                #expect(row.allSatisfy { $0.0 < index }, "\(spec) \(width) mm: a dot is painted over the median at \(line.from.x)")
            }
        }
    }
}
