/// Writes an `ExportGraph` as GEXF for Gephi: 1.3 by default (valid against the 1.3 RELAX NG
/// schema), 1.2draft on request (valid against its XSD).
///
/// A graph with dated elements is written in dynamic mode with `timeformat="date"` and
/// intervals throughout (GEXF cannot mix timestamps and intervals, and uncertain dates are
/// ranges): each message becomes a `<spell start=notBefore end=notAfter>` of its edge, so
/// Gephi's timeline replays the correspondence.
public struct GEXFWriter: Sendable {
    public enum Version: String, Sendable, CaseIterable {
        case v1_3 = "1.3"
        case v1_2draft = "1.2"
    }

    public var version: Version

    public init(version: Version = .v1_3) {
        self.version = version
    }

    public func write(_ graph: ExportGraph) -> String {
        var xml = XMLMarkup()
        switch version {
        case .v1_3:
            xml.open("gexf", [("xmlns", "http://gexf.net/1.3"), ("version", "1.3")])
        case .v1_2draft:
            xml.open("gexf", [("xmlns", "http://www.gexf.net/1.2draft"), ("version", "1.2")])
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

        xml.open("nodes", [("count", String(graph.nodes.count))])
        for node in graph.nodes {
            xml.open("node", [("id", node.id), ("label", node.label)])
            writeValues(node.values, declared: graph.nodeAttributes, into: &xml)
            writeSpells(node.spells, into: &xml)
            xml.close()
        }
        xml.close()

        xml.open("edges", [("count", String(graph.edges.count))])
        for edge in graph.edges {
            var attributes: [XMLMarkup.Attribute] = [("id", edge.id), ("source", edge.source), ("target", edge.target),
                                                     ("label", edge.kind), ("weight", ExportValue.double(edge.weight).text)]
            if version == .v1_3 { attributes.append(("kind", edge.kind)) }
            xml.open("edge", attributes)
            var values = edge.values
            values["type"] = .string(edge.kind)
            writeValues(values, declared: [ExportAttribute("type", .string)] + graph.edgeAttributes, into: &xml)
            writeSpells(edge.spells, into: &xml)
            xml.close()
        }
        xml.close()
        return xml.finish()
    }

    private func writeValues(_ values: [String: ExportValue], declared: [ExportAttribute], into xml: inout XMLMarkup) {
        let present = declared.filter { values[$0.key] != nil }
        guard !present.isEmpty else { return }
        xml.open("attvalues")
        for attribute in present {
            if let value = values[attribute.key] {
                xml.empty("attvalue", [("for", attribute.key), ("value", value.text)])
            }
        }
        xml.close()
    }

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
