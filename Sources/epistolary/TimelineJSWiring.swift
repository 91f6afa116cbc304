import Analysis
import Correspondence
import Export
import GraphRender
import TimelineRender

/// What the TimelineJS export takes from the other modules, wired once for `export` and the
/// gallery: the figures' short names for headlines, and the event calendar's events as eras.
enum TimelineJSWiring {
    static func apply(to exporter: inout Exporter, analysis: CorpusAnalysis, context: FigureContext, calendar: EventCalendar) {
        let people = Set(analysis.corpus.messages.flatMap { [$0.sender] + $0.recipients })
        exporter.shortNames = Dictionary(uniqueKeysWithValues: people.sorted().map { ($0, context.shortName(of: $0)) })
        exporter.eras = calendar.events.map { TimelineJSWriter.Era(start: $0.start, end: $0.end, headline: $0.label) }
    }
}
