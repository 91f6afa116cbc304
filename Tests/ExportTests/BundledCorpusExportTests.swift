import Analysis
import Correspondence
@testable import Export
import Foundation
import Testing

/// Every export of the bundled war telegrams, built from the real analysis: valid, read back
/// by NetworkX and by our own CMIF reader with the same content.
@Suite struct BundledCorpusExportTests {
    static let analysis: CorpusAnalysis? = {
        guard let corpus = try? CorpusLoader.load(path: nil), let lexicon = try? TopicLexicon.bundled() else { return nil }
        return CorpusAnalysis(corpus: corpus, lexicon: lexicon)
    }()

    func analysis() throws -> CorpusAnalysis {
        try #require(Self.analysis, "the bundled corpus and lexicon must load")
    }

    @Test func correspondentGraphCarriesEveryMessageAsASpell() throws {
        let analysis = try analysis()
        let graph = ExportGraphBuilder.graph(.correspondents, from: analysis)
        #expect(graph.nodes.map(\.id) == analysis.correspondents.nodes.map(\.id))
        #expect(graph.edges.count == analysis.correspondents.edges.count)
        for (edge, source) in zip(graph.edges, analysis.correspondents.edges) {
            #expect(edge.spells.count == source.count + source.inferredCount)
            #expect(edge.weight == Double(source.count + source.inferredCount))
            #expect(edge.values["count"] == .int(source.count))
        }
        let ranged = analysis.messages.filter { !$0.date.isExact && !$0.recipients.isEmpty }
        try #require(!ranged.isEmpty)
        let spells = Set(graph.edges.flatMap(\.spells))
        #expect(ranged.allSatisfy { ExportSpell($0.date).map(spells.contains) == true })
    }

    @Test func repliesGraphHoldsMessagesInferredMessagesAndLinks() throws {
        let analysis = try analysis()
        let graph = ExportGraphBuilder.graph(.replies, from: analysis)
        #expect(graph.nodes.count == analysis.messages.count + analysis.inferred.count)
        #expect(graph.edges.count == analysis.links.count)
        #expect(Set(graph.edges.map(\.kind)).isSubset(of: Set(ReplyLink.Kind.allCases.map(\.rawValue))))
        let ids = Set(graph.nodes.map(\.id))
        #expect(graph.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
        // The node values are made when read (`ExportValues.Source`): each is its message's own,
        // the same at every reading, and a value set on a node changes that node alone.
        for (node, message) in zip(graph.nodes, analysis.messages) {
            #expect(node.values["sender"] == .string(message.sender))
            #expect(node.values["recipients"] == .string(message.recipients.joined(separator: "; ")))
            #expect(node.values["first_line"] == .int(message.span.startLine))
            #expect(node.values["date"] == message.date.best.map { .date($0) })
            #expect(node.values["topics"] == .string((analysis.topics[message.id] ?? []).map(\.topic).joined(separator: "; ")))
            #expect(node.values["cited_by"] == nil)
        }
        let inferred = try #require(graph.nodes.dropFirst(analysis.messages.count).first)
        let cited = try #require(analysis.inferred.first)
        #expect(inferred.values["kind"] == .string("inferred") && inferred.values["sender"] == .string(cited.sender))
        #expect(inferred.values["cited_by"] == .string(cited.citedBy.joined(separator: "; ")))
        var changed = graph.nodes[0]
        changed.values["place"] = .string("elsewhere")
        #expect(changed.values["place"] == .string("elsewhere") && changed.values["sender"] == graph.nodes[0].values["sender"])
        #expect(graph.nodes[0].values["place"] != .string("elsewhere") && changed != graph.nodes[0])
        // Keys and values from one dictionary: two dictionaries of the same pairs need not list
        // them in the same order (Swift seeds each one's hashing apart), which made this flaky.
        let pairs = Array(changed.values.dictionary)
        #expect(ExportNode(id: changed.id, label: changed.label, values: ExportValues(keys: pairs.map(\.key), values: pairs.map(\.value)),
                           spells: changed.spells) == changed)
    }

    @Test(arguments: ExportGraphKind.allCases)
    func everyGraphIsValidAndReadsBackInNetworkX(kind: ExportGraphKind) throws {
        let graph = ExportGraphBuilder.graph(kind, from: try analysis())
        let graphML = try ExternalTool.temporaryFile(GraphMLWriter().write(graph), name: "g.graphml")
        let gexf = try ExternalTool.temporaryFile(GEXFWriter(version: .v1_3).write(graph), name: "g.gexf")
        let gexf12 = try ExternalTool.temporaryFile(GEXFWriter().write(graph), name: "g12.gexf")
        let nodeLink = try ExternalTool.temporaryFile(NodeLinkWriter().write(graph), name: "g.json")
        for (path, schema) in [(graphML, "graphml/graphml.xsd"), (gexf, "gexf-1.3/gexf.rng"), (gexf12, "gexf-1.2draft/gexf.xsd")] {
            let result = try ExternalTool.xmllint(path, schema: schema)
            #expect(result.status == 0, "\(schema): \(result.output)")
        }
        try #require(ExternalTool.hasNetworkX, "python3 with networkx is required")
        let script = """
        import sys, json, networkx as nx
        a, b, c, d = sys.argv[1].split('|')
        out = []
        for g in (nx.read_graphml(a), nx.read_gexf(b, version='1.3'), nx.read_gexf(c, version='1.2draft'),
                  nx.node_link_graph(json.load(open(d, encoding='utf-8')), edges='edges')):
            out.append([g.number_of_nodes(), g.number_of_edges(), g.is_directed()])
        print(json.dumps(out))
        """
        let result = try ExternalTool.python(script, [graphML, gexf, gexf12, nodeLink].joined(separator: "|"))
        try #require(result.status == 0, "\(result.output)")
        let counts = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[Any]] ?? []
        #expect(counts.count == 4)
        for row in counts {
            #expect(row[0] as? Int == graph.nodes.count)
            #expect(row[1] as? Int == graph.edges.count)
            #expect(row[2] as? Bool == graph.directed)
        }
    }

    @Test func cmifOfTheBundledCorpusIsValidAndReadsBackToTheSameCatalogue() throws {
        let analysis = try analysis()
        let text = CMIFWriter().write(corpus: analysis.corpus, context: CMIFWriter.Context.from(analysis))
        let path = try ExternalTool.temporaryFile(text, name: "cmif.xml")
        let lint = try ExternalTool.xmllint(path, schema: "cmif/cmi-customization.rng")
        #expect(lint.status == 0, "\(lint.output)")

        let described = CMIFWriter.describable(analysis.corpus)
        #expect(described.count == analysis.corpus.messages.filter { $0.kind == .message }.count)
        // Read back with an empty person table: nothing but the file itself.
        let read = try CMIFReader.read(data: Data(text.utf8), sourceName: "cmif.xml", people: PersonTable(people: []))
        try #require(read.messages.count == described.count)
        let byID = Dictionary(read.messages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let people = analysis.corpus.people
        for original in described {
            let back = try #require(byID[original.id], "\(original.id) missing after the round trip")
            #expect(read.people.name(of: back.sender) == people.name(of: original.sender), "\(original.id)")
            #expect(back.recipients.map { read.people.name(of: $0) } == original.recipients.map { people.name(of: $0) }, "\(original.id)")
            #expect(back.date.notBefore == original.date.notBefore, "\(original.id)")
            #expect(back.date.notAfter == original.date.notAfter, "\(original.id)")
            #expect(back.place == original.place, "\(original.id)")
        }
        // With the bundled table the person ids come back too.
        let withTable = try CMIFReader.read(data: Data(text.utf8), sourceName: "cmif.xml", people: people)
        let withTableByID = Dictionary(withTable.messages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for original in described {
            #expect(withTableByID[original.id]?.sender == original.sender, "\(original.id)")
            #expect(withTableByID[original.id]?.recipients == original.recipients, "\(original.id)")
        }
    }

    @Test func exportsOfTheSameCorpusAreByteIdentical() throws {
        let first = try analysis()
        guard let corpus = try? CorpusLoader.load(path: nil), let lexicon = try? TopicLexicon.bundled() else {
            Issue.record("the bundled corpus must load")
            return
        }
        let second = CorpusAnalysis(corpus: corpus, lexicon: lexicon)
        for format in ExportFormat.allCases {
            for kind in format.writesGraph ? ExportGraphKind.allCases : [.correspondents] {
                let exporter = Exporter(graphKind: kind)
                #expect(exporter.files(format, analysis: first).map(\.text) == exporter.files(format, analysis: second).map(\.text),
                        "\(format.rawValue) \(kind.rawValue)")
            }
        }
    }
}

/// The hostile inline corpus (markup characters, Polish and Russian names) through the real
/// analysis and every format of `Exporter`: valid, and the names come back intact.
@Suite struct HostileCorpusExportTests {
    @Test func everyFormatCarriesHostileNamesThrough() throws {
        let corpus = ExportFixtures.hostileCorpus()
        let analysis = CorpusAnalysis(corpus: corpus, lexicon: try TopicLexicon.bundled())
        let names = ["Joseph Stalin", "Stanisław Mikołajczyk", "Вячеслав Молотов", "Mr \"O'Brien\" & <Sons>"]
        let schemas: [ExportFormat: String] = [.graphml: "graphml/graphml.xsd", .gexf: "gexf-1.2draft/gexf.xsd",
                                               .cmif: "cmif/cmi-customization.rng"]
        for format in ExportFormat.allCases {
            for file in Exporter().files(format, analysis: analysis) {
                let path = try ExternalTool.temporaryFile(file.text, name: file.name.isEmpty ? "export.\(format.fileExtension)" : file.name)
                if let schema = schemas[format] {
                    let lint = try ExternalTool.xmllint(path, schema: schema)
                    #expect(lint.status == 0, "\(format.rawValue): \(lint.output)")
                }
                if format == .cytoscape || format == .nodeLink || format == .timelinejs {
                    #expect((try? JSONSerialization.jsonObject(with: Data(file.text.utf8))) != nil, "\(format.rawValue)")
                }
            }
        }
        try #require(ExternalTool.hasNetworkX, "python3 with networkx is required")
        let graphML = try ExternalTool.temporaryFile(Exporter().files(.graphml, analysis: analysis)[0].text, name: "g.graphml")
        let gexf = try ExternalTool.temporaryFile(Exporter().files(.gexf, analysis: analysis)[0].text, name: "g.gexf")
        let nodeLink = try ExternalTool.temporaryFile(Exporter().files(.nodeLink, analysis: analysis)[0].text, name: "g.json")
        let script = """
        import sys, json, networkx as nx
        a, b, c = sys.argv[1].split('|')
        out = [sorted(d['label'] for _, d in g.nodes(data=True)) for g in
               (nx.read_graphml(a), nx.read_gexf(b),
                nx.node_link_graph(json.load(open(c, encoding='utf-8')), edges='edges'))]
        print(json.dumps(out, ensure_ascii=False))
        """
        let result = try ExternalTool.python(script, [graphML, gexf, nodeLink].joined(separator: "|"))
        try #require(result.status == 0, "\(result.output)")
        let labels = try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
        #expect(labels.count == 3)
        for read in labels { #expect(read == names.sorted()) }
        let cmif = Exporter().files(.cmif, analysis: analysis)[0].text
        let back = try CMIFReader.read(data: Data(cmif.utf8), sourceName: "h.xml", people: PersonTable(people: []))
        #expect(Set(back.people.people.map(\.name)) == Set(names))
    }
}

/// Correspondents of the bundled corpus: present from their first letter to their last.
@Suite struct NodeSpellTests {
    @Test func correspondentsLiveFromFirstToLastLetter() throws {
        let analysis = try #require(BundledCorpusExportTests.analysis)
        let graph = ExportGraphBuilder.graph(.correspondents, from: analysis)
        for node in graph.nodes {
            let dates = analysis.messages.filter { $0.sender == node.id || $0.recipients.contains(node.id) }.map(\.date)
                + analysis.inferred.filter { $0.sender == node.id || $0.recipient == node.id }.map(\.date)
            try #require(node.spells.count == 1, "\(node.id)")
            #expect(node.spells[0].start == dates.compactMap(\.notBefore).min(), "\(node.id)")
            #expect(node.spells[0].end == dates.compactMap(\.notAfter).max(), "\(node.id)")
        }
    }
}
