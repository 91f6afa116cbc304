import Analysis
import Correspondence

extension FigureCaption {
    /// The sidecar of a laid-out timeline.
    public init(timeline figure: TimelineFigure, style: String, filters: String, corpus: String, inputHash: String) {
        self.init(figure: "timeline-\(figure.kind.rawValue)", title: figure.title, shows: figure.caption,
                  messages: figure.messages, inferredMessages: figure.inferredMessages,
                  firstDate: figure.from.iso, lastDate: figure.to.iso, filters: filters, style: style,
                  corpus: corpus, inputHash: inputHash, renderer: "Cairo \(ScenePainter.cairoVersion)",
                  undatedMessages: figure.undatedMessages)
    }
}
