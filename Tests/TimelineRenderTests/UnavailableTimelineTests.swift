import Analysis
import Correspondence
import Foundation
import Styling
import Testing
import Drawing
import EpistolaryTestSupport
@testable import TimelineRender

/// The timelines that read what letters say (topics, citations of dated letters) are not drawn
/// as empty axes on a corpus that says nothing: a CMIF catalogue or a CSV of metadata got a
/// latency figure of two empty axes and a note. They are refused with a one-line reason, which
/// the gallery prints when it skips them.
@Suite("Timelines that need text are skipped, not drawn empty")
struct UnavailableTimelineTests {
    @Test("a corpus without text: no latency or topics timeline, with the reason", arguments: ["cmif/edition.xml", "cmif/dates.xml", "csv/cmif-producers.csv"])
    func withoutText(fixture: String) throws {
        let a = FixtureCorpus.analysis(fixture)
        let reason = try #require(TimelineKind.latency.unavailableReason(analysis: a))
        #expect(reason.contains("no text"), "\(reason)")
        #expect(TimelineKind.topics.unavailableReason(analysis: a) != nil)
        #expect(TimelineKind.correspondents.unavailableReason(analysis: a) == nil && TimelineKind.volume.unavailableReason(analysis: a) == nil)
        let maker = try TimelineFigureMaker(theme: try ThemeLoader.load(spec: "paper"), styleName: "paper", events: EventCalendar(events: []), widthMM: 89)
        #expect(throws: EpistolaryError.self) { _ = try maker.figure(.latency, analysis: a) }
        do {
            _ = try maker.figure(.latency, analysis: a)
        } catch {
            #expect("\(error)".contains("the latency timeline is not drawn"), "\(error)")
        }
        // The people's figures are still drawn.
        #expect(!(try maker.figure(.correspondents, analysis: a)).figure.scene.marks.isEmpty)
    }

    @Test("a corpus whose answers cite dated letters draws its latency timeline")
    func withCitations() throws {
        let a = try BundledRun.analysis.get()
        #expect(TimelineKind.latency.unavailableReason(analysis: a) == nil)
        #expect(TimelineKind.topics.unavailableReason(analysis: a) == nil)
    }
}
