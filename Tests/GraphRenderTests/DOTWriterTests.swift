import Foundation
import Testing
@testable import GraphRender

/// Everything DOTWriter writes is parsed back through cgraph and must mean what was written.
@Suite(.serialized)
struct DOTWriterTests {
    static let hostileNames = [
        "node", "edge", "graph", "digraph", "subgraph", "strict", "NODE", "Strict",
        "1942-07-23-stalin-churchill", "007", "-5", ".5x",
        "Mołotow", "Сталин", "Łódź → Kraków", "Beneš", "İnönü", "😀",
        "with space", "quote \"inside\"", "\"", "\"\"", "ends with backslash\\", "\\", "\\\\", "back\\slash",
        "slash before quote \\\"", "line\nbreak", "tab\there", "semi;colon", "brace{}[]", "a->b", "a--b",
        "<html>", "&amp;", "odd run \\\\\\", "even run \\\\", "odd before quote \\\"x", "odd before break \\\nx", "=", "%1", "%", "//not a comment", "/*nor this*/", "#hash", "\\N", "\\G", "\\n", "",
    ]

    @Test func hostileNodeNamesParseBackExactly() throws {
        var writer = DOTWriter(name: "hostile \"graph\"")
        for name in Self.hostileNames { writer.node(name, [("label", .text(name))]) }
        let parsed = try GraphvizEngine.shared.parse(writer.text)
        #expect(parsed.name == "hostile \"graph\"")
        #expect(parsed.nodes.count == Self.hostileNames.count)
        for name in Self.hostileNames {
            // Ids come back as written except `%`, `&` and unsafe characters (DOTWriter.id).
            let node = try #require(parsed.node(DOTWriter.encodingUnsafeScalars(name)), "node \(name.debugDescription) not read back")
            // Labels are read back as written text; Graphviz expands the escapes when drawing.
            #expect(Self.unescapeLabel(node.attributes["label"] ?? "") == name.replacingOccurrences(of: "\r", with: ""))
        }
    }

    @Test func idsThatDifferOnlyInUnsafeCharactersStayDistinctNodes() throws {
        let names = ["a\u{1}", "a\u{2}", "a¤1;", "¤", "%1", "a&#0;", "a&amp;", "a",
                     String(repeating: "x", count: 10_000), String(repeating: "x", count: 10_001)]
        var writer = DOTWriter(name: "g")
        for name in names { writer.node(name, [("label", .text(name))]) }
        let parsed = try GraphvizEngine.shared.parse(writer.text)
        #expect(Set(parsed.nodes.map(\.name)).count == names.count)
        #expect(parsed.nodes.allSatisfy { !$0.name.unicodeScalars.contains { $0.value < 0x20 } && !$0.name.contains("&") })
        #expect(parsed.node("a\u{FFFD}") == nil && parsed.node("a¤1;") != nil && parsed.node("¤25;1") != nil)
        #expect(parsed.nodes.allSatisfy { $0.name.unicodeScalars.count <= DOTWriter.maxIDLength })
        // Labels: the unsafe character is replaced, nothing else changes.
        #expect(parsed.node("a¤1;")?.attributes["label"] == "a\u{FFFD}")
    }

    @Test func unwritableNameIsMarkedNotMangledSilently() throws {
        // An odd backslash run at the end and an unbalanced ">": neither quotes nor <...> can hold it.
        let name = "a > b\\"
        var writer = DOTWriter(name: "g")
        writer.node(name)
        let parsed = try GraphvizEngine.shared.parse(writer.text)
        #expect(parsed.nodes.map(\.name) == [name + "\u{2060}"])
    }

    @Test func hostileEdgesKeepCountsAndEnds() throws {
        for directed in [true, false] {
            var writer = DOTWriter(name: "edges", directed: directed)
            let names = Self.hostileNames
            for (index, name) in names.enumerated() {
                let next = names[(index + 1) % names.count]
                writer.edge(name, next, [("label", .text("\(name) → \(next)")), ("penwidth", .number(1.5))])
            }
            let parsed = try GraphvizEngine.shared.parse(writer.text)
            #expect(parsed.isDirected == directed)
            #expect(parsed.nodes.count == names.count)
            #expect(parsed.edges.count == names.count)
            let original = Dictionary(names.map { (DOTWriter.encodingUnsafeScalars($0), $0) }, uniquingKeysWith: { a, _ in a })
            for edge in parsed.edges {
                let label = Self.unescapeLabel(edge.attributes["label"] ?? "")
                let tail = original[edge.tail] ?? edge.tail, head = original[edge.head] ?? edge.head
                #expect(label == "\(tail) → \(head)" || label == "\(head) → \(tail)")
                #expect(edge.attributes["penwidth"] == "1.5")
            }
        }
    }

    @Test func subgraphsAndHTMLLabelsParseBack() throws {
        var writer = DOTWriter(name: "g")
        writer.graph([("fontname", "DejaVu Sans"), ("label", .html("<b>" + DOTWriter.html("A & <B> \"C\"") + "</b>"))])
        writer.subgraph("cluster legend", [("label", "Legend")]) { legend in
            legend.node("subgraph", [("shape", "box")])
            legend.node("strict")
        }
        writer.subgraph("lane \"x\"", [("rank", "same")]) { lane in
            lane.node("1")
            lane.node("2")
        }
        writer.edge("subgraph", "1")
        let parsed = try GraphvizEngine.shared.parse(writer.text)
        // cgraph keeps subgraphs in its own (name) order.
        #expect(Set(parsed.subgraphs.map(\.name)) == ["cluster legend", "lane \"x\""])
        let legend = try #require(parsed.subgraphs.first { $0.name == "cluster legend" })
        let lane = try #require(parsed.subgraphs.first { $0.name == "lane \"x\"" })
        #expect(legend.nodes == ["subgraph", "strict"])
        #expect(legend.attributes["label"] == "Legend")
        #expect(lane.nodes == ["1", "2"])
        #expect(lane.attributes["rank"] == "same")
        #expect(parsed.attributes["label"] == "<b>A &amp; &lt;B&gt; &quot;C&quot;</b>")
        #expect(parsed.edges.count == 1)
        // And it renders: the HTML label comes out as the escaped text.
        let svg = String(decoding: try GraphvizEngine.shared.render(writer.text, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("A &amp; &lt;B&gt; &quot;C&quot;") || svg.contains("A &amp; &lt;B&gt; \"C\""))
    }

    @Test func labelsRenderAsWrittenNotAsEscapes() throws {
        var writer = DOTWriter(name: "labels")
        writer.graph([("fontname", "DejaVu Sans")])
        writer.nodeDefaults([("fontname", "DejaVu Sans")])
        writer.node("a", [("label", .text("\\N and \\G stay"))])
        writer.node("b", [("label", .text("two\nlines"))])
        let svg = String(decoding: try GraphvizEngine.shared.render(writer.text, format: .svg).data, as: UTF8.self)
        #expect(svg.contains(">\\N and \\G stay</text>"))
        #expect(svg.contains(">two</text>"))
        #expect(svg.contains(">lines</text>"))
    }

    @Test func numbersAreWrittenPlainly() {
        #expect(DOTWriter.number(1) == "1")
        #expect(DOTWriter.number(0.5) == "0.5")
        #expect(DOTWriter.number(1.23456) == "1.235")
        #expect(DOTWriter.number(-0.0001) == "0")
        #expect(DOTWriter.number(1e-7) == "0")
    }

    @Test func sameModelSameText() {
        func build() -> String {
            var writer = DOTWriter(name: "g")
            writer.edge("b", "a", [("weight", 2)])
            writer.node("a", [("label", "A")])
            return writer.text
        }
        #expect(build() == build())
        #expect(build() == "digraph \"g\" {\n  \"b\" -> \"a\" [\"weight\"=\"2\"]\n  \"a\" [\"label\"=\"A\"]\n}\n")
    }

    /// What a label attribute value means once Graphviz expands `\\`, `\"` and `\n`.
    static func unescapeLabel(_ text: String) -> String {
        var out = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "\\", let next = iterator.next() {
                out.append(next == "n" ? "\n" : next)
            } else {
                out.append(character)
            }
        }
        // `&` is written `&amp;`, which Graphviz draws as `&`.
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}
