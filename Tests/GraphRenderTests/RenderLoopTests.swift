import Foundation
import Testing
@testable import GraphRender

/// Many renders in a row, for valgrind: a leak of ours grows with the count, Graphviz's
/// one-time font caches do not. `EPISTOLARY_RENDER_LOOP` sets the count (default 100):
///
///     valgrind --leak-check=full .build/debug/EpistolaryPackageTests.xctest \
///         --testing-library swift-testing --filter RenderLoopTests
@Suite(.serialized)
struct RenderLoopTests {
    @Test func manyRendersIncludingFailures() throws {
        let count = ProcessInfo.processInfo.environment["EPISTOLARY_RENDER_LOOP"].flatMap(Int.init) ?? 100
        let formats: [GraphFormat] = [.svg, .png, .pdf, .dot]
        for index in 0..<count {
            let dot = """
            digraph "loop" { graph [fontname="DejaVu Sans"]; node [fontname="DejaVu Sans"]; edge [fontname="DejaVu Sans"];
              "Stalin" -> "Churchill" [label="\(index)"]; "Churchill" -> "Roosevelt"; }
            """
            let rendered = try GraphvizEngine.shared.render(dot, format: formats[index % formats.count], dpi: 72)
            #expect(!rendered.data.isEmpty)
            if index % 4 == 0 {
                let all = try GraphvizEngine.shared.render(dot, formats: formats, dpi: 72)
                #expect(all.count == formats.count && all.values.allSatisfy { !$0.data.isEmpty })
            }
            if index % 10 == 0 {
                #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.render("digraph { a -> }", format: .svg) }
                #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.render("digraph \"g\" { a [shape=blob] }", format: .png) }
                _ = try GraphvizEngine.shared.parse(dot)
            }
        }
    }
}
