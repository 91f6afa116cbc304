import Foundation
import Testing

/// Every figure drawn from hostile names and a theme pushed to its limits: no SVG may carry a
/// script element or an event-handler attribute, and every SVG must be well-formed (xmllint).
/// A theme whose values try to break out of an attribute is refused when it loads.
@Suite struct HostileInputTests {
    /// Names that try every way out of SVG text, SVG attributes, DOT strings and HTML-like
    /// labels, plus control characters, non-characters and a name of 100 kB.
    static let hostileNames: [String] = [
        "x\" onload=\"alert(1)\" y=\"",
        "</text><script>alert(1)</script>",
        "<svg onload=alert(1)>",
        "a\\\"b\\",
        "]]><!-- --> &amp; &#0; <![CDATA[",
        "bell\u{7}tab\tesc\u{1B}del\u{7F}c1\u{85}\u{9B}",
        "non" + String(Unicode.Scalar(0xFFFE)!) + String(Unicode.Scalar(0xFDD0)!) + String(Unicode.Scalar(0x10FFFF)!) + "char",
        "\\N \\G \\E \\L label escapes",
        "=HYPERLINK(\"http://x\")",
        "{ } | < > record chars",
        String(repeating: "Long Name ", count: 10_000),
    ]

    static func csvField(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A corpus where every message is between hostile names, across three years.
    static func hostileCorpus() -> String {
        var rows = ["sender,recipients,date,place,classification,text"]
        let names = hostileNames
        for i in 0..<120 {
            let sender = names[i % names.count], recipient = names[(i * 7 + 3) % names.count]
            let date = String(format: "%04d-%02d-%02d", 1941 + i % 3, 1 + i % 12, 1 + i % 28)
            rows.append([csvField(sender), csvField(recipient), date, csvField(names[(i + 1) % names.count]),
                         csvField(names[(i + 2) % names.count]),
                         csvField("Your message of \(date) received. " + names[(i + 5) % names.count])].joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A sheet that is valid but pushes values to their bounds: unusual families, long dash
    /// patterns, thin and thick lines.
    static let edgySheet = """
        [fonts.title]
        family = "DejaVu Sans Mono"
        [fonts.label]
        family = "DejaVu Sans Condensed"
        [timeline.gridlines]
        dash = [0.5, 99, 1, 1, 2, 2, 3, 3]
        """

    @Test func everyFigureOfHostileNamesIsWellFormedSVGWithoutScript() throws {
        let corpus = try CLIRunner.temporaryFile("hostile.csv", Self.hostileCorpus())
        let sheet = try CLIRunner.temporaryFile("edgy.toml", Self.edgySheet)
        let out = try CLIRunner.temporaryFolder("hostile-gallery").appendingPathComponent("gallery")
        defer {
            try? FileManager.default.removeItem(at: corpus.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: sheet.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
        }
        let run = try CLIRunner.run(["figures", "--corpus", corpus.path, "--style", "paper," + sheet.path,
                                     "--formats", "svg", "--out", out.path])
        // A partial gallery (exit 4) would still have to be safe; the figures here all fit.
        #expect(run.status == 0, "\(run.stderr)")
        let svgs = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }.sorted()
        // The figures that need topics, named people or answers to cited letters in the text are
        // skipped (no letter carries a topic of the lexicon, a user's corpus has no table of
        // names, no answer cites a dated letter), not drawn empty.
        #expect(svgs == ["graphs/correspondents.svg", "graphs/replies.svg", "timelines/correspondents.svg",
                         "timelines/volume.svg"], "every figure that has data: \(svgs)")
        for svg in svgs {
            let path = out.appendingPathComponent(svg).path
            let lint = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "--nonet", path])
            #expect(lint.status == 0, "\(svg) is not well-formed: \(lint.stderr.prefix(600))")
            // Counted on the parsed document: the names are in the text, escaped, as they should be.
            let xpath = "count(//*[translate(local-name(), 'SCRIPT', 'script')='script']) + count(//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')])"
            let dangerous = try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/xmllint"), ["--nonet", "--xpath", xpath, path])
            #expect(dangerous.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                    "\(svg) holds a script element or an event-handler attribute: \(dangerous.stdout) \(dangerous.stderr.prefix(300))")
            // Graphviz copies names into comments too (`<!-- name -->`, with `-` escaped): inert there.
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(!text.contains("Long Name Long Name Long Name Long Name Long Name Long Name Long Name Long Name Long Name"),
                    "\(svg) shows a 100 kB name whole instead of cut")
        }
        // The exports keep the long name whole.
        let nodes = try String(contentsOf: out.appendingPathComponent("exports/messages.csv"), encoding: .utf8)
        #expect(nodes.contains(String(repeating: "Long Name ", count: 10_000).trimmingCharacters(in: .whitespaces)))
        #expect(nodes.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "a formula cell is neutralised in the CSV export")
    }

    @Test(arguments: [
        ("[fonts.title]\nfamily = \"x\\\" onload=\\\"alert(1)\\\" y=\\\"\"\n", 2, "fonts.title.family"),
        ("[fonts.label]\nfamily = \"</text><script>alert(1)</script>\"\n", 2, "fonts.label.family"),
        ("[fonts.tick]\n\nfamily = \"DejaVu\\u0000Sans\"\n", 3, "fonts.tick.family"),
        ("[timeline.gridlines]\ndash = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n", 2, "timeline.gridlines.dash"),
        ("[colors]\npaper = \"#fff\\\" onload=\\\"x\"\n", 2, "colors.paper"),
    ])
    func aHostileThemeValueIsRefusedWithFileLineAndKey(sheet: String, line: Int, key: String) throws {
        let file = try CLIRunner.temporaryFile("hostile.toml", sheet)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let out = file.deletingLastPathComponent().appendingPathComponent("g.svg")
        let run = try CLIRunner.run(["graph", "correspondents", "--style", "paper," + file.path, "-o", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("\(file.path):\(line):"), "\(run.stderr)")
        #expect(run.stderr.contains(key), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
