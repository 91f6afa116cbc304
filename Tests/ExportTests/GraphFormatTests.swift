import Correspondence
@testable import Export
import Foundation
import Testing

/// GraphML, GEXF and the JSON graph formats: valid against their schemas, read back by
/// NetworkX with the same nodes, edges and values, hostile names intact.
@Suite struct GraphFormatTests {
    let corpus = ExportFixtures.hostileCorpus()
    var graph: ExportGraph { ExportFixtures.correspondentGraph(corpus) }

    @Test func graphMLIsValidAgainstTheSchema() throws {
        let path = try ExternalTool.temporaryFile(GraphMLWriter().write(graph), name: "graph.graphml")
        let result = try ExternalTool.xmllint(path, schema: "graphml/graphml.xsd")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func graphMLReadsBackInNetworkX() throws {
        try #require(ExternalTool.hasNetworkX, "python3 with networkx is required")
        let path = try ExternalTool.temporaryFile(GraphMLWriter().write(graph), name: "graph.graphml")
        let script = """
        import sys, json, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        labels = sorted(d['label'] for _, d in g.nodes(data=True))
        ids = sorted(d.get('node_id', n) for n, d in g.nodes(data=True))
        e = [d for _, _, d in g.edges(data=True)]
        print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
          "labels": labels, "ids": ids, "count_types": sorted({type(d['count']).__name__ for d in e}),
          "firsts": sorted(d['first'] for d in e), "weights": sorted(d['weight'] for d in e)}, ensure_ascii=False))
        """
        let result = try ExternalTool.python(script, path)
        try #require(result.status == 0, "\(result.output)")
        let read = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
        #expect(read["directed"] as? Bool == true)
        #expect(read["nodes"] as? Int == graph.nodes.count)
        #expect(read["edges"] as? Int == graph.edges.count)
        #expect(read["labels"] as? [String] == graph.nodes.map(\.label).sorted())
        #expect(read["ids"] as? [String] == graph.nodes.map(\.id).sorted())
        #expect(read["count_types"] as? [String] == ["int"])
        #expect(read["firsts"] as? [String] == graph.edges.compactMap { $0.values["first"]?.text }.sorted())
        #expect(read["weights"] as? [Double] == graph.edges.map(\.weight).sorted())
    }

    @Test(arguments: [GEXFWriter.Version.v1_3, .v1_2draft])
    func gexfIsValidAgainstTheSchema(version: GEXFWriter.Version) throws {
        let text = GEXFWriter(version: version).write(graph)
        #expect(text.contains("mode=\"dynamic\""))
        #expect(text.contains("timeformat=\"date\""))
        #expect(!text.contains("timestamp"))
        #expect(!text.contains("schemaLocation"))
        let path = try ExternalTool.temporaryFile(text, name: "graph.gexf")
        let schema = version == .v1_3 ? "gexf-1.3/gexf.rng" : "gexf-1.2draft/gexf.xsd"
        let result = try ExternalTool.xmllint(path, schema: schema)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(arguments: [GEXFWriter.Version.v1_3, .v1_2draft])
    func gexfReadsBackInNetworkX(version: GEXFWriter.Version) throws {
        try #require(ExternalTool.hasNetworkX, "python3 with networkx is required")
        let path = try ExternalTool.temporaryFile(GEXFWriter(version: version).write(graph), name: "graph.gexf")
        let script = """
        import sys, json, networkx as nx
        g = nx.read_gexf(sys.argv[1], version="\(version == .v1_3 ? "1.3" : "1.2draft")")
        e = [d for _, _, d in g.edges(data=True)]
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
          "ids": sorted(g.nodes()), "labels": sorted(d['label'] for _, d in g.nodes(data=True)),
          "spells": sorted(len(d.get('spells', [])) for d in e), "counts": sorted(d['count'] for d in e)}, ensure_ascii=False))
        """
        let result = try ExternalTool.python(script, path)
        try #require(result.status == 0, "\(result.output)")
        let read = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
        #expect(read["nodes"] as? Int == graph.nodes.count)
        #expect(read["edges"] as? Int == graph.edges.count)
        #expect(read["ids"] as? [String] == graph.nodes.map(\.id).sorted())
        #expect(read["labels"] as? [String] == graph.nodes.map(\.label).sorted())
        #expect(read["counts"] as? [Int] == graph.edges.compactMap { if case .int(let c)? = $0.values["count"] { c } else { nil } }.sorted())
        #expect(read["spells"] as? [Int] == graph.edges.map { ExportSpell.merged($0.spells).count }.sorted())
    }

    @Test func gexfWritesOneSpellPerMessageWithItsBounds() {
        let text = GEXFWriter().write(graph)
        // The ranged message (29 July to 6 August) keeps both bounds.
        #expect(text.contains("<spell start=\"1942-07-29\" end=\"1942-08-06\"/>"))
        // The month-precise message spans its month.
        #expect(text.contains("<spell start=\"1942-07-01\" end=\"1942-07-31\"/>"))
        // Two messages on the same day join into one spell instead of overlapping.
        #expect(text.components(separatedBy: "<spell start=\"1942-08-10\" end=\"1942-08-10\"/>").count == 2)
    }

    @Test func overlappingSpellsJoinAndConsecutiveDaysStayApart() {
        let spells = [ExportSpell(start: ExportFixtures.day("1942-07-20"), end: ExportFixtures.day("1942-07-25")),
                      ExportSpell(start: ExportFixtures.day("1942-07-18"), end: ExportFixtures.day("1942-07-18")),
                      ExportSpell(start: ExportFixtures.day("1942-07-19"), end: ExportFixtures.day("1942-07-19")),
                      ExportSpell(start: ExportFixtures.day("1942-07-24"), end: ExportFixtures.day("1942-07-28")),
                      ExportSpell(start: ExportFixtures.day("1942-07-18"), end: ExportFixtures.day("1942-07-18"))]
        #expect(ExportSpell.merged(spells).map { "\($0.start.iso)/\($0.end.iso)" }
                == ["1942-07-18/1942-07-18", "1942-07-19/1942-07-19", "1942-07-20/1942-07-28"])
    }

    @Test func nodeLinkReadsBackInNetworkX() throws {
        try #require(ExternalTool.hasNetworkX, "python3 with networkx is required")
        let path = try ExternalTool.temporaryFile(NodeLinkWriter().write(graph), name: "graph.json")
        let script = """
        import sys, json, networkx as nx
        g = nx.node_link_graph(json.load(open(sys.argv[1], encoding='utf-8')), edges="edges")
        print(json.dumps({"directed": g.is_directed(), "multi": g.is_multigraph(), "nodes": g.number_of_nodes(),
          "edges": g.number_of_edges(), "ids": sorted(g.nodes()),
          "labels": sorted(d['label'] for _, d in g.nodes(data=True))}, ensure_ascii=False))
        """
        let result = try ExternalTool.python(script, path)
        try #require(result.status == 0, "\(result.output)")
        let read = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
        #expect(read["directed"] as? Bool == true)
        #expect(read["multi"] as? Bool == false)
        #expect(read["nodes"] as? Int == graph.nodes.count)
        #expect(read["edges"] as? Int == graph.edges.count)
        #expect(read["ids"] as? [String] == graph.nodes.map(\.id).sorted())
        #expect(read["labels"] as? [String] == graph.nodes.map(\.label).sorted())
    }

    @Test func nodeLinkMarksParallelEdgesAsAMultigraph() throws {
        var parallel = graph
        parallel.edges.append(ExportEdge(id: "extra", source: parallel.edges[0].source, target: parallel.edges[0].target,
                                         kind: "answers", weight: 1))
        let json = try JSONSerialization.jsonObject(with: Data(NodeLinkWriter().write(parallel).utf8)) as? [String: Any]
        #expect(json?["multigraph"] as? Bool == true)
        let edges = json?["edges"] as? [[String: Any]] ?? []
        #expect(edges.allSatisfy { $0["key"] is String })
    }

    @Test func cytoscapeJSONHoldsEveryElement() throws {
        let text = CytoscapeWriter().write(graph)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let elements = json?["elements"] as? [String: Any]
        let nodes = (elements?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["data"] as? [String: Any] }
        let edges = (elements?["edges"] as? [[String: Any]] ?? []).compactMap { $0["data"] as? [String: Any] }
        #expect(nodes.count == graph.nodes.count)
        #expect(edges.count == graph.edges.count)
        #expect(Set(nodes.compactMap { $0["label"] as? String }) == Set(graph.nodes.map(\.label)))
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        #expect(edges.allSatisfy { ids.contains($0["source"] as? String ?? "") && ids.contains($0["target"] as? String ?? "") })
    }

    @Test func graphMLEscapesIdsThatAreNotNameTokens() {
        let tokens = XMLMarkup.uniqueNameTokens(["Stalin", "O'Brien & <Sons>", "O_x0027_Brien"])
        #expect(tokens["Stalin"] == "Stalin")
        #expect(tokens["O'Brien & <Sons>"] == "O_x0027_Brien_x0020__x0026__x0020__x003C_Sons_x003E_")
        #expect(Set(tokens.values).count == 3)
        #expect(XMLMarkup.nameToken("Молотов") == "Молотов")
    }
}
