import Correspondence
@testable import Export
import Foundation
import Testing

/// CSV tables and the TimelineJS document: the columns other tools expect, hostile names
/// intact through quoting and escaping.
@Suite struct TableAndTimelineTests {
    let corpus = ExportFixtures.hostileCorpus()
    var graph: ExportGraph { ExportFixtures.correspondentGraph(corpus) }

    /// Reads CSV back with Python's csv module (the reader Palladio-like tools behave like).
    func readCSV(_ text: String) throws -> [[String]] {
        let path = try ExternalTool.temporaryFile(text, name: "table.csv")
        let result = try ExternalTool.python(
            "import sys, csv, json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8', newline=''))), ensure_ascii=False))",
            path)
        try #require(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    }

    @Test func nodesAndEdgesHaveGephiColumnsAndSurviveQuoting() throws {
        let tables = CSVTableWriter().tables(graph: graph, corpus: corpus)
        #expect(tables.map(\.name) == ["nodes.csv", "edges.csv", "messages.csv"])
        let nodes = try readCSV(tables[0].text)
        #expect(Array(nodes[0].prefix(2)) == ["Id", "Label"])
        #expect(nodes.dropFirst().map { $0[0] } == graph.nodes.map(\.id))
        #expect(nodes.dropFirst().map { $0[1] } == graph.nodes.map(\.label))
        let edges = try readCSV(tables[1].text)
        #expect(Array(edges[0].prefix(7)) == ["Source", "Target", "Type", "Id", "Label", "Weight", "Timeset"])
        #expect(edges.count == graph.edges.count + 1)
        #expect(edges.dropFirst().allSatisfy { $0[2] == "Directed" })
        #expect(edges.dropFirst().contains { $0[0] == "O'Brien & <Sons>" && $0[1] == "Stalin" && $0[5] == "2.0" })
        #expect(edges.dropFirst().contains { $0[6] == "<[1942-07-29, 1942-08-06]>" })
    }

    @Test func messagesTableHasOneRowPerMessageWithDateBounds() throws {
        let rows = try readCSV(CSVTableWriter().messages(corpus, topics: [corpus.messages[0].id: ["second_front", "supplies"]]))
        let header = rows[0]
        #expect(rows.count == corpus.messages.count + 1)
        func column(_ name: String) -> [String] {
            guard let index = header.firstIndex(of: name) else { return [] }
            return rows.dropFirst().map { $0[index] }
        }
        #expect(column("id") == corpus.messages.map(\.id))
        #expect(column("not_before") == corpus.messages.map { $0.date.notBefore?.iso ?? "" })
        #expect(column("not_after") == corpus.messages.map { $0.date.notAfter?.iso ?? "" })
        #expect(column("date").contains("1942-07"))
        #expect(column("date").contains("1943"))
        #expect(column("place").contains("London \"in exile\" & <elsewhere>"))
        #expect(column("recipient_names").contains("Joseph Stalin;Вячеслав Молотов"))
        #expect(column("topics").first == "second_front;supplies")
    }

    @Test func timelineHasAnEventPerMessageWithHonestDates() throws {
        let group = [corpus.messages[0].id: "Second <front>"]
        let text = TimelineJSWriter().write(corpus: corpus, title: "Letters & <drafts>", groups: group)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.count == corpus.messages.count)
        for (event, message) in zip(events, corpus.messages) {
            let start = try #require(event["start_date"] as? [String: Int])
            #expect(start["year"] == message.date.notBefore?.year)
            switch message.date.precision {
            case .day:
                #expect(start["day"] == message.date.notBefore?.day)
                #expect(event["display_date"] == nil)
            case .month:
                #expect(start["day"] == nil && start["month"] == message.date.notBefore?.month)
                #expect(event["display_date"] as? String == "July 1942")
            case .year:
                #expect(start.keys.sorted() == ["year"])
            case .range:
                #expect((event["end_date"] as? [String: Int])?["day"] == message.date.notAfter?.day)
                #expect(event["display_date"] as? String == "between 29 July and 6 August 1942")
            case .undated:
                Issue.record("the fixture has no undated message")
            }
            let content = try #require(event["text"] as? [String: String])
            #expect(!(content["headline"] ?? "").contains("<"))
        }
        #expect(events.first { $0["unique_id"] as? String == corpus.messages[0].id }?["group"] as? String == "Second &lt;front&gt;")
        let stalin = try #require(events.first { $0["unique_id"] as? String == "1942-07-18-stalin-mikołajczyk" })
        let first = try #require(stalin["text"] as? [String: String])
        #expect(first["text"]?.contains("I received &lt;your&gt; message &amp; \"thank\" you.") == true)
        let obrien = events.compactMap { $0["text"] as? [String: String] }.first { $0["headline"]?.hasPrefix("Mr") == true }
        #expect(obrien?["headline"] == "Mr \"O'Brien\" &amp; &lt;Sons&gt; to Joseph Stalin")
    }

    @Test func sameInputGivesSameBytes() {
        let other = ExportFixtures.hostileCorpus()
        let otherGraph = ExportFixtures.correspondentGraph(other)
        #expect(GraphMLWriter().write(graph) == GraphMLWriter().write(otherGraph))
        #expect(GEXFWriter().write(graph) == GEXFWriter().write(otherGraph))
        #expect(NodeLinkWriter().write(graph) == NodeLinkWriter().write(otherGraph))
        #expect(CytoscapeWriter().write(graph) == CytoscapeWriter().write(otherGraph))
        #expect(CMIFWriter().write(corpus: corpus) == CMIFWriter().write(corpus: other))
        #expect(TimelineJSWriter().write(corpus: corpus, title: "t") == TimelineJSWriter().write(corpus: other, title: "t"))
        #expect(CSVTableWriter().tables(graph: graph, corpus: corpus).map(\.text)
                == CSVTableWriter().tables(graph: otherGraph, corpus: other).map(\.text))
    }

    @Test func xmlEscapingCoversMarkupQuotesAndControlCharacters() {
        #expect(XMLMarkup.escapeAttribute("a<b>&\"c'\n\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;&#10;")
        #expect(XMLMarkup.escapeText("x < y & z") == "x &lt; y &amp; z")
        #expect(JSONValue.string("a\"b\\c\n\u{1}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}
