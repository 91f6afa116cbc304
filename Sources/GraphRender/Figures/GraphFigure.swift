import Analysis
import Correspondence
import Foundation

/// A graph figure ready to render: its DOT (the exact text rendered and exported), the layout
/// it is meant for, and its caption sidecar.
public struct GraphFigure: Sendable {
    public var kind: GraphFigureKind
    public var title: String
    public var dot: String
    public var engine: LayoutEngine
    public var caption: FigureCaption
    /// PNG resolution from the theme.
    public var dpi: Double

    /// Builds `kind` from `context`.
    ///
    /// - Parameters:
    ///   - engine: layout to use instead of the figure's own (the theme's for correspondents,
    ///     dot for topics, neato for mentions). The DOT names it (`layout=`), so the exported
    ///     DOT lays out the same with the `dot` command. The replies figure places every message itself
    ///     and accepts only neato, which then just routes the links.
    ///   - minimumWeight: for `correspondents`, draw writer → addressee pairs with at least this
    ///     many messages; for `mentions`, pairs named together in at least this many messages
    ///     (default: the smallest weight that keeps the figure legible).
    public static func build(_ kind: GraphFigureKind, context: FigureContext, engine: LayoutEngine? = nil,
                             minimumWeight: Int? = nil) throws -> GraphFigure {
        switch kind {
        case .correspondents:
            return CorrespondentsFigure(context: context, engine: engine ?? LayoutEngine(context.theme.graph.layout), minimumWeight: minimumWeight).figure()
        case .replies:
            if let engine, engine != .neato {
                throw EpistolaryError(.badUsage, "the replies figure places messages by date and lane itself; only --engine neato (which routes its links) applies to it")
            }
            return RepliesFigure(context: context).figure()
        case .topics:
            return TopicsFigure(context: context, engine: engine ?? .dot).figure()
        case .mentions:
            return MentionsFigure(context: context, engine: engine ?? .neato, minimumWeight: minimumWeight).figure()
        }
    }

    /// Assembles a figure and its caption from the shared parts.
    init(kind: GraphFigureKind, title: String, shows: String, dot: String, engine: LayoutEngine, context: FigureContext,
         messages: [Message], inferredCount: Int) {
        self.kind = kind
        self.title = title
        self.dot = dot
        self.engine = engine
        dpi = Double(context.theme.page.dpi)
        let days = messages.map(\.date.best)
        caption = FigureCaption(
            figure: kind.rawValue, title: title, shows: shows, messages: messages.count, inferredMessages: inferredCount,
            firstDate: days.min()?.iso, lastDate: days.max()?.iso,
            filters: context.filterDescription,
            style: context.styleSpec + (context.wide ? " (wide)" : ""),
            corpus: context.analysis.corpus.sourceName, inputHash: context.analysis.corpus.sourceHash,
            renderer: "Graphviz \(GraphvizEngine.shared.version), \(engine.name) layout",
            dotHash: SHA256.hex(Array(dot.utf8)))
    }

    /// Renders the figure in `format` (PNG at the theme's dpi).
    public func render(_ format: GraphFormat) throws -> RenderedGraph {
        try GraphvizEngine.shared.render(dot, engine: engine, format: format, dpi: dpi)
    }

    /// Renders and writes the figure to `url` (format from its extension) and its caption
    /// sidecar next to it, each atomically. Returns Graphviz's non-rejecting warnings.
    @discardableResult
    public func write(to url: URL) throws -> [String] {
        guard let format = GraphFormat(fileExtension: url.pathExtension) else {
            throw EpistolaryError(.badUsage, file: url.path, "unknown figure format; name the output .svg, .png, .pdf or .dot")
        }
        let rendered = try render(format)
        try AtomicFile.write(rendered.data, to: url)
        try AtomicFile.write(caption.json(), to: FigureCaption.sidecarURL(for: url))
        return rendered.warnings
    }
}
