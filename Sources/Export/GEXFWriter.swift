import Correspondence

/// Writes an `ExportGraph` as GEXF for Gephi: 1.2draft by default (valid against its XSD, and
/// the version every NetworkX reads: NetworkX before 3.4 has no 1.3 reader), 1.3 on request
/// (valid against the 1.3 RELAX NG schema).
///
/// A graph with dated elements is written in dynamic mode with `timeformat="date"` and
/// intervals throughout (GEXF cannot mix timestamps and intervals, and uncertain dates are
/// ranges): each message becomes a `<spell start=notBefore end=notAfter>` of its edge, so
/// Gephi's timeline replays the correspondence. When the edges' spells are letters
/// (`ExportGraph.spellsAreLetters`), the edge also has a dynamic `weight`: one value per
/// joined spell, the number of letters in it, so parallel letters (two on one day) count
/// twice and Gephi's weight follows time. The static `weight` stays the total.
///
/// With a layout (`ExportGraph.layout`), each node carries `viz:position`, `viz:color` and
/// `viz:size` and each edge `viz:color` and `viz:thickness`, so Gephi opens the figure's
/// drawing (y grows upwards in both Graphviz and Gephi).
public struct GEXFWriter: Sendable {
    public enum Version: String, Sendable, CaseIterable {
        case v1_3 = "1.3"
        case v1_2draft = "1.2"
    }

    public var version: Version

    public init(version: Version = .v1_2draft) {
        self.version = version
    }

    /// The document as text (`write(_:to:)` into memory).
    public func write(_ graph: ExportGraph) -> String {
        ByteSink.text { write(graph, to: $0) }
    }

    /// Writes the document into `sink` as it goes.
    /// - Complexity: O(nodes + edges) times their attributes, plus O(s log s) in each element's spells.
    public func write(_ graph: ExportGraph, to sink: ByteSink) {
        var xml = XMLMarkup(into: sink)
        switch version {
        case .v1_3:
            xml.open("gexf", [("xmlns", "http://gexf.net/1.3")]
                     + (graph.layout == nil ? [] : [("xmlns:viz", "http://gexf.net/1.3/viz")]) + [("version", "1.3")])
        case .v1_2draft:
            xml.open("gexf", [("xmlns", "http://www.gexf.net/1.2draft")]
                     + (graph.layout == nil ? [] : [("xmlns:viz", "http://www.gexf.net/1.2draft/viz")]) + [("version", "1.2")])
        }
        xml.open("meta")
        xml.element("creator", text: "Epistolary")
        xml.element("description", text: graph.description)
        xml.close()

        var graphAttributes: [XMLMarkup.Attribute] = []
        let dynamic = graph.isDynamic
        graphAttributes.append(("mode", dynamic ? "dynamic" : "static"))
        graphAttributes.append(("defaultedgetype", graph.directed ? "directed" : "undirected"))
        if dynamic {
            graphAttributes.append(("timeformat", "date"))
            if version == .v1_3 { graphAttributes.append(("timerepresentation", "interval")) }
            if let bounds = graph.timeBounds {
                graphAttributes.append(("start", bounds.start.iso))
                graphAttributes.append(("end", bounds.end.iso))
            }
        }
        xml.open("graph", graphAttributes)

        xml.open("attributes", [("class", "node"), ("mode", "static")])
        for attribute in graph.nodeAttributes {
            xml.empty("attribute", [("id", attribute.key), ("title", attribute.title), ("type", typeName(attribute.type))])
        }
        xml.close()
        xml.open("attributes", [("class", "edge"), ("mode", "static")])
        xml.empty("attribute", [("id", "type"), ("title", "type"), ("type", "string")])
        for attribute in graph.edgeAttributes {
            xml.empty("attribute", [("id", attribute.key), ("title", attribute.title), ("type", typeName(attribute.type))])
        }
        xml.close()
        let dynamicWeight = dynamic && graph.spellsAreLetters
        if dynamicWeight {
            xml.open("attributes", [("class", "edge"), ("mode", "dynamic")])
            xml.empty("attribute", [("id", "weight"), ("title", "weight"), ("type", "double")])
            xml.close()
        }

        xml.open("nodes", [("count", String(graph.nodes.count))])
        for node in graph.nodes {
            xml.open("node", [("id", node.id), ("label", node.label)])
            writeValues(node.values, declared: graph.nodeAttributes, into: &xml)
            writeSpells(node.spells, into: &xml)
            if let drawn = graph.layout?.nodes[node.id] {
                xml.empty("viz:color", Self.color(drawn.fill))
                xml.empty("viz:position", [("x", Self.number(drawn.x)), ("y", Self.number(drawn.y)), ("z", "0.0")])
                xml.empty("viz:size", [("value", Self.number(drawn.size / 2))])
            }
            xml.close()
        }
        xml.close()

        let edgeDeclared = [ExportAttribute("type", .string)] + graph.edgeAttributes
        xml.open("edges", [("count", String(graph.edges.count))])
        for edge in graph.edges {
            var attributes: [XMLMarkup.Attribute] = [("id", edge.id), ("source", edge.source), ("target", edge.target),
                                                     ("label", edge.kind), ("weight", ExportValue.double(edge.weight).text)]
            if version == .v1_3 { attributes.append(("kind", edge.kind)) }
            xml.open("edge", attributes)
            // The edge's kind is its `type` value, declared first.
            writeValues(edge.values, declared: edgeDeclared, type: edge.kind,
                        dynamic: dynamicWeight ? Self.lettersPerSpell(edge.spells) : [], into: &xml)
            writeSpells(edge.spells, into: &xml)
            if let drawn = graph.layout?.edge(edge, directed: graph.directed) {
                xml.empty("viz:color", Self.color(drawn.color))
                xml.empty("viz:thickness", [("value", Self.number(drawn.width))])
            }
            xml.close()
        }
        xml.close()
        xml.end()
    }

    /// The `attvalues` of an element: each declared attribute it has a value for (`type`, when
    /// given, is the value of the attribute of that key), then the dynamic weights.
    private func writeValues(_ values: ExportValues, declared: [ExportAttribute], type: String? = nil,
                             dynamic weights: [(spell: ExportSpell, letters: Int)] = [], into xml: inout XMLMarkup) {
        var opened = false
        for attribute in declared {
            let text: String
            if let type, attribute.key == "type" {
                text = type
            } else if let value = values[attribute.key] {
                text = value.text
            } else {
                continue
            }
            if !opened { xml.open("attvalues"); opened = true }
            xml.empty("attvalue", [("for", attribute.key), ("value", text)])
        }
        for (spell, letters) in weights {
            if !opened { xml.open("attvalues"); opened = true }
            xml.empty("attvalue", [("for", "weight"), ("value", ExportValue.double(Double(letters)).text),
                                   ("start", spell.start.iso), ("end", spell.end.iso)])
        }
        if opened { xml.close() }
    }

    /// The joined spells of an edge, each with the number of letters (raw spells) inside it.
    /// - Complexity: O(n log n) in the edge's letters.
    static func lettersPerSpell(_ spells: [ExportSpell]) -> [(spell: ExportSpell, letters: Int)] {
        let merged = ExportSpell.merged(spells)
        var counts = Array(repeating: 0, count: merged.count)
        for spell in spells {
            // The joined spell holding this one: the last that starts on or before it.
            var low = 0, high = merged.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if merged[middle].start <= spell.start { low = middle } else { high = middle - 1 }
            }
            if !merged.isEmpty { counts[low] += 1 }
        }
        return zip(merged, counts).map { (spell: $0, letters: $1) }
    }

    private static func color(_ color: ExportLayout.Color) -> [XMLMarkup.Attribute] {
        [("r", String(color.red)), ("g", String(color.green)), ("b", String(color.blue))]
    }

    private static func number(_ value: Double) -> String { ExportValue.double(ExportLayout.number(value)).text }

    private func writeSpells(_ spells: [ExportSpell], into xml: inout XMLMarkup) {
        let merged = ExportSpell.merged(spells)
        guard !merged.isEmpty else { return }
        xml.open("spells")
        for spell in merged {
            xml.empty("spell", [("start", spell.start.iso), ("end", spell.end.iso)])
        }
        xml.close()
    }

    private func typeName(_ type: ExportAttributeType) -> String {
        switch type {
        case .int: return "integer"
        case .double: return "double"
        case .bool: return "boolean"
        case .string, .date: return "string"
        }
    }
}
