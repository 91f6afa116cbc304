import Analysis
import Correspondence
@testable import Export
import Foundation
import Testing

/// The replies graph makes its nodes and edges when a writer reads them (`ExportElements`);
/// these tests hold it to the graph as it was built before, element by element, and to the
/// same bytes in every format, held or made, with its layout by position or by id.
@Suite struct MadeOnDemandGraphTests {
    /// A generated corpus with what the replies graph must carry: answers citing a letter of
    /// their addressee's (inferred letters and links), fragments, undated letters, dates open on
    /// one side, ranges, several addressees, and a writer missing from the table of people.
    static let generated: CorpusAnalysis = {
        let people = (0..<12).map { Person(id: "p\($0)", name: "Writer \($0) & <Co>", role: "", aliases: []) }
        var messages: [Message] = []
        let start = Day(year: 1810, month: 3, day: 1)!
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for i in 0..<600 {
            let from = next() % 13, to = (from + 1 + next() % 11) % 12
            let day = Day(ordinal: start.ordinal + next() % 900)
            let date: HistoricalDate
            switch i % 9 {
            case 0: date = .undated(raw: "s.d.")
            case 1: date = HistoricalDate(bounds: day, nil, precision: .range, evidence: .given)
            case 2: date = HistoricalDate(bounds: nil, day, precision: .range, evidence: .given)
            case 3: date = HistoricalDate(notBefore: day, notAfter: day.adding(days: 20), precision: .range, evidence: .given)
            default: date = HistoricalDate(exactly: day, evidence: .given)
            }
            var references: [Reference] = []
            if i % 3 == 0 {
                references.append(Reference(phrase: "your letter of \(day.adding(days: -(next() % 40)).iso)", whose: .yours,
                                            relation: .of, date: day.adding(days: -(next() % 40)), line: i + 2))
            }
            if i % 5 == 0 {
                references.append(Reference(phrase: "my letter of \(day.adding(days: -3).iso)", whose: .mine, relation: .of,
                                            date: day.adding(days: -3), line: i + 2))
            }
            messages.append(Message(id: "m\(i)", kind: i % 17 == 5 ? .fragment : .message, sender: "p\(from)",
                                    recipients: i % 7 == 0 ? ["p\(to)", "p\((to + 1) % 12)"] : ["p\(to)"],
                                    sentOn: date.best, dated: date.best, date: date, place: i % 4 == 0 ? "Place \(i % 3)" : nil,
                                    classification: i % 2 == 0 ? "secret" : "", body: "About the war and the peace, \(i).",
                                    references: references, span: SourceSpan(startLine: i + 2, endLine: i + 3)))
        }
        let corpus = Corpus(sourceName: "generated answers", sourceHash: String(repeating: "0", count: 64), messages: messages,
                            people: PersonTable(people: people), issues: [])
        return CorpusAnalysis(corpus: corpus, lexicon: try! TopicLexicon.bundled())
    }()

    static let bundled: CorpusAnalysis? = {
        guard let corpus = try? CorpusLoader.load(path: nil), let lexicon = try? TopicLexicon.bundled() else { return nil }
        return CorpusAnalysis(corpus: corpus, lexicon: lexicon)
    }()

    func analyses() throws -> [CorpusAnalysis] {
        [Self.generated, try #require(Self.bundled, "the bundled corpus and lexicon must load")]
    }

    /// The replies graph as it was built before its nodes were made on demand: every node,
    /// label and spell held, the edges found through a set of every id and a table of starts.
    static func eagerReplies(_ analysis: CorpusAnalysis) -> (nodes: [ExportNode], edges: [ExportEdge]) {
        let people = analysis.corpus.people
        let end = (analysis.messages.compactMap(\.date.drawnBounds?.notAfter) + analysis.inferred.compactMap(\.date.drawnBounds?.notAfter)).max()
        func spell(from day: Day?) -> [ExportSpell] {
            guard let end, let day else { return [] }
            return [ExportSpell(start: day, end: max(day, end))]
        }
        func dateValues(_ date: HistoricalDate) -> ExportValues {
            var values: ExportValues = ["precision": .string(date.precision.rawValue), "evidence": .string(date.evidence.rawValue)]
            values["date"] = date.best.map { .date($0) }
            values["not_before"] = date.notBefore.map { .date($0) }
            values["not_after"] = date.notAfter.map { .date($0) }
            return values
        }
        var nodes: [ExportNode] = []
        var starts: [String: Day] = [:]
        for message in analysis.messages {
            let who = message.kind == .fragment ? "Fragment"
                : "\(people.name(of: message.sender)) to \(message.recipients.map { people.name(of: $0) }.joined(separator: ", "))"
            var values = dateValues(message.date)
            values["kind"] = .string(message.kind == .fragment ? "fragment" : "message")
            values["sender"] = .string(message.sender)
            values["recipients"] = .string(message.recipients.joined(separator: "; "))
            values["place"] = message.place.map { .string($0) }
            values["classification"] = .string(message.classification)
            values["topics"] = .string((analysis.topics[message.id] ?? []).map(\.topic).joined(separator: "; "))
            values["first_line"] = .int(message.span.startLine)
            nodes.append(ExportNode(id: message.id, label: "\(who), \(ExportGraphBuilder.dateLabel(message.date))", values: values,
                                    spells: spell(from: message.date.drawnBounds?.notBefore)))
            starts[message.id] = message.date.drawnBounds?.notBefore
        }
        for inferred in analysis.inferred {
            var values = dateValues(inferred.date)
            values["kind"] = .string("inferred")
            values["sender"] = .string(inferred.sender)
            values["recipients"] = .string(inferred.recipient)
            values["cited_by"] = .string(inferred.citedBy.joined(separator: "; "))
            nodes.append(ExportNode(id: inferred.id,
                                    label: "\(people.name(of: inferred.sender)) to \(people.name(of: inferred.recipient)), \(ExportGraphBuilder.dateLabel(inferred.date)) (inferred)",
                                    values: values, spells: spell(from: inferred.date.drawnBounds?.notBefore)))
            starts[inferred.id] = inferred.date.drawnBounds?.notBefore
        }
        let present = Set(nodes.map(\.id))
        let edges = analysis.links.filter { present.contains($0.from) && present.contains($0.to) }.enumerated().map { index, link in
            let start = [starts[link.from], starts[link.to]].compactMap { $0 }.max()
            return ExportEdge(id: "r\(index + 1)", source: link.from, target: link.to, kind: link.kind.rawValue, weight: link.confidence,
                              values: ["confidence": .double(link.confidence), "evidence": .string(link.evidence.phrase),
                                       "evidence_line": .int(link.evidence.line), "rule": .string(link.evidence.rule)],
                              spells: start.map { spell(from: $0) } ?? [])
        }
        return (nodes, edges)
    }

    @Test func madeRepliesGraphEqualsTheEagerOneElementByElement() throws {
        for analysis in try analyses() {
            let graph = ExportGraphBuilder.graph(.replies, from: analysis)
            #expect(graph.nodes.isMadeOnDemand && graph.edges.isMadeOnDemand)
            let eager = Self.eagerReplies(analysis)
            #expect(graph.nodes.count == eager.nodes.count && graph.edges.count == eager.edges.count)
            #expect(!analysis.inferred.isEmpty && !analysis.links.isEmpty, "the corpus must have inferred letters and links")
            for (index, expected) in eager.nodes.enumerated() {
                let node = graph.nodes[index]
                #expect(node == expected, "node \(index) \(expected.id)")
                #expect(node.label == expected.label && node.spells == expected.spells)
                #expect(graph.nodes.id(at: index) == expected.id && graph.nodes.spells(at: index) == expected.spells)
            }
            for (index, expected) in eager.edges.enumerated() {
                #expect(graph.edges[index] == expected, "edge \(index) \(expected.id)")
                #expect(graph.edges.id(at: index) == expected.id && graph.edges.spells(at: index) == expected.spells)
            }
            // Made again, the same.
            #expect(graph.nodes.last == eager.nodes.last && graph.edges.first == eager.edges.first)
        }
    }

    @Test func generatedCorpusCarriesWhatTheGraphMustHandle() throws {
        let graph = ExportGraphBuilder.graph(.replies, from: Self.generated)
        let nodes = Array(graph.nodes)
        #expect(nodes.contains { $0.label.hasPrefix("Fragment, ") })
        #expect(nodes.contains { $0.spells.isEmpty })                       // undated
        #expect(nodes.contains { $0.label.hasSuffix("(inferred)") })
        #expect(nodes.contains { $0.label.contains("p12 to ") })            // a writer the table does not name
        #expect(nodes.contains { $0.values["not_after"] == nil && !$0.spells.isEmpty })
        #expect(graph.edges.contains { $0.spells.isEmpty } || graph.edges.allSatisfy { !$0.spells.isEmpty })
    }

    /// Every graph writer writes the same bytes from the made graph as from the same nodes and
    /// edges held in arrays, with the layout held in the graph's order as with it held by id.
    @Test func writersGiveTheSameBytesMadeOrHeldInOrderOrByID() throws {
        for analysis in try analyses() {
            let made = ExportGraphBuilder.graph(.replies, from: analysis)
            var held = made
            held.nodes = ExportNodes(Array(made.nodes))
            held.edges = ExportEdges(Array(made.edges))
            #expect(!held.nodes.isMadeOnDemand)
            // A layout: every third node drawn, in order and by id.
            var inOrder: [ExportLayout.Node] = []
            var byID: [String: ExportLayout.Node] = [:]
            for index in made.nodes.indices {
                let node = ExportLayout.Node(x: Double(index) * 1.5, y: Double(index % 40) * 3.25, width: 10, height: 6,
                                             fill: .init(red: index % 256, green: 7, blue: 200), stroke: .init(red: 0, green: 0, blue: 0),
                                             inFigure: index % 3 == 0, filled: index % 2 == 0, outlined: index % 5 != 0)
                inOrder.append(node)
                byID[made.nodes.id(at: index)] = node
            }
            let edges = Dictionary(made.edges.prefix(20).map { (ExportLayout.edgeKey(source: $0.source, target: $0.target),
                                                                 ExportLayout.Edge(color: .init(red: 1, green: 2, blue: 3), width: 1.5)) },
                                   uniquingKeysWith: { a, _ in a })
            var madeDrawn = made, heldDrawn = held
            madeDrawn.layout = ExportLayout(nodesInOrder: inOrder, edges: edges, width: 100, height: 50, source: "test")
            heldDrawn.layout = ExportLayout(nodes: byID, edges: edges, width: 100, height: 50, source: "test")
            for (a, b) in [(made, held), (madeDrawn, heldDrawn)] {
                #expect(GraphMLWriter().write(a) == GraphMLWriter().write(b))
                #expect(GEXFWriter().write(a) == GEXFWriter().write(b))
                #expect(GEXFWriter(version: .v1_3).write(a) == GEXFWriter(version: .v1_3).write(b))
                #expect(NodeLinkWriter().write(a) == NodeLinkWriter().write(b))
                #expect(CytoscapeWriter().write(a) == CytoscapeWriter().write(b))
                #expect(CSVTableWriter().nodes(a) == CSVTableWriter().nodes(b))
                #expect(CSVTableWriter().edges(a) == CSVTableWriter().edges(b))
            }
            #expect(GraphMLWriter().write(madeDrawn).contains("<data key=\"v_color\">#"))
        }
    }

    @Test func aMadeCollectionChangesLikeAnArray() throws {
        var graph = ExportGraphBuilder.graph(.replies, from: Self.generated)
        let before = Array(graph.edges)
        let extra = ExportEdge(id: "extra", source: before[0].source, target: before[0].target, kind: "answers", weight: 1)
        graph.edges.append(extra)
        #expect(!graph.edges.isMadeOnDemand && Array(graph.edges) == before + [extra])
        var nodes = graph.nodes
        var first = nodes[0]
        first.label = "changed"
        nodes[0] = first
        #expect(nodes[0].label == "changed" && nodes[1] == graph.nodes[1] && graph.nodes[0].label != "changed")
    }

    /// `ExportValues.Reader` finds what a lookup by key finds, in the order of the attributes,
    /// whether the values share one list of keys, each have their own, or come in another order.
    @Test func valuesReaderMatchesLookupsByKey() {
        let attributes = [ExportAttribute("b", .int), ExportAttribute("a", .string), ExportAttribute("c", .date), ExportAttribute("d", .bool)]
        let shared = ["a", "b", "c"]
        let day = Day(year: 1800, month: 1, day: 2)!
        let all: [ExportValues] = [
            ExportValues(keys: shared, values: [.string("x"), .int(1), nil]),
            ExportValues(keys: shared, values: [nil, .int(2), .date(day)]),
            ["d": .bool(true), "a": .string("y")],
            [:],
            ExportValues(keys: ["c", "a"], values: [.date(day), .string("z")]),
            ExportValues(keys: shared, values: [.string("w"), nil, nil]),
        ]
        var reader = ExportValues.Reader(attributes)
        for values in all {
            var read: [(String, ExportValue)] = []
            reader.forEach(values) { read.append((attributes[$0].key, $1)) }
            let expected = attributes.compactMap { attribute in values[attribute.key].map { (attribute.key, $0) } }
            #expect(read.map(\.0) == expected.map(\.0) && read.map(\.1) == expected.map(\.1))
        }
    }
}

/// The shortcuts that write numbers and days without making their Strings give the bytes the
/// Strings would.
@Suite struct ExportTextShortcutTests {
    @Test func hundredthsPrintAsSwiftPrintsThem() {
        var values: [Double] = []
        for k in 1...30_000 { values.append(Double(k) / 100) }
        var state: UInt64 = 99
        for _ in 0..<30_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let k = Int(state >> 20) % 100_000_000_000_000   // up to 10^14 hundredths
            values.append(Double(k) / 100)
            values.append(Double(Int(state >> 40)) / 100 + 0.001)   // not whole hundredths
            values.append(Double(bitPattern: state >> 2))             // anything
        }
        values += [0.001, 0.005, 0.015, 1e-5, 123456789012.34, 999999999999.99, 1e12 + 0.5, 0.1 + 0.2, 2.675, 1.005]
        for value in values + values.map(-) where value.isFinite && value != value.rounded() {
            #expect(ByteSink.text { ExportText.write(number: value, to: $0) } == "\(value)", "\(value)")
        }
        #expect(ByteSink.text { ExportText.write(number: 3, to: $0) } == "3.0")
    }

    @Test func daysAppendAsTheirISOForms() {
        for ordinal in stride(from: -800_000, through: 3_000_000, by: 997) {
            let day = Day(ordinal: ordinal)
            var iso = "", month = "", year = ""
            ExportText.append(iso: day, to: &iso)
            ExportText.append(isoMonth: day, to: &month)
            ExportText.append(isoYear: day, to: &year)
            #expect(iso == day.iso && month == day.isoMonth && year == day.isoYear, "\(day.iso)")
            // The sink's form: ten bytes at once for a year of four digits, piece by piece otherwise.
            #expect(ByteSink.text { ExportText.write(iso: day, to: $0) } == day.iso, "\(day.iso)")
        }
    }

    @Test func dateLabelsSayEachKindOfDate() throws {
        let day = try #require(Day(iso: "1942-07-18")), later = try #require(Day(iso: "1942-08-06"))
        #expect(ExportGraphBuilder.dateLabel(HistoricalDate(exactly: day, evidence: .given)) == "1942-07-18")
        #expect(ExportGraphBuilder.dateLabel(HistoricalDate(notBefore: day, notAfter: later, precision: .range, evidence: .given)) == "1942-07-18/1942-08-06")
        #expect(ExportGraphBuilder.dateLabel(HistoricalDate(bounds: nil, day, precision: .range, evidence: .given)) == "../1942-07-18")
        #expect(ExportGraphBuilder.dateLabel(HistoricalDate(bounds: day, nil, precision: .range, evidence: .given)) == "1942-07-18/..")
        #expect(ExportGraphBuilder.dateLabel(.undated(raw: nil)) == "undated")
        let july = HistoricalDate(notBefore: try #require(Day(iso: "1942-07-01")), notAfter: try #require(Day(iso: "1942-07-31")),
                                  precision: .month, evidence: .given)
        #expect(ExportGraphBuilder.dateLabel(july) == "1942-07")
        let year = HistoricalDate(notBefore: try #require(Day(iso: "1943-01-01")), notAfter: try #require(Day(iso: "1943-12-31")),
                                  precision: .year, evidence: .given)
        #expect(ExportGraphBuilder.dateLabel(year) == "1943")
        let ancient = try #require(Day(iso: "-0044-03-15"))
        #expect(ExportGraphBuilder.dateLabel(HistoricalDate(exactly: ancient, evidence: .given)) == "-0044-03-15")
    }
}
