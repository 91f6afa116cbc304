internal import CCairo
internal import CGraphviz
import Synchronization
import Correspondence
import Drawing
import Foundation

/// The process's one Graphviz engine (DESIGN decision 2).
///
/// Graphviz is not thread-safe and its layout state is global, so there is one context for
/// the whole process, created on first use, and every call runs under one lock: parse,
/// layout, every render of that layout and `gvFreeLayout` are a single locked step. Graphviz's
/// messages are captured and returned as a `GraphvizError`; after a failure the stale render
/// job is deleted, so good input after bad still works.
public final class GraphvizEngine: Sendable {
    /// The engine every caller shares.
    public static let shared = GraphvizEngine()

    /// `GVC_t *`, created lazily under the lock and never freed (a second context leaks and
    /// breaks the pango plugin). Every Graphviz call runs holding this lock.
    private let context = Mutex<ContextHandle?>(nil)

    /// The `GVC_t *` as a value the lock can hold: it is only ever used under that lock.
    private struct ContextHandle: @unchecked Sendable { let pointer: OpaquePointer }

    private init() {}

    // MARK: Rendering

    /// Parses `dot`, lays it out with `engine` and renders it as `format`.
    ///
    /// - Parameter dpi: resolution of a PNG (ignored by the other formats): written into the
    ///   PNG's DOT as the graph's `dpi` attribute, and into the file as its pHYs chunk.
    /// - Throws: `GraphvizError` with Graphviz's own messages.
    public func render(_ dot: String, engine: LayoutEngine = .dot, format: GraphFormat, dpi: Double? = nil) throws -> RenderedGraph {
        guard let rendered = try render(dot, engine: engine, formats: [format], dpi: dpi)[format] else {
            throw GraphvizError(.render, messages: ["Graphviz returned no \(format.rawValue) output"])
        }
        return rendered
    }

    /// Parses `dot`, lays it out with `engine` and renders it in every format of `formats`.
    ///
    /// DOT is the only door into Graphviz (DESIGN decision 1): SVG and PDF come from one
    /// layout of `dot` as given; a PNG from a layout of `dot` with its `dpi` attribute set
    /// (Graphviz scales every device by `dpi`, so the vector formats must not see it), which
    /// then carries that resolution in a pHYs chunk. The PDF is drawn once, onto a dateless
    /// Cairo surface sized from the SVG of the same layout (same bytes every run).
    ///
    /// - Returns: a rendering per distinct requested format; the warnings of each are its
    ///   layout's plus that render's.
    /// - Throws: `GraphvizError` with Graphviz's own messages; nothing is returned then.
    public func render(_ dot: String, engine: LayoutEngine = .dot, formats: [GraphFormat], dpi: Double? = nil) throws -> [GraphFormat: RenderedGraph] {
        var wanted: [GraphFormat] = []
        for format in formats where !wanted.contains(format) { wanted.append(format) }
        var results: [GraphFormat: RenderedGraph] = [:]
        if wanted.contains(.dot) {
            // The DOT itself, checked by a full parse (no layout: a large graph can take dot
            // minutes to lay out, and exporting DOT is how one hands such a graph on).
            _ = try parse(dot)
            results[.dot] = RenderedGraph(data: Data(dot.utf8), format: .dot, warnings: [])
        }
        let vector = wanted.filter { $0 == .svg || $0 == .pdf }
        if !vector.isEmpty {
            try locked { gvc in
                try withLayout(gvc, dot, engine: engine) { graph, layoutWarnings in
                    let svg = try renderData(gvc, graph, device: "svg")
                    let svgWarnings = layoutWarnings + (try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .render))
                    if vector.contains(.svg) { results[.svg] = RenderedGraph(data: svg, format: .svg, warnings: svgWarnings) }
                    if vector.contains(.pdf) {
                        guard let page = SVGPageSize(svg) else {
                            throw GraphvizError(.render, messages: ["Graphviz's SVG has no readable width and height"])
                        }
                        let data = try renderPDF(gvc, graph, width: page.widthPt, height: page.heightPt)
                        let warnings = layoutWarnings + (try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .render))
                        results[.pdf] = RenderedGraph(data: data, format: .pdf, warnings: warnings)
                    }
                }
            }
        }
        if wanted.contains(.png) {
            let resolution = (dpi ?? 72).rounded()
            let (data, warnings) = try withLaidOutGraph(Self.dot(dot, dpi: resolution), engine: engine) { gvc, graph in
                try renderData(gvc, graph, device: "png")
            }
            results[.png] = RenderedGraph(data: try PNGResolution.stamp(data, dpi: resolution), format: .png, warnings: warnings)
        }
        return results
    }

    /// `dot` with the graph attribute `dpi` set.
    static func dot(_ dot: String, dpi: Double) -> String {
        DOTWriter.appendingGraphAttributes(dot, [("dpi", .number(dpi))])
    }

    /// The size in points a figure is drawn at, and the factor Graphviz scaled it by to fit
    /// its `size` (1 when it fits): what a figure checks its smallest text against.
    public struct DrawingSize: Sendable, Equatable {
        public var widthPt: Double
        public var heightPt: Double
        public var scale: Double
    }

    /// Lays `dot` out and reads the drawing's size and scale from its SVG.
    public func drawingSize(_ dot: String, engine: LayoutEngine) throws -> DrawingSize {
        let svg = try render(dot, engine: engine, format: .svg).data
        guard let page = SVGPageSize(svg) else { throw GraphvizError(.render, messages: ["Graphviz's SVG has no readable width and height"]) }
        return DrawingSize(widthPt: page.widthPt, heightPt: page.heightPt, scale: page.scale)
    }

    /// Renders like `render` and writes the bytes to `url` atomically (temporary file, then
    /// rename): a failed render leaves no file. Returns the non-rejecting warnings.
    @discardableResult
    public func write(_ dot: String, engine: LayoutEngine = .dot, format: GraphFormat, dpi: Double? = nil, to url: URL) throws -> [String] {
        let rendered = try render(dot, engine: engine, format: format, dpi: dpi)
        try AtomicFile.write(rendered.data, to: url)
        return rendered.warnings
    }

    // MARK: Reading back

    /// Parses `dot` through cgraph and lists its nodes and edges with their attributes, so
    /// tests can prove that what `DOTWriter` wrote is what Graphviz reads.
    public func parse(_ dot: String) throws -> ParsedGraph {
        try locked { _ in
            guard let graph = epi_agmemread(dot) else {
                throw GraphvizError(.parse, messages: GraphvizMessages.shared.drain())
            }
            defer { agclose(graph) }
            let messages = GraphvizMessages.shared.drain()
            if !messages.isEmpty { throw GraphvizError(.parse, messages: messages) }
            return ParsedGraph(reading: graph)
        }
    }

    /// Lays `dot` out with `engine` and reads the laid-out graph back: every node's `pos`,
    /// `width` and `height`, every edge's `pos`, and the graph's `bb`, as Graphviz writes them
    /// into its own DOT output (points, y upwards). For exports that carry a figure's drawing.
    public func layout(_ dot: String, engine: LayoutEngine = .dot) throws -> ParsedGraph {
        try locked { gvc in
            try withLayout(gvc, dot, engine: engine) { graph, _ in
                // The `dot` device writes the layout into the graph's attributes as it renders.
                _ = try renderData(gvc, graph, device: "dot")
                _ = GraphvizMessages.shared.drain()
                return ParsedGraph(reading: graph)
            }
        }
    }

    /// Lays `dot` out with `engine` and returns Graphviz's JSON of the layout (the `json`
    /// device: positions, sizes and every drawing operation, text with its measured width), so
    /// that figures and tests can check what was placed where (`LaidOutLabels`).
    public func layoutJSON(_ dot: String, engine: LayoutEngine = .dot) throws -> Data {
        try withLaidOutGraph(dot, engine: engine) { gvc, graph in try renderData(gvc, graph, device: "json") }.0
    }

    /// The Graphviz version string ("2.43.0").
    public var version: String {
        locked { gvc in gvcVersion(gvc).map { String(cString: $0) } ?? "unknown" }
    }

    // MARK: The locked step

    /// Runs `body` holding the lock, with the context created and the message buffer and
    /// cgraph's sticky error level cleared.
    func locked<T, Failure: Error>(_ body: (OpaquePointer) throws(Failure) -> T) throws(Failure) -> T {
        try context.withLock { (context) throws(Failure) -> T in
            let gvc: OpaquePointer
            if let existing = context {
                gvc = existing.pointer
            } else {
                GraphvizMessages.install()
                guard let created = gvContext() else { fatalError("Graphviz could not allocate its context") }
                context = ContextHandle(pointer: created)
                gvc = created
            }
            _ = GraphvizMessages.shared.drain()
            _ = agreseterrors()
            // Graphviz warns about a colour once per process unless this is reset.
            emit_once_reset()
            return try body(gvc)
        }
    }

    /// Parse, layout, `render`, free the layout and close the graph: one step.
    private func withLaidOutGraph(_ dot: String, engine: LayoutEngine,
                                  render: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws -> Data) throws -> (Data, [String]) {
        try locked { gvc in
            try withLayout(gvc, dot, engine: engine) { graph, layoutWarnings in
                let data = try render(gvc, graph)
                return (data, layoutWarnings + (try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .render)))
            }
        }
    }

    /// Within the locked step: parses `dot`, lays it out, checks the messages, runs `body`
    /// with the laid-out graph and the layout's warnings, then frees the layout and closes
    /// the graph (also when anything throws).
    private func withLayout<T>(_ gvc: OpaquePointer, _ dot: String, engine: LayoutEngine,
                               _ body: (UnsafeMutablePointer<Agraph_t>, [String]) throws -> T) throws -> T {
        guard let graph = epi_agmemread(dot) else {
            throw GraphvizError(.parse, messages: GraphvizMessages.shared.drain())
        }
        defer { agclose(graph) }
        _ = try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .parse)
        if engine == .dot, DotClusterLabelHazard.isPresent(in: graph) {
            throw GraphvizError(.rejectedInput, messages: [DotClusterLabelHazard.message])
        }
        if epi_gvLayout(gvc, graph, engine.name) != 0 {
            gvFreeLayout(gvc, graph)
            throw GraphvizError(.layout, messages: GraphvizMessages.shared.drain())
        }
        defer { gvFreeLayout(gvc, graph) }
        let unknownShapes = Self.unknownShapes(in: graph)
        if !unknownShapes.isEmpty {
            throw GraphvizError(.rejectedInput, messages: unknownShapes.map { "Warning: using box for unknown shape \($0)" })
        }
        let warnings = try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .layout)
        return try body(graph, warnings)
    }

    /// Names of shapes Graphviz did not know, which it replaced by a box (it says so only the
    /// first time in a process, so this asks the laid-out nodes).
    private static func unknownShapes(in graph: UnsafeMutablePointer<Agraph_t>) -> [String] {
        var names: [String] = []
        var node = agfstnode(graph)
        while let current = node {
            if let name = epi_unknown_shape_name(current).map({ String(cString: $0) }), !names.contains(name) {
                names.append(name)
            }
            node = agnxtnode(graph, current)
        }
        return names
    }

    /// Renders through a Graphviz device into memory (`gvRenderData`).
    private func renderData(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, device: String) throws -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        if epi_gvRenderData(gvc, graph, device, &buffer, &length) != 0 {
            gvjobs_delete(gvc)
            if let buffer { gvFreeRenderData(buffer) }
            throw GraphvizError(.render, messages: GraphvizMessages.shared.drain())
        }
        guard let buffer else {
            gvjobs_delete(gvc)
            throw GraphvizError(.render, messages: ["Graphviz returned no \(device) output"])
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// Renders the laid-out graph as PDF onto a Cairo PDF document of `width` × `height`
    /// points whose creation date is removed (`CairoDocument`): Graphviz's own PDF carries the
    /// moment as `/CreationDate`. Fonts are embedded (subset) by Cairo.
    private func renderPDF(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, width: Double, height: Double) throws -> Data {
        do {
            let document = try CairoDocument(.pdf, width: width, height: height, creator: "Epistolary (Graphviz, Cairo)")
            guard let context = cairo_create(document.surface) else {
                throw EpistolaryError(.environment, "Cairo could not create a drawing context")
            }
            let failed = epi_gvRenderContext(gvc, graph, "pdf", UnsafeMutableRawPointer(context)) != 0
            cairo_destroy(context)
            if failed {
                gvjobs_delete(gvc)
                throw GraphvizError(.render, messages: GraphvizMessages.shared.drain())
            }
            return try document.finish()
        } catch let error as EpistolaryError {
            throw GraphvizError(.render, messages: [error.message])
        }
    }
}
