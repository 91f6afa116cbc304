import Analysis
import Correspondence
import Drawing

/// The timeline figures the CLI can draw.
public enum TimelineKind: String, Sendable, CaseIterable {
    /// A swimlane per correspondent, with reply arcs and inferred incoming messages.
    case correspondents
    /// A lane per topic with its monthly intensity.
    case topics
    /// Messages per month, stacked by correspondent.
    case volume
    /// Reply latency over time, per correspondent.
    case latency
}

extension TimelineKind {
    /// Why `kind` cannot be drawn from `analysis`, in one line, or nil when it can: the topics
    /// and latency timelines read what the text says (topics, citations of dated letters), and
    /// have nothing to show on a corpus without text (a CMIF catalogue) or without citations;
    /// they are skipped with this reason rather than drawn as empty axes.
    ///
    /// - Complexity: O(m) for m messages.
    public func unavailableReason(analysis: CorpusAnalysis) -> String? {
        switch self {
        case .correspondents, .volume:
            return nil
        case .topics:
            guard analysis.topics.isEmpty else { return nil }
            return "no letter carries a topic (the corpus has no text to find topics in)"
        case .latency:
            guard analysis.latency.samples.isEmpty else { return nil }
            let hasText = analysis.messages.contains { !$0.body.allSatisfy(\.isWhitespace) }
            return "no letter answers a dated letter it cites" + (hasText ? "" : " (the corpus has no text to find citations in)")
        }
    }
}

/// A laid-out figure with what its caption sidecar says about it.
public struct TimelineFigure: Sendable {
    public var kind: TimelineKind
    public var scene: Scene
    public var title: String
    /// One paragraph saying what the figure shows and how to read it.
    public var caption: String
    /// Messages drawn (of the corpus, not inferred ones).
    public var messages: Int
    /// Inferred incoming messages drawn (0 for the figures that draw none).
    public var inferredMessages: Int = 0
    /// Corpus messages left out because they have no date (counted in the caption).
    public var undatedMessages: Int = 0
    public var from: Day
    public var to: Day
    /// The legend drawn, so each of its claims can be checked against the scene.
    public var legend: [LegendEntry] = []
    /// For charts with a value axis: points of bar height per unit (one letter), so a test can
    /// read counts back from the scene.
    public var pointsPerUnit: Double? = nil
}

/// Lays out any of the timeline figures.
public enum TimelineLayout {
    /// The figure of `kind` for `data` in `style`, with `events` as bands where the kind has them.
    public static func layout(_ kind: TimelineKind, data: TimelineData, style: FigureStyle,
                              events: EventCalendar, measurer: TextMeasurer) throws -> TimelineFigure {
        guard let range = data.range else {
            throw EpistolaryError(.badData, file: data.sourceName, "no dated messages to draw a timeline from")
        }
        var figure = ExactPage.fit(style) { style -> TimelineFigure in
            switch kind {
            case .correspondents:
                return CorrespondentsTimeline(data: data, style: style, events: events, measurer: measurer, range: range).layout()
            case .topics:
                return TopicsTimeline(data: data, style: style, events: events, measurer: measurer, range: range).layout()
            case .volume:
                return VolumeChart(data: data, style: style, events: events, measurer: measurer, range: range).layout()
            case .latency:
                return LatencyChart(data: data, style: style, events: events, measurer: measurer, range: range).layout()
            }
        }
        figure.noteUndated(data.undatedCount)
        // Say so whenever the figure names the unidentified people's one lane or series.
        if let group = data.unidentifiedGroup, figure.scene.texts.contains(where: { $0.text.contains(group.label) }) {
            figure.caption += (figure.caption.isEmpty ? "" : " ") + group.sentence
        }
        return figure
    }
}

extension TimelineFigure {
    /// Counts the undated messages left out and says so at the end of the caption.
    mutating func noteUndated(_ count: Int) {
        undatedMessages = count
        guard count > 0 else { return }
        caption += (caption.hasSuffix(" ") || caption.isEmpty ? "" : " ")
            + "\(count) undated message\(count == 1 ? " is" : "s are") not drawn."
    }
}
