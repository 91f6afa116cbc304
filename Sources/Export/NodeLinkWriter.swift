/// Writes an `ExportGraph` as NetworkX node-link JSON (`nx.node_link_graph(data,
/// edges="edges")`): `directed`, `multigraph` (true when two edges join the same pair, each
/// edge then carrying a `key`), `graph`, `nodes`, `edges`. Dated elements keep their spells
/// as `[start, end]` pairs.
public struct NodeLinkWriter: Sendable {
    public init() {}

    public func write(_ graph: ExportGraph) -> String {
        let multigraph = graph.hasParallelEdges
        let nodes: [JSONValue] = graph.nodes.map { node in
            var members: [(String, JSONValue)] = [("id", .string(node.id)), ("label", .string(node.label))]
            for attribute in graph.nodeAttributes {
                if let value = node.values[attribute.key] { members.append((attribute.key, value.json)) }
            }
            if !node.spells.isEmpty { members.append(("spells", spells(node.spells))) }
            return .object(members)
        }
        let edges: [JSONValue] = graph.edges.map { edge in
            var members: [(String, JSONValue)] = [("source", .string(edge.source)), ("target", .string(edge.target))]
            if multigraph { members.append(("key", .string(edge.id))) }
            members += [("id", .string(edge.id)), ("type", .string(edge.kind)), ("weight", .double(edge.weight))]
            for attribute in graph.edgeAttributes {
                if let value = edge.values[attribute.key] { members.append((attribute.key, value.json)) }
            }
            if !edge.spells.isEmpty { members.append(("spells", spells(edge.spells))) }
            return .object(members)
        }
        let document = JSONValue.object([
            ("directed", .bool(graph.directed)),
            ("multigraph", .bool(multigraph)),
            ("graph", .object([("name", .string(graph.name)), ("description", .string(graph.description))])),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
        ])
        return document.serialized() + "\n"
    }

    private func spells(_ spells: [ExportSpell]) -> JSONValue {
        .array(ExportSpell.merged(spells).map { .array([.string($0.start.iso), .string($0.end.iso)]) })
    }
}
