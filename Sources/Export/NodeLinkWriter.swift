import Correspondence

/// Writes an `ExportGraph` as node-link JSON: `directed`, `multigraph` (true when two edges
/// join the same pair, each edge then carrying a `key`), `graph`, `nodes`, and the edges under
/// both `links` and `edges`. No one key serves every reader: D3 and NetworkX up to 3.3 read
/// `links` (`nx.node_link_graph(data)`), NetworkX from 3.4 on defaults to `edges` (and warns
/// about `links`), so the file carries the same list under each. Dated elements keep their
/// spells as `[start, end]` pairs; with a layout, nodes carry `x`, `y` (D3's names, y
/// growing downwards as in SVG), `color` and `size`.
public struct NodeLinkWriter: Sendable {
    public init() {}

    /// The document as text (`write(_:to:)` into memory).
    public func write(_ graph: ExportGraph) -> String {
        ByteSink.text { write(graph, to: $0) }
    }

    /// Writes the document into `sink` as it goes, one element at a time (the edges twice).
    /// - Complexity: O(nodes + edges) times their attributes, plus O(s log s) in each element's spells.
    public func write(_ graph: ExportGraph, to sink: ByteSink) {
        let multigraph = graph.hasParallelEdges
        var json = JSONWriter(into: sink)
        let nodeAttributes = graph.nodeAttributes, edgeAttributes = graph.edgeAttributes
        var nodeValues = ExportValues.Reader(nodeAttributes), edgeValues = ExportValues.Reader(edgeAttributes)
        func node(_ node: ExportNode, at index: Int) {
            json.beginObject()
            json.member("id", node.id)
            json.member("label", node.label)
            nodeValues.forEach(node.values) { attribute, value in json.key(nodeAttributes[attribute].key); value.write(to: &json) }
            if !node.spells.isEmpty { json.key("spells"); spells(node.spells, to: &json) }
            if let layout = graph.layout, let drawn = layout.node(at: index, id: node.id) {
                json.member("x", double: ExportLayout.number(drawn.x))
                json.member("y", double: ExportLayout.number(layout.height - drawn.y))
                json.member("color", hex: drawn.fill)
                json.member("size", double: ExportLayout.number(drawn.size))
            }
            json.endObject()
        }
        func edge(_ edge: ExportEdge) {
            json.beginObject()
            json.member("source", edge.source)
            json.member("target", edge.target)
            if multigraph { json.member("key", edge.id) }
            json.member("id", edge.id)
            json.member("type", edge.kind)
            json.member("weight", double: edge.weight)
            edgeValues.forEach(edge.values) { attribute, value in json.key(edgeAttributes[attribute].key); value.write(to: &json) }
            if !edge.spells.isEmpty { json.key("spells"); spells(edge.spells, to: &json) }
            if let drawn = graph.layout?.edge(edge, directed: graph.directed) {
                json.member("color", hex: drawn.color)
                json.member("width", double: ExportLayout.number(drawn.width))
            }
            json.endObject()
        }
        json.beginObject()
        json.member("directed", bool: graph.directed)
        json.member("multigraph", bool: multigraph)
        json.key("graph")
        JSONValue.object([("name", .string(graph.name)), ("description", .string(graph.description))]).write(to: &json)
        json.key("nodes")
        json.beginArray()
        let nodes = graph.nodes
        for index in nodes.indices { node(nodes[index], at: index) }
        json.endArray()
        for key in ["links", "edges"] {
            json.key(key)
            json.beginArray()
            for item in graph.edges { edge(item) }
            json.endArray()
        }
        json.endObject()
        sink.write("\n" as StaticString)
    }

    private func spells(_ spells: [ExportSpell], to json: inout JSONWriter) {
        json.beginArray()
        for spell in ExportSpell.merged(spells) {
            json.beginArray()
            json.string(iso: spell.start)
            json.string(iso: spell.end)
            json.endArray()
        }
        json.endArray()
    }
}
