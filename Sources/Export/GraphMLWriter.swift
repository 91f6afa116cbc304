import Correspondence

/// Writes an `ExportGraph` as GraphML 1.0 with typed keys (counts as `int`, weights as
/// `double`, dates as ISO strings), valid against the GraphML XSD and read by NetworkX,
/// Gephi, yEd and Cytoscape.
///
/// GraphML ids must be XML name tokens; an id that is not (a name with a space or `&`) is
/// written with its offending characters escaped as `_xHHHH_`, and the original id is kept
/// in the `node_id` key so that nothing is lost.
///
/// With a layout (`ExportGraph.layout`), nodes carry the keys Gephi's GraphML import reads as
/// position, size and colour (`x`, `y`, `size`, `r`, `g`, `b`), plus `color` as `#rrggbb`
/// and the shape's `width` and `height`; edges carry `r`, `g`, `b`, `color` and `width`.
/// Positions keep Graphviz's upward y, as Gephi does.
public struct GraphMLWriter: Sendable {
    public init() {}

    /// The document as text (`write(_:to:)` into memory).
    public func write(_ graph: ExportGraph) -> String {
        ByteSink.text { write(graph, to: $0) }
    }

    /// Writes the document into `sink` as it goes.
    /// - Complexity: O(nodes + edges) times their attributes, plus O(n log n) to name the ids.
    public func write(_ graph: ExportGraph, to sink: ByteSink) {
        var xml = XMLMarkup(into: sink)
        xml.open("graphml", [
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ])
        xml.comment(graph.description)

        // Ids that are name tokens already (the usual case) are written as they are, without a table.
        // (Ids are read alone: a graph whose nodes are made when read does not make them for this.)
        let nodes = graph.nodes, edges = graph.edges
        let nodeIDs = nodes.indices.allSatisfy({ XMLMarkup.isASCIINameToken(nodes.id(at: $0)) }) ? [:]
            : XMLMarkup.uniqueNameTokens(nodes.indices.map { nodes.id(at: $0) })
        let edgeIDs = edges.indices.allSatisfy({ XMLMarkup.isASCIINameToken(edges.id(at: $0)) }) ? [:]
            : XMLMarkup.uniqueNameTokens(edges.indices.map { edges.id(at: $0) })
        let anyRenamed = !nodeIDs.isEmpty && nodes.indices.contains { nodeIDs[nodes.id(at: $0)] != nodes.id(at: $0) }

        xml.empty("key", [("id", "label"), ("for", "node"), ("attr.name", "label"), ("attr.type", "string")])
        if anyRenamed {
            xml.empty("key", [("id", "node_id"), ("for", "node"), ("attr.name", "node_id"), ("attr.type", "string")])
        }
        for attribute in graph.nodeAttributes {
            xml.empty("key", [("id", "n_" + attribute.key), ("for", "node"), ("attr.name", attribute.key),
                              ("attr.type", Self.typeName(attribute.type))])
        }
        let layout = graph.layout
        if layout != nil {
            for (name, type) in Self.nodeDrawingKeys {
                xml.empty("key", [("id", "v_" + name), ("for", "node"), ("attr.name", name), ("attr.type", type)])
            }
            xml.empty("key", [("id", "v_in_figure"), ("for", "node"), ("attr.name", "in_figure"), ("attr.type", "boolean")])
            for (name, type) in Self.edgeDrawingKeys {
                xml.empty("key", [("id", "ve_" + name), ("for", "edge"), ("attr.name", name), ("attr.type", type)])
            }
        }
        xml.empty("key", [("id", "type"), ("for", "edge"), ("attr.name", "type"), ("attr.type", "string")])
        xml.empty("key", [("id", "weight"), ("for", "edge"), ("attr.name", "weight"), ("attr.type", "double")])
        for attribute in graph.edgeAttributes {
            xml.empty("key", [("id", "e_" + attribute.key), ("for", "edge"), ("attr.name", attribute.key),
                              ("attr.type", Self.typeName(attribute.type))])
        }

        xml.open("graph", [("id", XMLMarkup.nameToken(graph.name)), ("edgedefault", graph.directed ? "directed" : "undirected")])
        let nodeKeys = graph.nodeAttributes.map { "n_" + $0.key }, edgeKeys = graph.edgeAttributes.map { "e_" + $0.key }
        let nodeDrawingKeys = Self.nodeDrawingKeys.map { "v_" + $0.0 }, edgeDrawingKeys = Self.edgeDrawingKeys.map { "ve_" + $0.0 }
        /// The id a node is written with: its name token (`nodeIDs` when some needed renaming).
        func nodeID(_ id: String) -> String { nodeIDs.isEmpty ? XMLMarkup.nameToken(id) : nodeIDs[id] ?? XMLMarkup.nameToken(id) }
        var nodeValues = ExportValues.Reader(graph.nodeAttributes), edgeValues = ExportValues.Reader(graph.edgeAttributes)
        for index in nodes.indices {
            let node = nodes[index]
            let id = nodeIDs.isEmpty ? node.id : nodeIDs[node.id] ?? node.id
            xml.open("node") { $0.attribute("id", id) }
            xml.element("data", "key", "label", text: node.label)
            if anyRenamed && id != node.id { xml.element("data", "key", "node_id", text: node.id) }
            nodeValues.forEach(node.values) { attribute, value in
                xml.element("data", "key", nodeKeys[attribute], content: value)
            }
            if let drawn = layout?.node(at: index, id: node.id) {
                // In `nodeDrawingKeys` order, each written as it is read (no list, no colour text).
                xml.element("data", "key", nodeDrawingKeys[0], content: .double(ExportLayout.number(drawn.x)))
                xml.element("data", "key", nodeDrawingKeys[1], content: .double(ExportLayout.number(drawn.y)))
                xml.element("data", "key", nodeDrawingKeys[2], content: .double(ExportLayout.number(drawn.size)))
                xml.element("data", "key", nodeDrawingKeys[3], content: .int(drawn.fill.red))
                xml.element("data", "key", nodeDrawingKeys[4], content: .int(drawn.fill.green))
                xml.element("data", "key", nodeDrawingKeys[5], content: .int(drawn.fill.blue))
                xml.element("data", "key", nodeDrawingKeys[6], hex: drawn.fill)
                xml.element("data", "key", nodeDrawingKeys[7], content: .double(ExportLayout.number(drawn.width)))
                xml.element("data", "key", nodeDrawingKeys[8], content: .double(ExportLayout.number(drawn.height)))
                xml.element("data", "key", "v_in_figure", content: .bool(drawn.inFigure))
            }
            xml.close()
        }
        for edge in edges {
            let id = edgeIDs.isEmpty ? edge.id : edgeIDs[edge.id] ?? edge.id
            xml.open("edge") { tag in
                tag.attribute("id", id)
                tag.attribute("source", nodeID(edge.source))
                tag.attribute("target", nodeID(edge.target))
            }
            xml.element("data", "key", "type", text: edge.kind)
            xml.element("data", "key", "weight", content: .double(edge.weight))
            edgeValues.forEach(edge.values) { attribute, value in
                xml.element("data", "key", edgeKeys[attribute], content: value)
            }
            if let drawn = layout?.edge(edge, directed: graph.directed) {
                xml.element("data", "key", edgeDrawingKeys[0], content: .int(drawn.color.red))
                xml.element("data", "key", edgeDrawingKeys[1], content: .int(drawn.color.green))
                xml.element("data", "key", edgeDrawingKeys[2], content: .int(drawn.color.blue))
                xml.element("data", "key", edgeDrawingKeys[3], hex: drawn.color)
                xml.element("data", "key", edgeDrawingKeys[4], content: .double(ExportLayout.number(drawn.width)))
            }
            xml.close()
        }
        xml.close()
        xml.end()
    }

    /// The drawing keys of a node, in the order written: Gephi reads x, y, size, r, g, b.
    static let nodeDrawingKeys = [("x", "float"), ("y", "float"), ("size", "float"), ("r", "int"), ("g", "int"), ("b", "int"),
                                  ("color", "string"), ("width", "float"), ("height", "float")]
    static let edgeDrawingKeys = [("r", "int"), ("g", "int"), ("b", "int"), ("color", "string"), ("width", "float")]

    static func typeName(_ type: ExportAttributeType) -> String {
        switch type {
        case .int: return "int"
        case .double: return "double"
        case .bool: return "boolean"
        case .string, .date: return "string"
        }
    }
}
