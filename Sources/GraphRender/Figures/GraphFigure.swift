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
    /// The exact pixel size of the PNG when the theme draws every figure at the page size.
    var pagePixels: (width: Int, height: Int)? = nil
    /// The page colour around a centred drawing.
    var paper: RGBColor
    /// The theme's fonts, whose Graphviz names ("DejaVu Serif Bold") the SVG writes as family,
    /// weight and style.
    var fonts: [FontStyle]
    /// The DOT node drawing each message, by message id, where it is not the message's own
    /// node (the replies figure draws messages of one row and bin as one counted mark); empty
    /// for figures whose nodes are named by the ids they draw. For exports that carry the drawing.
    public var marks: [String: String] = [:]
    /// People drawn as themselves (not merged into "others"), for the figures that merge.
    var peopleDrawn = 0

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
        let budget = context.theme.graph.budget.nodes
        switch kind {
        case .correspondents:
            let layout = engine ?? LayoutEngine(context.theme.graph.layout)
            let ranking = context.ranking   // a pass over every message: once
            // The merged graph of each people limit, made once for both directions tried.
            var mergedByLimit: [Int: CorrespondentsFigure.Merged] = [:]
            func drawn(rankdir: String?) throws -> GraphFigure {
                try fitted(context: context, start: budget) { limit, width in
                    var figure = CorrespondentsFigure(context: context, engine: layout, minimumWeight: minimumWeight, peopleLimit: limit)
                    figure.ranking = ranking
                    let merged = mergedByLimit[limit] ?? context.parts?.merged(limit: limit, figure.merge) ?? figure.merge()
                    mergedByLimit[limit] = merged
                    figure.merged = merged
                    figure.rankdir = rankdir
                    figure.style.widthOverrideInches = width
                    return try figure.separatingLabels()
                }
            }
            let themed = try drawn(rankdir: nil)
            // Left to right is wide: when it had to merge people to keep the text legible in
            // the column, top to bottom may keep more of them.
            let everyone = ranking.count
            let withinBudget = everyone > budget ? max(1, budget - 1) : everyone
            guard layout == .dot, ["LR", "RL"].contains(context.theme.graph.rankdir), themed.peopleDrawn < withinBudget else { return themed }
            let upright = try drawn(rankdir: "TB")
            return upright.peopleDrawn > themed.peopleDrawn ? upright : themed
        case .replies:
            if let engine, engine != .neato, engine != .pinned {
                throw EpistolaryError(.badUsage, "the replies figure places messages by date and lane itself and draws its links; only --engine neato (which then routes the links, slowly) applies to it")
            }
            return try RepliesFigure(context: context, graphvizRoutesLinks: engine == .neato).figure()
        case .topics:
            let tally = TopicsFigure.Tally(context: context)
            return try fitted(context: context, start: budget) { limit, width in
                var figure = TopicsFigure(context: context, peopleLimit: limit, tally: tally)
                figure.style.widthOverrideInches = width
                return figure.figure()
            }
        case .mentions:
            // Nodes and edges only: the figure reads each message's mentions from the analysis.
            let restrict = { context.analysis.mentions.restricted(to: .person, withMessages: false) }
            let people = context.parts?.mentionPeople(restrict) ?? restrict()   // once for every limit tried
            return try fitted(context: context, start: max(budget, MentionsFigure.legiblePeople)) { limit, width in
                var figure = MentionsFigure(context: context, engine: engine ?? .neato, minimumWeight: minimumWeight, peopleLimit: limit)
                figure.people = people
                figure.style.widthOverrideInches = width
                return try figure.separatingLines()
            }
        case .matrix:
            return try fitted(context: context, start: budget) { limit, width in
                var figure = MatrixFigure(context: context, peopleLimit: limit, order: context.matrixOrder)
                figure.style.widthOverrideInches = width
                return figure.figure()
            }
        }
    }

    /// `figure` at exactly the page size when the theme asks for it (`page.exact_size`, slides):
    /// the drawing scaled to fit the page (up or down, through the DOT's `size`), and its PNG
    /// centred on a canvas of exactly the page, so a 16:9 page gives a 16:9 file (1920 × 1080
    /// pixels at 192 dpi on a 10-inch page).
    static func exactPage(_ figure: GraphFigure, style: FigureStyle) throws -> GraphFigure {
        guard style.theme.page.exactSize else { return figure }
        let page = style.theme.page.size(wide: style.wide)
        let width = page.widthMM / 25.4, height = (style.heightMM ?? page.heightMM) / 25.4
        let pad = FigureStyle.padInches
        var fitted = figure
        fitted.dot = DOTWriter.appendingGraphAttributes(figure.dot, [
            ("size", .text(DOTWriter.number(width - 2 * pad) + "," + DOTWriter.number(height - 2 * pad) + "!")),
        ])
        fitted.pagePixels = (Int((width * fitted.dpi).rounded()), Int((height * fitted.dpi).rounded()))
        fitted.caption.dotHash = SHA256.hex(Array(fitted.dot.utf8))
        return fitted
    }

    /// Why `kind` cannot be drawn from `analysis`, in one line, or nil when it can: figures that
    /// read the text (topics, mentions) have nothing to show on a corpus without text (a CMIF
    /// catalogue), and are skipped with this reason rather than drawn empty.
    ///
    /// - Parameter inGallery: whether the figure is one of `figures`' gallery rather than asked
    ///   for by name. The gallery also leaves out the replies figure of a corpus with no text
    ///   and no reply or citation links at all (its links and hollow marks come from the text
    ///   or from links the source states): it would be the correspondents figure's letters
    ///   again, without a single line. Asked for by name (`graph replies`), it is still drawn,
    ///   with a caption saying no message answers or cites another.
    /// - Complexity: O(m) for m messages.
    public static func unavailableReason(_ kind: GraphFigureKind, analysis: CorpusAnalysis, inGallery: Bool = false) -> String? {
        let hasText = analysis.messages.contains { !$0.body.allSatisfy(\.isWhitespace) }
        switch kind {
        case .topics, .mentions:
            if !hasText { return "the corpus has no message text, and the \(kind.rawValue) figure reads the text" }
            if kind == .topics, analysis.topics.isEmpty {
                return "no message matches a topic of the lexicon (\(analysis.lexicon.source.isEmpty ? "given" : analysis.lexicon.source))"
            }
            if kind == .mentions, !Self.namesPeopleTogether(analysis.mentions) {
                return "no two people are named together in any message"
            }
            return nil
        case .correspondents, .matrix:
            let pairs = analysis.messages.contains { !$0.sender.isEmpty && $0.recipients.contains { !$0.isEmpty } }
            return pairs ? nil : "no message names both its writer and an addressee"
        case .replies:
            if analysis.messages.isEmpty { return "the corpus has no messages" }
            if inGallery, !hasText, analysis.links.isEmpty, analysis.inferred.isEmpty {
                return "the corpus has no message text and no message answers or cites another, so the replies figure would draw no line"
            }
            return nil
        }
    }

    /// Whether some two people are named together: `mentions.restricted(to: .person)` has an
    /// edge, found without making that graph.
    /// - Complexity: O(nodes + edges) of the mentions graph.
    static func namesPeopleTogether(_ mentions: MentionGraph) -> Bool {
        let people = Set(mentions.nodes.lazy.filter { $0.kind == .person }.map(\.id))
        return mentions.edges.contains { people.contains($0.a) && people.contains($0.b) }
    }

    /// Whether the gallery draws the network of who wrote to whom as a matrix rather than as
    /// nodes and links, and the sentence its caption gives: a matrix when the network has more
    /// writer-addressee pairs than the node-link figure draws (`graph.budget.edges`), so that
    /// a node-link drawing would leave pairs out or turn into a hairball.
    public static func prefersMatrix(_ analysis: CorpusAnalysis, theme: Theme) -> (matrix: Bool, reason: String) {
        let pairs = analysis.correspondents.edges.filter { $0.from != $0.to && $0.count > 0 }.count
        let people = analysis.correspondents.nodes.count
        let density = people > 1 ? Double(pairs) / Double(people * (people - 1)) : 0
        let words = "\(pairs) writer-addressee pairs among \(people) people (density \(String(format: "%.3f", density)))"
        let budget = theme.graph.budget.edges
        return pairs > budget
            ? (true, "Drawn as a matrix: \(words) are more than a node-link figure draws legibly (\(budget)).")
            : (false, "Drawn as nodes and links: \(words) fit a node-link figure (up to \(budget)).")
    }

    /// The figure `make` draws with the most people (from `start` down) whose smallest text,
    /// once Graphviz scales the drawing to the printed width, stays at or above the theme's
    /// floor (`graph.budget.min_text_pt`). If even two people do not fit, the figure is drawn
    /// wider than the page rather than with smaller text, and its caption says so.
    ///
    /// `make(limit, widthInches)` draws with at most `limit` people, at `widthInches` when
    /// given. Each try lays the figure out once (figures within budget lay out in milliseconds).
    static func fitted(context: FigureContext, start: Int, make: (Int, Double?) throws -> GraphFigure) throws -> GraphFigure {
        let floor = context.theme.graph.budget.minTextPt
        let style = FigureStyle(context: context)
        let smallest = style.smallestFontPt
        var limit = max(2, start)
        while true {
            let figure = try make(limit, nil)
            let size = try GraphvizEngine.shared.drawingSize(figure.dot, engine: figure.engine)
            if smallest * size.scale >= floor - 0.01 { return try exactPage(figure, style: style) }
            if limit <= 2 {
                // Draw wider: the width at which the smallest text is exactly the floor.
                let width = style.widthInches * floor / (smallest * size.scale)
                var wide = try make(limit, width)
                wide.caption.shows += " Drawn \(DOTWriter.number(width * 25.4)) mm wide so that no text is under \(DOTWriter.number(floor)) pt."
                return try exactPage(wide, style: style)
            }
            limit = max(2, min(limit - 1, Int(Double(limit) * 0.8)))
        }
    }

    /// Assembles a figure and its caption from the shared parts.
    /// - Complexity: O(n) in `messages` (`DrawnMessages`).
    init(kind: GraphFigureKind, title: String, shows: String, dot: String, engine: LayoutEngine, context: FigureContext,
         messages: [Message], inferredCount: Int) {
        self.init(kind: kind, title: title, shows: shows, dot: dot, engine: engine, context: context,
                  drawn: DrawnMessages(messages), inferredCount: inferredCount)
    }

    /// Assembles a figure and its caption from the shared parts, the messages drawn already counted.
    init(kind: GraphFigureKind, title: String, shows: String, dot: String, engine: LayoutEngine, context: FigureContext,
         drawn: DrawnMessages, inferredCount: Int) {
        self.kind = kind
        self.title = title
        self.dot = dot
        self.engine = engine
        dpi = Double(context.theme.page.dpi)
        let f = context.theme.fonts
        fonts = [f.title, f.label, f.tick, f.legend, f.note]
        paper = context.theme.colors.paper
        // Say so whenever the figure draws the unidentified people as one.
        var shows = shows
        if let group = context.analysis.unidentifiedGroup, dot.contains(UnidentifiedGroup.labelStem), drawn.namesUnidentifiedGroup {
            shows += " " + group.sentence
        }
        caption = FigureCaption(
            figure: kind.rawValue, title: title, shows: shows, messages: drawn.count, inferredMessages: inferredCount,
            firstDate: drawn.first?.iso, lastDate: drawn.last?.iso,
            filters: context.filterDescription,
            style: context.styleSpec + (context.wide ? " (wide)" : ""),
            corpus: context.analysis.corpus.sourceName, inputHash: context.analysis.corpus.sourceHash,
            renderer: "Graphviz \(GraphvizEngine.shared.version), \(engine.name) layout",
            dotHash: SHA256.hex(Array(dot.utf8)),
            undatedMessages: drawn.undated)
    }

    /// Renders the figure in `format` (PNG at the theme's dpi).
    public func render(_ format: GraphFormat) throws -> RenderedGraph {
        guard let rendered = try render(formats: [format])[format] else {
            throw EpistolaryError(.environment, "Graphviz returned no \(format.rawValue) rendering")
        }
        return rendered
    }

    /// The figure laid out, read back from Graphviz (node positions, sizes and colours), for
    /// exports that carry the figure's drawing.
    public func layout() throws -> ParsedGraph {
        try GraphvizEngine.shared.layout(dot, engine: engine)
    }

    /// Renders the figure in every format of `formats` (PNG at the theme's dpi): the same
    /// bytes as `render(_:)` per format. SVG text names real font families, with weight and
    /// style as attributes.
    public func render(formats: [GraphFormat]) throws -> [GraphFormat: RenderedGraph] {
        var rendered = try GraphvizEngine.shared.render(dot, engine: engine, formats: formats, dpi: dpi)
        if var svg = rendered[.svg] {
            svg.data = SVGFontNames.rewrite(svg.data, fonts: fonts)
            rendered[.svg] = svg
        }
        if let pagePixels, var png = rendered[.png] {
            png.data = try PNGResolution.stamp(try PNGPage.centre(png.data, width: pagePixels.width, height: pagePixels.height,
                                                                  paper: paper), dpi: dpi)
            rendered[.png] = png
        }
        return rendered
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
