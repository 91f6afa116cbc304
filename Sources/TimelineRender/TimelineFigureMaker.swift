import Analysis
import Correspondence
import Foundation
import Styling
import Drawing

/// Lays out timeline figures of an analysis in a theme: the steps the `timeline` command and
/// the gallery share, so the same request gives the same figure from either.
public struct TimelineFigureMaker {
    public let theme: Theme
    /// The style spec the theme came from, as written in captions.
    public let styleName: String
    public let events: EventCalendar
    /// Figure width and height in mm (`--width`, `--height`); nil takes the theme's page size.
    public var widthMM: Double?
    public var heightMM: Double?
    /// `--title TEXT` (replaces the figure's title) and `--no-title`; nil keeps the theme's choice.
    public var title: String?
    public var showTitle: Bool?
    private let measurer: TextMeasurer

    /// Fails with an environment error when the theme's font family is not installed, since
    /// Cairo would silently draw with another font and the layout would no longer match.
    public init(theme: Theme, styleName: String, events: EventCalendar, widthMM: Double? = nil, heightMM: Double? = nil,
                title: String? = nil, showTitle: Bool? = nil) throws {
        self.theme = theme
        self.styleName = styleName
        self.events = events
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.title = title
        self.showTitle = showTitle
        measurer = try TextMeasurer()
        let fonts = theme.fonts
        for family in [fonts.title.family, fonts.label.family, fonts.tick.family, fonts.legend.family, fonts.note.family]
        where !measurer.resolves(family: family) {
            throw EpistolaryError(.environment, "the font family \(family) is not installed (apt-get install -y fonts-dejavu-core)")
        }
    }

    /// The figure `kind` of `analysis` (already sliced by the caller) and its caption.
    /// `from`/`to` fix the range drawn; `topics` also narrows the topic lanes to those asked for.
    /// `data`, when given, is `figureData(analysis, from: from, to: to)`, made once by a caller
    /// that draws several figures of people (the gallery): the figures other than topics read it
    /// instead of building it again.
    public func figure(_ kind: TimelineKind, analysis: CorpusAnalysis, from: Day? = nil, to: Day? = nil,
                       topics: [String]? = nil, filters: String = "",
                       data shared: TimelineData? = nil) throws -> (figure: TimelineFigure, caption: FigureCaption) {
        let figure: TimelineFigure
        if kind == .topics {
            // The topics figure needs only each topic's days and ids: a lighter path than the
            // full figure data, which a large corpus would build for nothing.
            guard let lanes = TopicLanes(analysis: analysis, from: from, to: to, topics: topics) else {
                throw EpistolaryError(.badData, file: analysis.corpus.sourceName, "no dated messages to draw a timeline from")
            }
            guard lanes.anyTopic else {
                throw EpistolaryError(.badData, file: analysis.corpus.sourceName,
                                      "no letter carries a topic (the corpus has no text to find topics in): the topics timeline is not drawn")
            }
            let style = figureStyle(theme.topicStyles(analysis.ranking.topics))
            var laid = ExactPage.fit(style) { TopicsTimeline(lanes: lanes, style: $0, events: events, measurer: measurer).layout() }
            laid.noteUndated(lanes.undated)
            figure = laid
        } else {
            if kind == .latency, let reason = kind.unavailableReason(analysis: analysis) {
                throw EpistolaryError(.badData, file: analysis.corpus.sourceName, "\(reason): the latency timeline is not drawn")
            }
            let data = shared ?? Self.figureData(analysis, from: from, to: to)
            // Looks in the run's one palette order, as the graphs take them.
            let style = figureStyle(theme.peopleStyles(analysis.paletteOrder))
            figure = try TimelineLayout.layout(kind, data: data, style: style, events: events, measurer: measurer)
        }
        let caption = FigureCaption(timeline: figure, style: styleName, filters: filters,
                                    corpus: analysis.corpus.sourceName, inputHash: analysis.corpus.sourceHash)
        return (figure, caption)
    }

    /// What the figures of people (correspondents, volume, latency) are drawn from: they draw
    /// no topics (the slice has already kept the messages of the topics asked for), so the
    /// entries' topics are not looked up.
    /// - Complexity: O(n log n) in messages and inferred messages.
    public static func figureData(_ analysis: CorpusAnalysis, from: Day? = nil, to: Day? = nil) -> TimelineData {
        TimelineData(analysis: analysis, from: from, to: to, topics: false)
    }

    /// The timeline look for the run's categories, at the asked size and with the asked title.
    private func figureStyle(_ categories: CategoryStyles) -> FigureStyle {
        var style = FigureStyle(theme: theme, categories: categories, name: styleName, widthMM: widthMM, heightMM: heightMM)
        if let title { style.titleText = title; style.showTitle = true }
        if let showTitle { style.showTitle = showTitle }
        return style
    }

    /// The figure drawn as `format` (PNG at the theme's resolution).
    public func render(_ figure: TimelineFigure, as format: DocumentFormat) throws -> Data {
        try ScenePainter.render(figure.scene, as: format, dpi: Double(theme.page.dpi))
    }
}
