import Analysis
import Correspondence
import Foundation
import Styling

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
    /// The DOT node drawing each message, by message id, where it is not the message's own
    /// node (the replies figure draws messages of one row and bin as one counted mark); empty
    /// for figures whose nodes are named by the ids they draw. For exports that carry the drawing.
    public var marks: [String: String] = [:]

    /// Builds `kind` from `context`.
    ///
    /// - Parameters:
    ///   - engine: layout to use instead of the figure's own (the theme's for correspondents,
    ///     dot for topics, neato for mentions). The DOT names it (`layout=`), so the exported
    ///     DOT lays out the same with the `dot` command. The replies figure places every message and draws
    ///     every link itself (layout `nop2`: Graphviz only draws); it accepts only neato,
    ///     which then routes the links around the marks (about a second on the default slice).
    ///   - minimumWeight: for `correspondents`, draw writer → addressee pairs with at least this
    ///     many messages; for `mentions`, pairs named together in at least this many messages
    ///     (default: the smallest weight that keeps the figure legible).
    public static func build(_ kind: GraphFigureKind, context: FigureContext, engine: LayoutEngine? = nil,
                             minimumWeight: Int? = nil) throws -> GraphFigure {
        switch kind {
        case .correspondents:
            return CorrespondentsFigure(context: context, engine: engine ?? LayoutEngine(context.theme.graph.layout), minimumWeight: minimumWeight).figure()
        case .replies:
            if let engine, engine != .neato, engine != .pinned {
                throw EpistolaryError(.badUsage, "the replies figure places messages by date and lane itself and draws its links; only --engine neato (which then routes the links, slowly) applies to it")
            }
            return RepliesFigure(context: context, graphvizRoutesLinks: engine == .neato).figure()
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
        let days = messages.compactMap(\.date.best)
        caption = FigureCaption(
            figure: kind.rawValue, title: title, shows: shows, messages: messages.count, inferredMessages: inferredCount,
            firstDate: days.min()?.iso, lastDate: days.max()?.iso,
            filters: context.filterDescription,
            style: context.styleSpec + (context.wide ? " (wide)" : ""),
            corpus: context.analysis.corpus.sourceName, inputHash: context.analysis.corpus.sourceHash,
            renderer: "Graphviz \(GraphvizEngine.shared.version), \(engine.name) layout",
            dotHash: SHA256.hex(Array(dot.utf8)),
            undatedMessages: messages.reduce(0) { $0 + ($1.date.isDated ? 0 : 1) })
    }

    /// Renders the figure in `format` (PNG at the theme's dpi).
    public func render(_ format: GraphFormat) throws -> RenderedGraph {
        try GraphvizEngine.shared.render(dot, engine: engine, format: format, dpi: dpi)
    }

    /// The figure laid out, read back from Graphviz (node positions, sizes and colours), for
    /// exports that carry the figure's drawing.
    public func layout() throws -> ParsedGraph {
        try GraphvizEngine.shared.layout(dot, engine: engine)
    }

    /// Renders the figure in every format of `formats` from one layout (PNG at the theme's
    /// dpi): the same bytes as `render(_:)` per format, for one layout's cost.
    public func render(formats: [GraphFormat]) throws -> [GraphFormat: RenderedGraph] {
        try GraphvizEngine.shared.render(dot, engine: engine, formats: formats, dpi: dpi)
    }

    /// Renders the figure once per format and writes each of `urls` (format from its
    /// extension) with its caption sidecar, each atomically. Every file is rendered before
    /// any is written, so a failure leaves none of them. Returns Graphviz's non-rejecting
    /// warnings, each once.
    @discardableResult
    public func write(to urls: [URL]) throws -> [String] {
        let formats = try urls.map(Self.format(of:))
        let rendered = try render(formats: formats)
        var warnings: [String] = []
        var batch = OutputBatch()
        for (url, format) in zip(urls, formats) {
            guard let output = rendered[format] else {
                throw EpistolaryError(.environment, file: url.path, "Graphviz returned no \(format.rawValue) rendering")
            }
            batch.add(output.data, to: url)
            if !OutputBatch.isStream(url.path) { batch.add(try caption.json(), to: FigureCaption.sidecarURL(for: url)) }
            for warning in output.warnings where !warnings.contains(warning) { warnings.append(warning) }
        }
        try batch.commit()
        return warnings
    }

    /// The format a figure file's extension names.
    static func format(of url: URL) throws -> GraphFormat {
        guard let format = GraphFormat(fileExtension: url.pathExtension) else {
            throw EpistolaryError(.badUsage, file: url.path, "unknown figure format; name the output .svg, .png, .pdf or .dot")
        }
        return format
    }

    /// Renders and writes the figure to `url` (format from its extension) and its caption
    /// sidecar next to it, each atomically. Returns Graphviz's non-rejecting warnings.
    @discardableResult
    public func write(to url: URL) throws -> [String] {
        try write(to: [url])
    }
}
