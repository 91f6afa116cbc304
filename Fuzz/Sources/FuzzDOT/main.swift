import Correspondence
import Foundation
import FuzzSupport
import GraphRender

/// The DOT writer with hostile names: the input is split into names (at NUL bytes, decoded
/// with replacement), which become node ids, labels, HTML-like labels, a subgraph name and
/// edges. Invariants: Graphviz reads the DOT back with the same node names and labels (every
/// unsafe character replaced, nothing else changed), and the SVG it renders is well-formed
/// XML with no script element and no event-handler attribute, in which every name's bold
/// HTML-like label reads as the name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let names = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(8).map { String(decoding: $0, as: UTF8.self) }
    var dot = DOTWriter(name: names.first ?? "g")
    dot.nodeDefaults([("fontname", "DejaVu Sans")])
    var markups: [String] = []
    for (i, name) in names.enumerated() {
        // An empty `<B></B>` is invalid markup that Graphviz 2.43 frees twice; the figures
        // never write one (`FigureStyle.html` writes empty text as a space), nor does this.
        let bold = name.isEmpty ? " " : DOTWriter.html(name)
        markups.append("<B>" + bold + "</B>")
        dot.node(name, [("label", .text(name)), ("tooltip", .tooltip(name)), ("xlabel", .html(markups[i]))])
        if i > 0 { dot.edge(names[i - 1], name, [("label", .lines([name, name], .left))]) }
    }
    dot.comment(names.joined())
    // What the figures write (no clusters) is laid out and rendered; with a cluster as well,
    // the graph is parsed back, and under dot it must be refused, not crash (Graphviz 2.43
    // frees memory twice on a labelled edge within one rank of a clustered graph).
    let unclustered = dot.text
    dot.subgraph("cluster_" + (names.last ?? "")) { sub in sub.node(names.last ?? "", []) }
    let text = dot.text

    let parsed: ParsedGraph
    do { parsed = try GraphvizEngine.shared.parse(text) } catch { fatalError("Graphviz refused the DOT writer's output: \(error)\n\(text)") }
    // Names and labels are compared scalar by scalar: Swift's `==` on strings is canonical
    // equivalence (two such names are two nodes), and Character operations would glue a
    // leading combining mark to the quote before it.
    func scalars(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { $0 != "\u{2060}" } }
    for name in names {
        let id = scalars(DOTWriter.encodingUnsafeScalars(name))
        guard let node = parsed.nodes.first(where: { scalars($0.name) == id }) else {
            fatalError("node \(name.debugDescription) did not read back\n\(text)")
        }
        let label = cgraphReading(DOTWriter.text(name))
        precondition(node.attributes["label"].map { Array($0.unicodeScalars) } == label,
                     "label of \(name.debugDescription) read back as \(String(describing: node.attributes["label"]).debugDescription)")
    }

    guard count < 512 else { return 0 }   // rendering is the slow part: small graphs only
    if parsed.edges.contains(where: { !($0.attributes["label"] ?? "").isEmpty }),
       (try? GraphvizEngine.shared.render(text, format: .svg)) != nil {
        fatalError("dot laid out a clustered graph with a labelled edge\n\(text)")
    }
    FuzzDOTDump.append(unclustered)
    let svg: Data
    do { svg = try GraphvizEngine.shared.render(unclustered, format: .svg).data } catch { return 0 }
    // Every bold xlabel and every tooltip reads back as its name, backslashes and all (issue
    // 17): Graphviz expands escapes (`\N`, `\\`) in both, and 2.43 reads and copies past the end
    // of one that ends in an odd backslash, which corrupted the heap for later inputs.
    // cgraph keeps one copy of equal strings, so an HTML-like label whose markup equals a quoted
    // string of the graph (a name can be `<B>x</B>`) is read as that quoted text and drawn as
    // its markup: such xlabels are not checked.
    var quoted: Set<String> = [parsed.name]
    for node in parsed.nodes {
        quoted.insert(node.name)
        for (key, value) in node.attributes where key != "xlabel" { quoted.insert(value) }
    }
    for edge in parsed.edges { quoted.formUnion(edge.attributes.values) }
    let bold = Set(FuzzSVG.boldTexts(svg).map(FuzzSVG.collapsingSpaces))
    let tooltips = Set(FuzzSVG.tooltips(svg).map(FuzzSVG.collapsingSpaces))
    for (name, markup) in zip(names, markups) {
        let shown = FuzzSVG.collapsingSpaces(UnsafeScalars.replaced(in: name))
        if !shown.isEmpty, !quoted.contains(markup), !bold.contains(shown) {
            fatalError("the bold xlabel of \(name.debugDescription) did not read back: \(bold.sorted())\n\(unclustered)")
        }
        // (A DOT text value drops a carriage return, where an HTML-like label shows a space.)
        let tip = FuzzSVG.collapsingSpaces(String(String.UnicodeScalarView(UnsafeScalars.replaced(in: name).unicodeScalars.filter { $0 != "\r" })))
        if !tip.isEmpty, !tooltips.contains(tip) {
            fatalError("the tooltip of \(name.debugDescription) did not read back: \(tooltips.sorted())\n\(unclustered)")
        }
    }
    return 0
}

/// What cgraph reads from a quoted attribute value: the quotes removed, `\"` read as a quote,
/// every other escape kept as written (a label's `\\`, `\n`, `\l` are Graphviz's to expand).
func cgraphReading(_ quoted: String) -> [Unicode.Scalar] {
    let written = Array(quoted.unicodeScalars.dropFirst().dropLast())
    var out: [Unicode.Scalar] = []
    var k = 0
    while k < written.count {
        if written[k] == "\\", k + 1 < written.count {
            if written[k + 1] != "\"" { out.append(written[k]) }
            out.append(written[k + 1])
            k += 2
        } else {
            out.append(written[k])
            k += 1
        }
    }
    return out
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzDOT_main")
public func FuzzDOTEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        let result = fuzzDOT(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
        FuzzAllocatorCheck.afterInput()
        return result
    }
}

/// With `FUZZ_DOT_DUMP=FILE`, each graph FuzzDOT lays out is appended to FILE, NUL after each:
/// the sequence of layouts of a run, to replay in C without the sanitizer
/// (`Fuzz/Tools/graphviz-sequence.c`, under valgrind).
enum FuzzDOTDump {
    nonisolated(unsafe) private static let file: UnsafeMutablePointer<FILE>? = getenv("FUZZ_DOT_DUMP").flatMap { fopen($0, "ab") }

    static func append(_ dot: String) {
        guard let file else { return }
        var bytes = Array(dot.utf8)
        bytes.append(0)
        fwrite(bytes, 1, bytes.count, file)
        fflush(file)
    }
}
