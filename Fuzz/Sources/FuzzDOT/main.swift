import Foundation
import FuzzSupport
import GraphRender

/// The DOT writer with hostile names: the input is split into names (at NUL bytes, decoded
/// with replacement), which become node ids, labels, HTML-like labels, a subgraph name and
/// edges. Invariants: Graphviz reads the DOT back with the same node names and labels (every
/// unsafe character replaced, nothing else changed), and the SVG it renders is well-formed
/// XML with no script element and no event-handler attribute.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let names = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(8).map { String(decoding: $0, as: UTF8.self) }
    var dot = DOTWriter(name: names.first ?? "g")
    dot.nodeDefaults([("fontname", "DejaVu Sans")])
    for (i, name) in names.enumerated() {
        dot.node(name, [("label", .text(name)), ("tooltip", .text(name)), ("xlabel", .html("<B>" + DOTWriter.html(name) + "</B>"))])
        if i > 0 { dot.edge(names[i - 1], name, [("label", .lines([name, name], .left))]) }
    }
    dot.subgraph("cluster_" + (names.last ?? "")) { sub in sub.node(names.last ?? "", []) }
    dot.comment(names.joined())
    let text = dot.text

    let parsed: ParsedGraph
    do { parsed = try GraphvizEngine.shared.parse(text) } catch { fatalError("Graphviz refused the DOT writer's output: \(error)\n\(text)") }
    func withoutJoiners(_ s: String) -> String { s.replacingOccurrences(of: "\u{2060}", with: "") }
    for name in names {
        let id = withoutJoiners(DOTWriter.encodingUnsafeScalars(name))
        guard let node = parsed.nodes.first(where: { withoutJoiners($0.name) == id }) else {
            fatalError("node \(name.debugDescription) did not read back\n\(text)")
        }
        // cgraph keeps a label's escapes except `\"`, which it reads as a quote.
        let label = String(DOTWriter.text(name).dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        precondition(node.attributes["label"] == label,
                     "label of \(name.debugDescription) read back as \(String(describing: node.attributes["label"]).debugDescription)")
    }

    guard count < 512 else { return 0 }   // rendering is the slow part: small graphs only
    let svg: Data
    do { svg = try GraphvizEngine.shared.render(text, format: .svg).data } catch { return 0 }
    FuzzSVG.check(svg)
    return 0
}

/// The entry point SwiftPM links this executable with; it starts libFuzzer's driver.
@_cdecl("FuzzDOT_main")
public func FuzzDOTEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { bytes, count in
        fuzzDOT(bytes.map { UnsafeRawPointer($0) } ?? emptyFuzzInput, count)
    }
}
