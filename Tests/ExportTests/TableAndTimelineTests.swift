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

    /// messages.csv keeps what the source said of a letter: its GeoNames ref (over the places
    /// table's) and its notes; the reader's diagnostics stay out.
    @Test func messagesTableKeepsTheSourcesPlaceRefsAndNotes() throws {
        let corpus = try CMIFRoundTripTests.read("notes.xml")
        let rows = try readCSV(CSVTableWriter(places: PlaceTable()).messages(corpus))
        let header = try #require(rows.first)
        let geonames = try #require(header.firstIndex(of: "place_geonames")), note = try #require(header.firstIndex(of: "note"))
        let first = try #require(rows.first { $0.first == "N1" })
        #expect(first[geonames] == "https://www.geonames.org/2950159")
        #expect(first[note].contains("Only the envelope survives; Planck kept the letter.") && first[note].contains("Dated from the postmark."))
        let unaddressed = try #require(rows.first { $0.first == "N3" })
        #expect(unaddressed[note] == "The addressee is not known.")
        for diagnostic in corpus.messages.flatMap(\.notes) { #expect(!rows.joined().joined(separator: "\n").contains(diagnostic)) }
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
        // Palladio accepts whole days only: every date is YYYY-MM-DD, the uncertainty in the bounds.
        #expect(column("date").allSatisfy { $0.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil })
        #expect(column("date") == corpus.messages.map { $0.date.best?.iso ?? "" })
        #expect(column("precision").contains("month") && column("precision").contains("year"))
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
        #expect(XMLMarkup.escapeAttribute("a<b>&\"c'\n\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{FFFD}")
        let hostile = ["a", "\u{7F}", "b", "\u{9B}", "c", String(Unicode.Scalar(0xFDD0)!), "d", String(Unicode.Scalar(0xFFFE)!),
                       "e", String(Unicode.Scalar(0x1FFFF)!), "f\tg"].joined()
        #expect(XMLMarkup.escapeText(hostile) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\tg")
        #expect(XMLMarkup.escapeText("x < y & z") == "x &lt; y &amp; z")
        #expect(JSONValue.string("a\"b\\c\n\u{1}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"")
    }

    /// A hyphen followed by a combining mark is one grapheme with it: Foundation's
    /// `replacingOccurrences(of: "--")` left `--` in the comment, which XML forbids, and the
    /// GraphML export of a corpus so named was not well-formed.
    @Test func aCommentNeverHoldsTwoHyphensWhateverFollowsThem() throws {
        for content in ["a--\u{301}b", "--\u{59F}", "---", "x-\u{20DD}-y", "-"] {
            var xml = XMLMarkup()
            xml.open("r", [])
            xml.comment(content)
            let text = xml.finish()
            let inside = try #require(text.range(of: "<!-- ").map { text[$0.upperBound...] }?.components(separatedBy: " -->").first)
            #expect(!Array(inside.unicodeScalars).indices.dropLast().contains { i in
                Array(inside.unicodeScalars)[i] == "-" && Array(inside.unicodeScalars)[i + 1] == "-"
            }, "\(content.unicodeScalars.map { String($0.value, radix: 16) })")
            let lint = try ExternalTool.run("xmllint", ["--noout", try ExternalTool.temporaryFile(text, name: "c.xml")])
            #expect(lint.status == 0, "\(lint.output)")
        }
    }
}

/// What the new consumers need from the tables and the timeline: Excel's form, Palladio's
/// places, TimelineJS's eras, groups and short headlines.
@Suite struct ConsumerFormTests {
    let corpus = ExportFixtures.hostileCorpus()
    var graph: ExportGraph { ExportFixtures.correspondentGraph(corpus) }

    @Test func excelFormHasAByteOrderMarkAndCRLFBetweenRecordsOnly() throws {
        let plain = CSVTableWriter().messages(corpus)
        let excel = CSVTableWriter(excel: true).messages(corpus)
        #expect(!plain.hasPrefix("\u{FEFF}") && !plain.contains("\r\n"))
        #expect(excel.hasPrefix("\u{FEFF}"))
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Same records: the Excel form read with CRLF as the record end is the plain form.
        #expect(String(excel.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n") == plain)
        #expect(excel.components(separatedBy: "\r\n").count == plain.components(separatedBy: "\n").count)
        // A line break quoted inside a field stays a bare LF (one cell, not two records).
        let body = CSVTableWriter(excel: true).table([["a", "two\nlines"], ["b", "c"]])
        #expect(body == "\u{FEFF}a,\"two\nlines\"\r\nb,c\r\n")
    }

    @Test func placesTableGivesGeoNamesAndCoordinates() throws {
        let table = try PlaceTable.parse("""
        name,geonames,latitude,longitude
        Moscow,https://www.geonames.org/524901,55.75222,37.61556
        "Kraków",http://sws.geonames.org/3094802/,50.06143,19.93658
        Nowhere,,,
        """, file: "places.csv")
        let rows = try TableAndTimelineTests().readCSV(CSVTableWriter(places: table).messages(corpus))
        let header = rows[0]
        let place = try #require(header.firstIndex(of: "place")), uri = try #require(header.firstIndex(of: "place_geonames"))
        let coordinates = try #require(header.firstIndex(of: "coordinates"))
        let moscow = try #require(rows.first { $0[place] == "Moscow" })
        #expect(moscow[uri] == "https://www.geonames.org/524901")
        #expect(moscow[coordinates] == "55.75222,37.61556")
        let krakow = try #require(rows.first { $0[place] == "Kraków" })
        #expect(krakow[uri] == "http://sws.geonames.org/3094802/")
        #expect(rows.dropFirst().filter { $0[place].isEmpty }.allSatisfy { $0[coordinates].isEmpty })
    }

    /// `--places <(...)` hands a pipe: it is read as a stream, as a file is.
    @Test func placesTableIsReadFromAPipe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("places-pipe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("places.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            let text = "name,geonames,latitude,longitude\nMoscow,https://www.geonames.org/524901,55.75222,37.61556\n"
            _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
        }
        writer.start()
        let table = try PlaceTable.load(path: fifo)
        #expect(table["Moscow"]?.geonames == "https://www.geonames.org/524901")
    }

    @Test func placesTableErrorsNameTheLine() {
        func message(_ text: String) -> String {
            do { _ = try PlaceTable.parse(text, file: "p.csv"); return "" } catch { return "\(error)" }
        }
        #expect(message("name,geonames\nMoscow,https://example.org/1\n").contains("p.csv:2"))
        #expect(message("name,latitude,longitude\nMoscow,55.7,\n").contains("both latitude and longitude"))
        #expect(message("name,latitude,longitude\nMoscow,95,10\n").contains("within ±90"))
        #expect(message("place\nMoscow\n").contains("missing column \"name\""))
        #expect(message("name\nMoscow\nMoscow\n").contains("listed twice"))
    }

    @Test func timelineHasErasGroupsForEveryEventAndShortHeadlines() throws {
        let day = ExportFixtures.day
        let eras = [TimelineJSWriter.Era(start: day("1942-08-01"), end: day("1942-08-20"), headline: "A <meeting>"),
                    TimelineJSWriter.Era(start: day("1950-01-01"), end: day("1950-02-01"), headline: "Later")]
        let text = TimelineJSWriter().write(corpus: corpus, title: "T", groups: [corpus.messages[0].id: "Supplies"],
                                           shortNames: ["Stalin": "Stalin", "Mikołajczyk": "Mikołajczyk"], eras: eras)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        // Every event has a group once any has one: no unlabelled row.
        #expect(events.allSatisfy { ($0["group"] as? String)?.isEmpty == false })
        #expect(events.filter { $0["group"] as? String == TimelineJSWriter.ungroupedLabel }.count == events.count - 1)
        // The era that touches the letters is kept, the one after them is not.
        let written = try #require(json["eras"] as? [[String: Any]])
        #expect(written.count == 1)
        #expect(((written[0]["text"] as? [String: Any])?["headline"] as? String) == "A &lt;meeting&gt;")
        #expect((written[0]["end_date"] as? [String: Any])?["day"] as? Int == 20)
        let headlines = events.compactMap { ($0["text"] as? [String: Any])?["headline"] as? String }
        #expect(headlines.contains("Stalin to Mikołajczyk"))
        #expect(!headlines.contains { $0.contains("Joseph") })
        // The full names open the slide.
        let texts = events.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(texts.contains { $0.contains("Joseph Stalin to Stanisław Mikołajczyk") })
    }
}
