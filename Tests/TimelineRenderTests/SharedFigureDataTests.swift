import Analysis
import Correspondence
import Foundation
import Styling
import Testing
@testable import TimelineRender

/// The gallery makes the figure data of the timelines of people once and draws all three from
/// it: each must be the figure the maker draws from data of its own, byte for byte.
@Suite struct SharedFigureDataTests {
    @Test("a timeline of people drawn from shared figure data is the one drawn alone", arguments: [TimelineKind.correspondents, .volume, .latency])
    func sharedDataDrawsTheSameFigure(kind: TimelineKind) throws {
        let analysis = try BundledRun.analysis.get()
        let theme = try ThemeLoader.load(spec: "paper")
        let maker = try TimelineFigureMaker(theme: theme, styleName: "paper", events: try EventCalendar.bundled())
        let shared = TimelineFigureMaker.figureData(analysis)
        let alone = try maker.figure(kind, analysis: analysis)
        let fromShared = try maker.figure(kind, analysis: analysis, data: shared)
        #expect(try maker.render(fromShared.figure, as: .svg) == maker.render(alone.figure, as: .svg))
        #expect(try fromShared.caption.json() == alone.caption.json())
        // The data is not consumed: a second figure from it is the same again.
        let again = try maker.figure(kind, analysis: analysis, data: shared)
        #expect(try maker.render(again.figure, as: .svg) == maker.render(alone.figure, as: .svg))
    }

    @Test("the figure data leaves out undated messages and fragments and counts them, as before")
    func figureDataCountsWhatItLeavesOut() throws {
        let analysis = try BundledRun.analysis.get()
        let data = TimelineFigureMaker.figureData(analysis)
        let undated = analysis.messages.filter { !$0.date.isDated }.count
        let fragments = analysis.messages.filter { $0.date.isDated && $0.kind == .fragment }.count
        #expect(data.undatedCount == undated)
        #expect(data.fragmentCount == fragments)
        #expect(data.entries.filter { !$0.inferred }.count == analysis.messages.count - undated - fragments)
        #expect(data.entries.filter(\.inferred).count == analysis.inferred.filter(\.date.isDated).count)
        // In order of best date, the corpus's messages before the inferred ones on one day.
        let keys = data.entries.map { ($0.date.best?.ordinal ?? 0) * 2 + ($0.inferred ? 1 : 0) }
        #expect(keys == keys.sorted())
    }
}
