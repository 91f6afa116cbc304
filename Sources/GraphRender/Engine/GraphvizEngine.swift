internal import CCairo
internal import CGraphviz
import Synchronization
import Correspondence
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
    /// - Parameter dpi: resolution of a PNG (ignored by the other formats). It is applied to
    ///   the parsed graph, not written into the DOT: Graphviz scales SVG and PDF by `dpi` too.
    /// - Throws: `GraphvizError` with Graphviz's own messages.
    public func render(_ dot: String, engine: LayoutEngine = .dot, format: GraphFormat, dpi: Double? = nil) throws -> RenderedGraph {
        if format == .dot {
            // The DOT itself, checked by a full parse (no layout: a large graph can take dot
            // minutes to lay out, and exporting DOT is how one hands such a graph on).
            _ = try parse(dot)
            return RenderedGraph(data: Data(dot.utf8), format: .dot, warnings: [])
        }
        let (data, warnings) = try withLaidOutGraph(dot, engine: engine, dpi: format == .png ? dpi : nil) { gvc, graph in
            try renderFormat(format, gvc, graph, dot: dot)
        }
        return RenderedGraph(data: data, format: format, warnings: warnings)
    }

    /// Parses `dot`, lays it out once with `engine` and renders that one layout in every
    /// format of `formats`, all in one locked step. Each format's bytes are the same as a
    /// single-format `render` of the same DOT (PDF included, through the same dateless Cairo
    /// document), so a gallery pays for one layout per figure instead of one per format.
    ///
    /// - Parameter dpi: resolution of the PNG only; SVG and PDF keep the DOT's own (as
    ///   `render` does, which applies `dpi` to PNG alone).
    /// - Returns: a rendering per distinct requested format; the warnings of each are the
    ///   layout's plus that render's.
    /// - Throws: `GraphvizError` with Graphviz's own messages; nothing is returned then.
    public func render(_ dot: String, engine: LayoutEngine = .dot, formats: [GraphFormat], dpi: Double? = nil) throws -> [GraphFormat: RenderedGraph] {
        var wanted: [GraphFormat] = []
        for format in formats where !wanted.contains(format) { wanted.append(format) }
        var results: [GraphFormat: RenderedGraph] = [:]
        let drawn = wanted.filter { $0 != .dot }
        if wanted.contains(.dot) {
            _ = try parse(dot)  // the same check as a single DOT render (stricter than a layout's)
            results[.dot] = RenderedGraph(data: Data(dot.utf8), format: .dot, warnings: [])
        }
        guard !drawn.isEmpty else { return results }
        try locked { gvc in
            try withLayout(gvc, dot, engine: engine, dpi: nil) { graph, layoutWarnings in
                // Graphviz reads `dpi` into the layout's drawing record, and every render
                // scales by that record: set it per format (the layout itself does not use it).
                // (`render` writes the attribute as a whole number; so does this.)
                let ownDPI = Self.drawingDPI(of: graph)
                let pngDPI = dpi.flatMap { Double(String(format: "%.0f", $0)) } ?? ownDPI
                for format in drawn {
                    Self.setDrawingDPI(format == .png ? pngDPI : ownDPI, of: graph)
                    let data = try renderFormat(format, gvc, graph, dot: dot)
                    let warnings = layoutWarnings + (try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .render))
                    results[format] = RenderedGraph(data: data, format: format, warnings: warnings)
                }
            }
        }
        return results
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
            try withLayout(gvc, dot, engine: engine, dpi: nil) { graph, _ in
                // The `dot` device writes the layout into the graph's attributes as it renders.
                _ = try renderData(gvc, graph, device: "dot")
                _ = GraphvizMessages.shared.drain()
                return ParsedGraph(reading: graph)
            }
        }
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

    /// Parse, (optional dpi,) layout, `render`, free the layout and close the graph: one step.
    private func withLaidOutGraph(_ dot: String, engine: LayoutEngine, dpi: Double?,
                                  render: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws -> Data) throws -> (Data, [String]) {
        try locked { gvc in
            try withLayout(gvc, dot, engine: engine, dpi: dpi) { graph, layoutWarnings in
                let data = try render(gvc, graph)
                return (data, layoutWarnings + (try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .render)))
            }
        }
    }

    /// Within the locked step: parses `dot`, sets `dpi` if given, lays it out, checks the
    /// messages, runs `body` with the laid-out graph and the layout's warnings, then frees the
    /// layout and closes the graph (also when anything throws).
    private func withLayout<T>(_ gvc: OpaquePointer, _ dot: String, engine: LayoutEngine, dpi: Double?,
                               _ body: (UnsafeMutablePointer<Agraph_t>, [String]) throws -> T) throws -> T {
        guard let graph = epi_agmemread(dot) else {
            throw GraphvizError(.parse, messages: GraphvizMessages.shared.drain())
        }
        defer { agclose(graph) }
        _ = try GraphvizMessageTriage.check(GraphvizMessages.shared.drain(), stage: .parse)
        if let dpi { _ = epi_agsafeset(UnsafeMutableRawPointer(graph), "dpi", String(format: "%.0f", dpi)) }
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

    /// Renders the laid-out graph in `format` (`dot` is the source text itself).
    private func renderFormat(_ format: GraphFormat, _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, dot: String) throws -> Data {
        switch format {
        case .svg, .png: return try renderData(gvc, graph, device: format.rawValue)
        case .pdf: return try renderPDF(gvc, graph)
        case .dot: return Data(dot.utf8)
        }
    }

    /// The resolution in the layout's drawing record (`GD_drawing(g)->dpi`, read from the
    /// `dpi` attribute by the layout), which every render scales by.
    private static func drawingDPI(of graph: UnsafeMutablePointer<Agraph_t>) -> Double {
        guard let record = graph.pointee.base.data else { return 0 }
        let info = UnsafeMutableRawPointer(record).assumingMemoryBound(to: Agraphinfo_t.self)
        return info.pointee.drawing?.pointee.dpi ?? 0
    }

    private static func setDrawingDPI(_ dpi: Double, of graph: UnsafeMutablePointer<Agraph_t>) {
        guard let record = graph.pointee.base.data else { return }
        let info = UnsafeMutableRawPointer(record).assumingMemoryBound(to: Agraphinfo_t.self)
        info.pointee.drawing?.pointee.dpi = dpi
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

    /// Renders PDF with the same bytes every run.
    ///
    /// Graphviz's own PDF carries a `/CreationDate` of the moment. So the page size is read
    /// from a first, throw-away render (its `/MediaBox`, which accounts for `size`, `margin`
    /// and `pad`), and the figure is then rendered with `gvRenderContext` onto our own Cairo
    /// PDF surface of that size, whose creation date is removed. Fonts are embedded (subset)
    /// by Cairo.
    private func renderPDF(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>) throws -> Data {
        let probe = try renderData(gvc, graph, device: "pdf")
        guard let page = PDFMediaBox(in: probe) else {
            throw GraphvizError(.render, messages: ["Graphviz's PDF has no readable /MediaBox"])
        }
        let document = try CairoPDFDocument(width: page.width, height: page.height)
        if epi_gvRenderContext(gvc, graph, "pdf", UnsafeMutableRawPointer(document.context)) != 0 {
            gvjobs_delete(gvc)
            throw GraphvizError(.render, messages: GraphvizMessages.shared.drain())
        }
        return try document.finish()
    }
}
