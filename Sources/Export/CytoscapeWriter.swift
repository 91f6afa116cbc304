import Correspondence

/// Writes an `ExportGraph` as Cytoscape.js JSON (`elements.nodes` / `elements.edges`, each a
/// `data` object), which Cytoscape.js loads directly and Cytoscape desktop imports as `.cyjs`.
///
/// With a layout (`ExportGraph.layout`) every node has a `position` (y flipped: Cytoscape's
/// grows downwards) and its drawing in `data` (`color`, `border_color`, `width`, `height`;
/// `background_opacity` 0 and `border_width` 0 where the figure draws a node as its label
/// alone, `label_color` the label's colour),
/// every edge its `color` and `width`; the document names the `preset` layout and carries a
/// `style` that maps those data fields, so `cytoscape({container, ...document})` shows the
/// figure's drawing without running a layout of its own.
public struct CytoscapeWriter: Sendable {
    public init() {}

    /// The document as text (`write(_:to:)` into memory).
    public func write(_ graph: ExportGraph) -> String {
        ByteSink.text { write(graph, to: $0) }
    }

    /// Writes the document into `sink` as it goes, one element at a time.
    /// - Complexity: O(nodes + edges) times their attributes.
    public func write(_ graph: ExportGraph, to sink: ByteSink) {
        let layout = graph.layout
        var json = JSONWriter(into: sink)
        let nodeAttributes = graph.nodeAttributes, edgeAttributes = graph.edgeAttributes
        var nodeValues = ExportValues.Reader(nodeAttributes), edgeValues = ExportValues.Reader(edgeAttributes)
        func node(_ node: ExportNode, at index: Int) {
            json.beginObject()
            json.key("data")
            json.beginObject()
            json.member("id", node.id)
            json.member("label", node.label)
            nodeValues.forEach(node.values) { attribute, value in json.key(nodeAttributes[attribute].key); value.write(to: &json) }
            guard let drawn = layout?.node(at: index, id: node.id), let layout else {
                json.endObject()
                json.endObject()
                return
            }
            json.member("color", hex: drawn.fill)
            json.member("border_color", hex: drawn.stroke)
            json.member("width", double: ExportLayout.number(drawn.width))
            json.member("height", double: ExportLayout.number(drawn.height))
            json.member("border_width", double: drawn.outlined ? ExportLayout.number(min(1, min(drawn.width, drawn.height) * 0.08)) : 0)
            json.member("background_opacity", double: drawn.filled ? 1 : 0)
            json.member("label_color", hex: drawn.text)
            json.member("font_size", double: Self.fontSize(drawn))
            json.member("in_figure", bool: drawn.inFigure)
            json.endObject()
            json.key("position")
            json.beginObject()
            json.member("x", double: ExportLayout.number(drawn.x))
            json.member("y", double: ExportLayout.number(layout.height - drawn.y))
            json.endObject()
            json.endObject()
        }
        func edge(_ edge: ExportEdge) {
            json.beginObject()
            json.key("data")
            json.beginObject()
            json.member("id", edge.id)
            json.member("source", edge.source)
            json.member("target", edge.target)
            json.member("interaction", edge.kind)
            json.member("weight", double: edge.weight)
            edgeValues.forEach(edge.values) { attribute, value in json.key(edgeAttributes[attribute].key); value.write(to: &json) }
            if let drawn = layout?.edge(edge, directed: graph.directed) {
                json.member("color", hex: drawn.color)
                json.member("width", double: ExportLayout.number(drawn.width))
            }
            json.endObject()
            json.endObject()
        }
        json.beginObject()
        json.member("format_version", "1.0")
        json.member("generated_by", "Epistolary")
        json.member("target_cytoscapejs_version", "~3")
        json.key("data")
        JSONValue.object([("name", .string(graph.name)), ("description", .string(graph.description)),
                          ("directed", .bool(graph.directed))]
                         + (layout.map { [("layout", .string($0.source))] } ?? [])).write(to: &json)
        json.key("elements")
        json.beginObject()
        json.key("nodes")
        json.beginArray()
        let nodes = graph.nodes
        for index in nodes.indices { node(nodes[index], at: index) }
        json.endArray()
        json.key("edges")
        json.beginArray()
        for item in graph.edges { edge(item) }
        json.endArray()
        json.endObject()
        if layout != nil {
            json.key("layout")
            JSONValue.object([("name", .string("preset")), ("fit", .bool(true)), ("padding", .int(10))]).write(to: &json)
            json.key("style")
            Self.style(directed: graph.directed).write(to: &json)
        }
        json.endObject()
        sink.write("\n" as StaticString)
    }

    /// A label size in proportion to the node (at most 9 pt): the figure's small marks keep
    /// small labels, so a zoomed-in drawing is not covered in text.
    static func fontSize(_ node: ExportLayout.Node) -> Double {
        ExportLayout.number(max(1.5, min(9, node.height * 0.4)))
    }

    /// The Cytoscape.js stylesheet that draws each element from its own data.
    static func style(directed: Bool) -> JSONValue {
        func rule(_ selector: String, _ properties: [(String, JSONValue)]) -> JSONValue {
            .object([("selector", .string(selector)), ("style", .object(properties))])
        }
        return .array([
            rule("node", [("label", .string("data(label)")), ("shape", .string("round-rectangle")),
                          ("background-color", .string("data(color)")), ("background-opacity", .string("data(background_opacity)")),
                          ("color", .string("data(label_color)")), ("border-color", .string("data(border_color)")),
                          ("border-width", .string("data(border_width)")), ("width", .string("data(width)")), ("height", .string("data(height)")),
                          ("font-size", .string("data(font_size)")), ("text-valign", .string("center")), ("text-halign", .string("center")),
                          ("text-wrap", .string("wrap")), ("text-max-width", .string("data(width)"))]),
            rule("edge[color]", [("line-color", .string("data(color)")), ("target-arrow-color", .string("data(color)")),
                                 ("width", .string("data(width)"))]),
            rule("edge", [("curve-style", .string("bezier")),
                          ("target-arrow-shape", .string(directed ? "triangle" : "none")), ("arrow-scale", .double(0.8))]),
        ])
    }
}
