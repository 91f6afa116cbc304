/// Writes an `ExportGraph` as Cytoscape.js JSON (`elements.nodes` / `elements.edges`, each a
/// `data` object), which Cytoscape.js loads directly and Cytoscape desktop imports as `.cyjs`.
public struct CytoscapeWriter: Sendable {
    public init() {}

    public func write(_ graph: ExportGraph) -> String {
        let nodes: [JSONValue] = graph.nodes.map { node in
            var data: [(String, JSONValue)] = [("id", .string(node.id)), ("label", .string(node.label))]
            for attribute in graph.nodeAttributes {
                if let value = node.values[attribute.key] { data.append((attribute.key, value.json)) }
            }
            return .object([("data", .object(data))])
        }
        let edges: [JSONValue] = graph.edges.map { edge in
            var data: [(String, JSONValue)] = [
                ("id", .string(edge.id)), ("source", .string(edge.source)), ("target", .string(edge.target)),
                ("interaction", .string(edge.kind)), ("weight", .double(edge.weight)),
            ]
            for attribute in graph.edgeAttributes {
                if let value = edge.values[attribute.key] { data.append((attribute.key, value.json)) }
            }
            return .object([("data", .object(data))])
        }
        let document = JSONValue.object([
            ("format_version", .string("1.0")),
            ("generated_by", .string("Epistolary")),
            ("target_cytoscapejs_version", .string("~3")),
            ("data", .object([("name", .string(graph.name)), ("description", .string(graph.description)),
                              ("directed", .bool(graph.directed))])),
            ("elements", .object([("nodes", .array(nodes)), ("edges", .array(edges))])),
        ])
        return document.serialized() + "\n"
    }
}
