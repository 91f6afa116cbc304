import Correspondence
import Foundation
import Testing

/// `export --between A,B`, in process, for every export kind: only the letters from one of the
/// two to the other are written (a joint letter to a third person too), so each file holds the
/// letters of 1 January, 1 February and 1 May and nothing of March or April.
@Suite struct ExportFilterTests {
    /// Five letters of three people: A to B, B to A, A to C, C to B, A to B and C jointly.
    static let table = """
        sender,addressee,date
        Anna Alpha,Bert Beta,1900-01-01
        Bert Beta,Anna Alpha,1900-02-01
        Anna Alpha,Carl Gamma,1900-03-01
        Carl Gamma,Bert Beta,1900-04-01
        Anna Alpha,Bert Beta;Carl Gamma,1900-05-01

        """
    static let pair = ["--between", "anna-alpha,bert-beta"]
    /// The graph's edges for the kept letters: A to C comes from the joint letter; C to B is gone.
    static let keptEdges: Set<String> = ["anna-alpha>bert-beta", "bert-beta>anna-alpha", "anna-alpha>carl-gamma"]

    /// Exports `format` of the table with `--between`, and gives the written file's path.
    func export(_ format: String, _ extra: [String] = [], name: String) throws -> URL {
        let folder = try CLIRunner.temporaryFolder("export-between-\(format)")
        let corpus = folder.appendingPathComponent("letters.csv")
        try Data(Self.table.utf8).write(to: corpus)
        let out = folder.appendingPathComponent(name)
        let result = try CLIRunner.run(["export", format, "--corpus", corpus.path] + Self.pair + extra + ["-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    /// `source>target` of every `<edge source=".." target="..">` of a GraphML or GEXF file.
    static func xmlEdges(_ text: String) -> Set<String> {
        var edges = Set<String>()
        for line in text.split(separator: "\n") where line.contains("<edge ") {
            func value(_ name: String) -> String? {
                guard let start = line.range(of: " \(name)=\"") else { return nil }
                return String(line[start.upperBound...].prefix { $0 != "\"" })
            }
            if let s = value("source"), let t = value("target") { edges.insert("\(s)>\(t)") }
        }
        return edges
    }

    @Test func cmifKeepsOnlyTheLettersBetweenThePair() throws {
        let out = try export("cmif", ["--published", "2026-01-01"], name: "pair.xml")
        let corpus = try CMIFReader.read(path: out.path, people: PersonTable(people: []))
        #expect(corpus.messages.compactMap { $0.date.notBefore?.iso } == ["1900-01-01", "1900-02-01", "1900-05-01"])
        for message in corpus.messages {
            let names = Set((message.senders + message.recipients).compactMap { corpus.people[$0]?.name })
            #expect(names.isSuperset(of: ["Anna Alpha", "Bert Beta"]), "\(names)")
        }
    }

    @Test func csvKeepsOnlyTheLettersBetweenThePair() throws {
        let out = try export("csv", name: "tables")
        let messages = try String(contentsOf: out.appendingPathComponent("messages.csv"), encoding: .utf8)
        let rows = messages.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 3, "\(messages)")
        #expect(rows.allSatisfy { $0.contains("1900-01-01") || $0.contains("1900-02-01") || $0.contains("1900-05-01") })
        let edges = try String(contentsOf: out.appendingPathComponent("edges.csv"), encoding: .utf8)
        let pairs = Set(edges.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ">") })
        #expect(pairs == Self.keptEdges)
    }

    @Test func gexfAndGraphMLKeepOnlyTheLettersBetweenThePair() throws {
        for (format, name) in [("gexf", "pair.gexf"), ("graphml", "pair.graphml")] {
            let text = try String(contentsOf: try export(format, name: name), encoding: .utf8)
            #expect(Self.xmlEdges(text) == Self.keptEdges, "\(format)")
        }
    }

    @Test func nodeLinkAndCytoscapeKeepOnlyTheLettersBetweenThePair() throws {
        let nodeLink = try JSONSerialization.jsonObject(with: Data(contentsOf: try export("node-link", name: "pair.json"))) as? [String: Any]
        for key in ["links", "edges"] {
            let links = nodeLink?[key] as? [[String: Any]] ?? []
            #expect(Set(links.map { "\($0["source"] ?? "")>\($0["target"] ?? "")" }) == Self.keptEdges, "\(key)")
        }
        let cytoscape = try JSONSerialization.jsonObject(with: Data(contentsOf: try export("cytoscape", name: "pair.cyjs"))) as? [String: Any]
        let edges = ((cytoscape?["elements"] as? [String: Any])?["edges"] as? [[String: Any]] ?? []).compactMap { $0["data"] as? [String: Any] }
        #expect(Set(edges.map { "\($0["source"] ?? "")>\($0["target"] ?? "")" }) == Self.keptEdges)
    }

    @Test func timelineKeepsOnlyTheLettersBetweenThePair() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: try export("timelinejs", name: "pair.json"))) as? [String: Any]
        let events = json?["events"] as? [[String: Any]] ?? []
        let months = events.compactMap { ($0["start_date"] as? [String: Any])?["month"] as? Int }
        #expect(months == [1, 2, 5])
    }
}
