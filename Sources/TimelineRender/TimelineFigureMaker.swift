import Analysis
import Correspondence
import Foundation
import Styling

/// Lays out timeline figures of an analysis in a theme: the steps the `timeline` command and
/// the gallery share, so the same request gives the same figure from either.
public struct TimelineFigureMaker {
    public let theme: Theme
    /// The style spec the theme came from, as written in captions.
    public let styleName: String
    public let events: EventCalendar
    private let measurer: TextMeasurer

    /// Fails with an environment error when the theme's font family is not installed, since
    /// Cairo would silently draw with another font and the layout would no longer match.
    public init(theme: Theme, styleName: String, events: EventCalendar) throws {
        self.theme = theme
        self.styleName = styleName
        self.events = events
        measurer = try TextMeasurer()
        let family = theme.fonts.label.family
        guard measurer.resolves(family: family) else {
            throw EpistolaryError(.environment, "the font family \(family) is not installed (apt-get install -y fonts-dejavu-core)")
        }
    }

    /// The figure `kind` of `analysis` (already sliced by the caller) and its caption.
    /// `from`/`to` fix the range drawn; `topics` also narrows the topic lanes to those asked for.
    public func figure(_ kind: TimelineKind, analysis: CorpusAnalysis, from: Day? = nil, to: Day? = nil,
                       topics: [String]? = nil, filters: String = "") throws -> (figure: TimelineFigure, caption: FigureCaption) {
        let figure: TimelineFigure
        if kind == .topics {
            // The topics figure needs only each topic's days and ids: a lighter path than the
            // full figure data, which a large corpus would build for nothing.
            guard let lanes = TopicLanes(analysis: analysis, from: from, to: to, topics: topics) else {
                throw EpistolaryError(.badData, file: analysis.corpus.sourceName, "no dated messages to draw a timeline from")
            }
            let style = FigureStyle(theme: theme, categories: theme.topicStyles(analysis.lexicon.topics.map(\.id)), name: styleName)
            var laid = TopicsTimeline(lanes: lanes, style: style, events: events, measurer: measurer).layout()
            laid.noteUndated(lanes.undated)
            figure = laid
        } else {
            // The figures of people draw no topics: the slice has already kept the messages of
            // the topics asked for.
            let data = TimelineData(analysis: analysis, from: from, to: to, topics: false)
            let style = FigureStyle(theme: theme, categories: theme.peopleStyles(data.personKeys), name: styleName)
            figure = try TimelineLayout.layout(kind, data: data, style: style, events: events, measurer: measurer)
        }
        let caption = FigureCaption(timeline: figure, style: styleName, filters: filters,
                                    corpus: analysis.corpus.sourceName, inputHash: analysis.corpus.sourceHash)
        return (figure, caption)
    }

    /// The figure drawn as `format` (PNG at the theme's resolution).
    public func render(_ figure: TimelineFigure, as format: DocumentFormat) throws -> Data {
        try ScenePainter.render(figure.scene, as: format, dpi: Double(theme.page.dpi))
    }
}
