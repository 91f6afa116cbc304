import Correspondence
import Export
import EpistolaryTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Corpora, graphs and tools shared by the export tests.
enum ExportFixtures {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let schemas = fixtures.appendingPathComponent("schemas")

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { fatalError("bad fixture date \(iso)") }
        return d
    }

    /// Names with markup characters and non-ASCII letters, places with quotes, every kind of
    /// date (exact, month, year, range): what every format must carry through intact.
    static func hostileCorpus() -> Corpus {
        let people = PersonTable(people: [
            Person(id: "Stalin", name: "Joseph Stalin", role: "Chairman", authorities: ["wikidata": "Q855"]),
            Person(id: "Mikołajczyk", name: "Stanisław Mikołajczyk", role: "Prime Minister of Poland",
                   authorities: ["wikidata": "Q298224", "viaf": "59878007"]),
            Person(id: "Молотов", name: "Вячеслав Молотов", role: "People's Commissar", authorities: [:]),
            Person(id: "O'Brien & <Sons>", name: "Mr \"O'Brien\" & <Sons>", role: "Agent <of> \"nobody\"",
                   authorities: ["uri": "https://example.org/people/o-brien?a=1&b=2"]),
        ])
        func message(_ id: String, _ sender: String, _ recipients: [String], _ date: HistoricalDate,
                     place: String? = nil, line: Int, body: String = "Text of the message.") -> Message {
            Message(id: id, kind: .message, sender: sender, recipients: recipients, sentOn: nil,
                    dated: date.isExact ? date.notBefore : nil, date: date, place: place,
                    classification: "personal and secret", body: body, references: [],
                    span: SourceSpan(startLine: line, endLine: line + 3))
        }
        let messages = [
            message("1942-07-18-stalin-mikołajczyk", "Stalin", ["Mikołajczyk"],
                    HistoricalDate(exactly: day("1942-07-18"), evidence: .dateLine), place: "Moscow", line: 10,
                    body: "I received <your> message & \"thank\" you.\n\nSecond paragraph."),
            message("1942-07-mikołajczyk-stalin", "Mikołajczyk", ["Stalin", "Молотов"],
                    HistoricalDate(notBefore: day("1942-07-01"), notAfter: day("1942-07-31"), precision: .month, evidence: .given),
                    place: "London \"in exile\" & <elsewhere>", line: 20),
            message("1942-08-02-молотов-o_brien", "Молотов", ["O'Brien & <Sons>"],
                    HistoricalDate(notBefore: day("1942-07-29"), notAfter: day("1942-08-06"), precision: .range, evidence: .neighbours),
                    line: 30),
            message("1942-08-10-o_brien-stalin", "O'Brien & <Sons>", ["Stalin"],
                    HistoricalDate(exactly: day("1942-08-10"), evidence: .sentOn), place: "Kraków", line: 40),
            message("1942-08-10-o_brien-stalin-b", "O'Brien & <Sons>", ["Stalin"],
                    HistoricalDate(exactly: day("1942-08-10"), evidence: .sentOn), line: 50),
            message("1943-stalin-молотов", "Stalin", ["Молотов"],
                    HistoricalDate(notBefore: day("1943-01-01"), notAfter: day("1943-12-31"), precision: .year, evidence: .given),
                    line: 60),
        ].sorted(by: Corpus.stableOrder)
        return Corpus(sourceName: "hostile & <odd> \"corpus\".txt", sourceHash: SHA256.hex(Array("hostile".utf8)),
                      messages: messages, people: people, issues: [])
    }

    /// A correspondents graph built by hand from a corpus (the analysis-based builder is
    /// tested separately): one node per person, one edge per ordered pair, a spell per message.
    static func correspondentGraph(_ corpus: Corpus) -> ExportGraph {
        var pairs: [String: [Message]] = [:]
        var order: [String] = []
        for message in corpus.messages {
            for recipient in message.recipients {
                let key = message.sender + "\u{0}" + recipient
                if pairs[key] == nil { order.append(key) }
                pairs[key, default: []].append(message)
            }
        }
        let edges = order.enumerated().map { index, key -> ExportEdge in
            let messages = pairs[key] ?? []
            let ends = key.split(separator: "\u{0}").map(String.init)
            return ExportEdge(id: "e\(index)", source: ends[0], target: ends[1], kind: "correspondence",
                              weight: Double(messages.count),
                              values: ["count": .int(messages.count), "first": .date(messages[0].date.notBefore!),
                                       "last": .date(messages[messages.count - 1].date.notAfter!)],
                              spells: messages.compactMap { ExportSpell($0.date) })
        }
        let nodes = corpus.people.people.map { person in
            ExportNode(id: person.id, label: person.name,
                       values: ["role": .string(person.role),
                                "sent": .int(corpus.messages.filter { $0.sender == person.id }.count)])
        }
        return ExportGraph(name: "correspondents", description: "Who wrote to whom <test> & \"more\"", directed: true,
                           nodeAttributes: [ExportAttribute("role", .string), ExportAttribute("sent", .int)],
                           edgeAttributes: [ExportAttribute("count", .int), ExportAttribute("first", .date),
                                            ExportAttribute("last", .date)],
                           nodes: nodes, edges: edges)
    }
}

/// Runs external validators and readers (xmllint, python3 with NetworkX) on written files.
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func available(_ executable: String) -> Bool {
        (try? run("which", [executable]).status) == 0
    }

    static var hasNetworkX: Bool {
        (try? run("python3", ["-c", "import networkx"]).status) == 0
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        let url = try TestFolders.make("export").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func xmllint(_ path: String, schema: String) throws -> Result {
        let schemaPath = ExportFixtures.schemas.appendingPathComponent(schema).path
        let flag = schema.hasSuffix(".rng") ? "--relaxng" : "--schema"
        return try run("xmllint", ["--noout", flag, schemaPath, path])
    }

    /// Runs a Python snippet with the file path as `sys.argv[1]`; returns its stdout.
    static func python(_ script: String, _ path: String) throws -> Result {
        try run("python3", ["-c", script, path])
    }
}

/// The rules of the CMIF Schematron (`cmif.sch` is XSLT2, which xmllint cannot run), checked
/// by XPath: E0001/E0002 both actions, E0003 `@source` points to a bibl, E0004 every date dated.
enum CMIFRules {
    static func problems(_ text: String) throws -> [String] {
        let document = try XMLDocument(data: Data(text.utf8))
        let biblIDs = Set(try document.nodes(forXPath: "//*[local-name()='bibl']/@*[local-name()='id']").compactMap(\.stringValue))
        var problems: [String] = []
        for desc in try document.nodes(forXPath: "//*[local-name()='correspDesc']") {
            let key = try desc.nodes(forXPath: "@key").first?.stringValue ?? "?"
            if try desc.nodes(forXPath: "*[local-name()='correspAction'][@type='sent']").isEmpty { problems.append("E0001 \(key)") }
            if try desc.nodes(forXPath: "*[local-name()='correspAction'][@type='received']").isEmpty { problems.append("E0002 \(key)") }
            let source = try desc.nodes(forXPath: "@source").first?.stringValue ?? ""
            if !biblIDs.contains(String(source.drop { $0 != "#" }.dropFirst())) { problems.append("E0003 \(key) \(source)") }
        }
        for date in try document.nodes(forXPath: "//*[local-name()='date']") {
            if try date.nodes(forXPath: "@when | @from | @to | @notBefore | @notAfter").isEmpty { problems.append("E0004 \(date.xmlString)") }
        }
        return problems
    }
}
