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
        func node(_ node: ExportNode) -> JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(node.id)), ("label", .string(node.label))]
            for attribute in graph.nodeAttributes {
                if let value = node.values[attribute.key] { members.append((attribute.key, value.json)) }
            }
            if !node.spells.isEmpty { members.append(("spells", spells(node.spells))) }
            if let layout = graph.layout, let drawn = layout.nodes[node.id] {
                members += [("x", .double(ExportLayout.number(drawn.x))), ("y", .double(ExportLayout.number(layout.height - drawn.y))),
                            ("color", .string(drawn.fill.hex)), ("size", .double(ExportLayout.number(drawn.size)))]
            }
            return .object(members)
        }
        func edge(_ edge: ExportEdge) -> JSONValue {
            var members: [(String, JSONValue)] = [("source", .string(edge.source)), ("target", .string(edge.target))]
            if multigraph { members.append(("key", .string(edge.id))) }
            members += [("id", .string(edge.id)), ("type", .string(edge.kind)), ("weight", .double(edge.weight))]
            for attribute in graph.edgeAttributes {
                if let value = edge.values[attribute.key] { members.append((attribute.key, value.json)) }
            }
            if !edge.spells.isEmpty { members.append(("spells", spells(edge.spells))) }
            if let drawn = graph.layout?.edge(edge, directed: graph.directed) {
                members += [("color", .string(drawn.color.hex)), ("width", .double(ExportLayout.number(drawn.width)))]
            }
            return .object(members)
        }
        var json = JSONWriter(into: sink)
        json.beginObject()
        json.member("directed", bool: graph.directed)
        json.member("multigraph", bool: multigraph)
        json.key("graph")
        JSONValue.object([("name", .string(graph.name)), ("description", .string(graph.description))]).write(to: &json)
        json.key("nodes")
        json.beginArray()
        for item in graph.nodes { node(item).write(to: &json) }
        json.endArray()
        for key in ["links", "edges"] {
            json.key(key)
            json.beginArray()
            for item in graph.edges { edge(item).write(to: &json) }
            json.endArray()
        }
        json.endObject()
        sink.write("\n" as StaticString)
    }

    private func spells(_ spells: [ExportSpell]) -> JSONValue {
        .array(ExportSpell.merged(spells).map { .array([.string($0.start.iso), .string($0.end.iso)]) })
    }
}
