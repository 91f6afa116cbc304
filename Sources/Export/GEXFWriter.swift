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
        let nodes = graph.nodes, layout = graph.layout
        var nodeValues = ExportValues.Reader(graph.nodeAttributes), edgeValues = ExportValues.Reader(graph.edgeAttributes)
        for index in nodes.indices {
            let node = nodes[index]
            xml.open("node") { tag in
                tag.attribute("id", node.id)
                tag.attribute("label", node.label)
            }
            writeValues(node.values, reader: &nodeValues, declared: graph.nodeAttributes, into: &xml)
            let merged = ExportSpell.merged(node.spells)
            writeSpells(merged, into: &xml)
            if let drawn = layout?.node(at: index, id: node.id) {
                writeColor(drawn.fill, into: &xml)
                xml.empty("viz:position") { tag in
                    tag.attribute("x", .double(ExportLayout.number(drawn.x)))
                    tag.attribute("y", .double(ExportLayout.number(drawn.y)))
                    tag.attribute("z", "0.0")
                }
                xml.empty("viz:size") { $0.attribute("value", .double(ExportLayout.number(drawn.size / 2))) }
            }
            xml.close()
        }
        xml.close()

        xml.open("edges", [("count", String(graph.edges.count))])
        let kindAttribute = version == .v1_3
        for edge in graph.edges {
            xml.open("edge") { tag in
                tag.attribute("id", edge.id)
                tag.attribute("source", edge.source)
                tag.attribute("target", edge.target)
                tag.attribute("label", edge.kind)
                tag.attribute("weight", .double(edge.weight))
                if kindAttribute { tag.attribute("kind", edge.kind) }
            }
            // The spells joined once, for the dynamic weights and the spells both.
            let merged = ExportSpell.merged(edge.spells)
            // The edge's kind is its `type` value, declared first.
            writeValues(edge.values, reader: &edgeValues, declared: graph.edgeAttributes, type: edge.kind,
                        dynamic: dynamicWeight ? Self.lettersPerSpell(edge.spells, merged: merged) : [], into: &xml)
            writeSpells(merged, into: &xml)
            if let drawn = layout?.edge(edge, directed: graph.directed) {
                writeColor(drawn.color, into: &xml)
                xml.empty("viz:thickness") { $0.attribute("value", .double(ExportLayout.number(drawn.width))) }
            }
            xml.close()
        }
        xml.close()
        xml.end()
    }

    /// The `attvalues` of an element: its `type` when given (an edge's kind, declared first),
    /// then each of the `declared` attributes it has a value for (read by `reader`, made for
    /// `declared`), then the dynamic weights.
    private func writeValues(_ values: ExportValues, reader: inout ExportValues.Reader, declared: [ExportAttribute], type: String? = nil,
                             dynamic weights: [(spell: ExportSpell, letters: Int)] = [], into xml: inout XMLMarkup) {
        var opened = false
        if let type {
            xml.open("attvalues")
            opened = true
            xml.empty("attvalue") { tag in
                tag.attribute("for", "type")
                tag.attribute("value", type)
            }
        }
        reader.forEach(values) { attribute, value in
            if !opened { xml.open("attvalues"); opened = true }
            xml.empty("attvalue") { tag in
                tag.attribute("for", declared[attribute].key)
                tag.attribute("value", value)
            }
        }
        for (spell, letters) in weights {
            if !opened { xml.open("attvalues"); opened = true }
            xml.empty("attvalue") { tag in
                tag.attribute("for", "weight")
                tag.attribute("value", .double(Double(letters)))
                tag.attribute("start", iso: spell.start)
                tag.attribute("end", iso: spell.end)
            }
        }
        if opened { xml.close() }
    }

    /// The joined spells of an edge, each with the number of letters (raw spells) inside it.
    /// - Complexity: O(n log n) in the edge's letters.
    static func lettersPerSpell(_ spells: [ExportSpell]) -> [(spell: ExportSpell, letters: Int)] {
        lettersPerSpell(spells, merged: ExportSpell.merged(spells))
    }

    /// `lettersPerSpell` when the joined spells (`ExportSpell.merged(spells)`) are at hand.
    /// - Complexity: O(n log n) in the edge's letters.
    static func lettersPerSpell(_ spells: [ExportSpell], merged: [ExportSpell]) -> [(spell: ExportSpell, letters: Int)] {
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

    /// `viz:color` with the colour's components.
    private func writeColor(_ color: ExportLayout.Color, into xml: inout XMLMarkup) {
        xml.empty("viz:color") { tag in
            tag.attribute("r", .int(color.red))
            tag.attribute("g", .int(color.green))
            tag.attribute("b", .int(color.blue))
        }
    }

    /// The `spells` of an element, already joined (`ExportSpell.merged`).
    private func writeSpells(_ merged: [ExportSpell], into xml: inout XMLMarkup) {
        guard !merged.isEmpty else { return }
        xml.open("spells")
        for spell in merged {
            xml.empty("spell") { tag in
                tag.attribute("start", iso: spell.start)
                tag.attribute("end", iso: spell.end)
            }
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
