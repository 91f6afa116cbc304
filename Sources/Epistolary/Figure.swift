import Analysis
import Correspondence
import Foundation
import GraphRender
import Styling
import TimelineRender

/// A figure ready to be written: a network (drawn by Graphviz) or a timeline (drawn by Cairo),
/// with its caption.
///
/// ```swift
/// let figure = try Figure.graph(.correspondents, of: analysis, style: "paper")
/// try figure.write(to: URL(fileURLWithPath: "correspondents.svg"))
/// ```
public struct Figure {
    /// The file formats a figure is written in.
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, pdf

        /// The format a file's extension names, if any.
        public init?(fileExtension: String) { self.init(rawValue: fileExtension.lowercased()) }
    }

    /// The figure of either renderer (its value holds the renderer's own figure type).
    private enum Drawing {
        case graph(GraphFigure)
        case timeline(TimelineFigure, TimelineFigureMaker)
    }

    private let drawing: Drawing
    /// What the figure shows, in words and counts; written beside it as `FILE.caption.json`.
    public let caption: FigureCaption

    /// A network figure of `analysis`.
    ///
    /// - Parameter style: theme sheets, merged left to right ("paper", "paper,colorblind", or paths).
    public static func graph(_ kind: GraphFigureKind, of analysis: CorpusAnalysis, style: String = "paper") throws -> Figure {
        let theme = try ThemeLoader.load(spec: style)
        let context = FigureContext(analysis: analysis, theme: theme, styleSpec: style)
        let figure = try GraphFigure.build(kind, context: context)
        return Figure(drawing: .graph(figure), caption: figure.caption)
    }

    /// A dated figure of `analysis`. Messages with no date are left out and counted in the
    /// caption (`FigureCaption.undatedMessages`); an open date is drawn at its known bound.
    ///
    /// - Parameter style: theme sheets, merged left to right ("paper", "paper,colorblind", or paths).
    public static func timeline(_ kind: TimelineKind, of analysis: CorpusAnalysis, style: String = "paper") throws -> Figure {
        let theme = try ThemeLoader.load(spec: style)
        let maker = try TimelineFigureMaker(theme: theme, styleName: style, events: EventCalendar(events: []))
        let (figure, caption) = try maker.figure(kind, analysis: analysis)
        return Figure(drawing: .timeline(figure, maker), caption: caption)
    }

    /// The figure's bytes in `format`. The same figure always gives the same bytes.
    public func data(as format: Format) throws -> Data {
        switch drawing {
        case .graph(let figure):
            let graphFormat: GraphFormat = switch format { case .svg: .svg; case .png: .png; case .pdf: .pdf }
            return try figure.render(graphFormat).data
        case .timeline(let figure, let maker):
            let documentFormat: DocumentFormat = switch format { case .svg: .svg; case .png: .png; case .pdf: .pdf }
            return try maker.render(figure, as: documentFormat)
        }
    }

    /// Writes the figure in the format its extension names, and its caption beside it, all or
    /// nothing (`OutputBatch`), so an interrupted write never leaves half a figure.
    public func write(to url: URL) throws {
        guard let format = Format(fileExtension: url.pathExtension) else {
            throw EpistolaryError(.badUsage, file: url.path, "expected a file ending in .svg, .png or .pdf")
        }
        var batch = OutputBatch()
        batch.add(try data(as: format), to: url)
        batch.add(try caption.json(), to: FigureCaption.sidecarURL(for: url))
        try batch.commit()
    }
}
