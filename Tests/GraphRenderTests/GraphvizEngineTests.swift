import Foundation
import Testing
@testable import GraphRender
import Correspondence

/// The engine against real Graphviz: formats, captured errors, recovery after failure,
/// concurrency and byte-stable output.
@Suite(.serialized)
struct GraphvizEngineTests {
    static let sample = """
    digraph "sample" {
      graph [fontname="DejaVu Sans", margin="0"];
      node [fontname="DejaVu Sans", shape=box];
      edge [fontname="DejaVu Sans"];
      "Stalin" -> "Churchill" [label="Łódź 1944"];
      "Churchill" -> "Stalin";
    }
    """

    @Test func svgHasRealText() throws {
        let svg = String(decoding: try GraphvizEngine.shared.render(Self.sample, format: .svg).data, as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">Stalin</text>"))
        #expect(svg.contains(">Łódź 1944</text>"))
        #expect(svg.contains("font-family=\"DejaVu Sans"))
    }

    @Test func pngHasSignatureAndRequestedResolution() throws {
        let at72 = try GraphvizEngine.shared.render(Self.sample, format: .png, dpi: 72).data
        let at300 = try GraphvizEngine.shared.render(Self.sample, format: .png, dpi: 300).data
        #expect(Array(at72.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width72 = Self.pngWidth(at72), width300 = Self.pngWidth(at300)
        #expect(width72 > 0)
        // 300/72 = 4.17 times as many pixels, give or take rounding of the page.
        #expect(abs(Double(width300) / Double(width72) - 300.0 / 72.0) < 0.1)
    }

    @Test func dpiDoesNotChangeSVG() throws {
        let plain = try GraphvizEngine.shared.render(Self.sample, format: .svg).data
        let withDPI = try GraphvizEngine.shared.render(Self.sample, format: .svg, dpi: 600).data
        #expect(plain == withDPI)
    }

    @Test func pdfEmbedsFontsAndHasNoCreationDate() throws {
        let pdf = try GraphvizEngine.shared.render(Self.sample, format: .pdf).data
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(!text.contains("/CreationDate"))
        #expect(text.contains("/FontFile"))
        #expect(text.contains("DejaVuSans"))
    }

    @Test(arguments: GraphFormat.allCases)
    func sameInputSameBytes(format: GraphFormat) throws {
        let first = try GraphvizEngine.shared.render(Self.sample, format: format, dpi: 150).data
        let second = try GraphvizEngine.shared.render(Self.sample, format: format, dpi: 150).data
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func dotFormatIsTheSourceItself() throws {
        let dot = try GraphvizEngine.shared.render(Self.sample, format: .dot).data
        #expect(String(decoding: dot, as: UTF8.self) == Self.sample)
    }

    @Test func pdfPageMatchesSVGSizeWithZeroMargin() throws {
        let svg = String(decoding: try GraphvizEngine.shared.render(Self.sample, format: .svg).data, as: UTF8.self)
        let pdf = try GraphvizEngine.shared.render(Self.sample, format: .pdf).data
        let box = try #require(PDFMediaBox(in: pdf))
        #expect(svg.contains("width=\"\(Int(box.width))pt\""))
        #expect(svg.contains("height=\"\(Int(box.height))pt\""))
    }

    @Test(arguments: LayoutEngine.supported)
    func everyLayoutWorks(engine: LayoutEngine) throws {
        let rendered = try GraphvizEngine.shared.render(Self.sample, engine: engine, format: .svg)
        #expect(String(decoding: rendered.data, as: UTF8.self).contains(">Churchill</text>"))
    }

    // MARK: Errors

    @Test func malformedDOTCarriesGraphvizMessage() {
        #expect {
            try GraphvizEngine.shared.render("digraph { a -> ; }", format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.stage == .parse && error.messages.contains { $0.contains("syntax error in line 1") }
        }
    }

    @Test func errorLineIsRightAfterEarlierGraphs() throws {
        // A graph followed by text the parser never reaches, then a bad graph: its error is in
        // its own line 3, and the leftover of the first text does not leak into the second.
        _ = try GraphvizEngine.shared.parse("digraph \"a\" { x }\n\n\ndigraph \"b\" { y }\n")
        do {
            _ = try GraphvizEngine.shared.parse("digraph \"c\" {\n  p -> q;\n  r -> ;\n}")
            Issue.record("a syntax error parsed")
        } catch let error as GraphvizError {
            #expect(error.messages.contains { $0.contains("syntax error in line 3") }, "\(error.messages)")
        }
        let parsed = try GraphvizEngine.shared.parse("digraph \"d\" { z }")
        #expect(parsed.nodes.map(\.name) == ["z"])
    }

    @Test func unknownShapeIsRejected() {
        #expect {
            try GraphvizEngine.shared.render("digraph \"g\" { a [shape=blob] }", format: .svg)
        } throws: { error in
            (error as? GraphvizError)?.messages.contains { $0.contains("unknown shape blob") } ?? false
        }
    }

    @Test func unknownColourIsRejected() {
        #expect {
            try GraphvizEngine.shared.render("digraph \"g\" { a [color=notacolour] }", format: .png)
        } throws: { error in
            (error as? GraphvizError)?.messages.contains { $0.contains("notacolour is not a known color") } ?? false
        }
    }

    @Test func unknownAttributeValueIsRejected() {
        #expect {
            try GraphvizEngine.shared.render("digraph \"g\" { graph [splines=maybe]; a -> b }", format: .svg)
        } throws: { error in
            (error as? GraphvizError)?.messages.contains { $0.contains("maybe") } ?? false
        }
    }

    @Test func unknownLayoutIsAnEnvironmentError() throws {
        do {
            _ = try GraphvizEngine.shared.render(Self.sample, engine: LayoutEngine("bogus"), format: .svg)
            Issue.record("an unknown layout rendered")
        } catch let error as GraphvizError {
            #expect(error.stage == .layout)
            #expect(error.messages.contains { $0.contains("bogus") })
            #expect(error.epistolaryError.exitCode == 3)
        }
    }

    @Test func goodInputAfterBadStillWorks() throws {
        let bad = ["digraph { a -> ; }", "digraph \"g\" { a [shape=blob] }", "graph { a -- b -- }", "digraph \"g\" { a [fillcolor=\"#zz\" style=filled] }"]
        for text in bad {
            for format in [GraphFormat.svg, .png, .pdf] {
                #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.render(text, format: format) }
                let svg = try GraphvizEngine.shared.render(Self.sample, format: .svg)
                #expect(svg.warnings.isEmpty)
                #expect(String(decoding: svg.data, as: UTF8.self).contains(">Stalin</text>"))
                let pdf = try GraphvizEngine.shared.render(Self.sample, format: .pdf)
                #expect(String(decoding: pdf.data.prefix(5), as: UTF8.self) == "%PDF-")
            }
        }
    }

    @Test func failedWriteLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("figure.svg")
        #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.write("digraph { a -> }", format: .svg, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try GraphvizEngine.shared.write(Self.sample, format: .svg, to: target)
        let written = try Data(contentsOf: target)
        #expect(String(decoding: written, as: UTF8.self).contains(">Stalin</text>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["figure.svg"])
    }

    // MARK: Concurrency

    @Test func twoHundredConcurrentRendersAllSucceed() async throws {
        let formats: [GraphFormat] = [.svg, .png, .pdf, .svg]
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let dot = "digraph \"g\(index)\" { graph [fontname=\"DejaVu Sans\"]; node [fontname=\"DejaVu Sans\"]; \"n\(index)\" -> \"m\(index)\"; \"m\(index)\" -> \"k\" }"
                    return (index, try GraphvizEngine.shared.render(dot, format: formats[index % 4], dpi: 72).data)
                }
            }
            var collected: [Int: Data] = [:]
            for try await (index, data) in group { collected[index] = data }
            return collected
        }
        #expect(results.count == 200)
        for (index, data) in results where index % 4 == 0 {
            #expect(String(decoding: data, as: UTF8.self).contains(">n\(index)</text>"))
        }
        #expect(results.values.allSatisfy { !$0.isEmpty })
    }

    // MARK: Diagnostics

    @Test func diagnosticsReportEverythingWorking() {
        let report = GraphvizEngine.shared.diagnostics()
        #expect(report.version.hasPrefix("2.") || report.version.hasPrefix("1") || report.version.hasPrefix("9"))
        #expect(report.layouts.map(\.name) == LayoutEngine.supported.map(\.name) + [LayoutEngine.pinned.name])
        #expect(report.layouts.allSatisfy { $0.works })
        #expect(report.formats.map(\.name) == ["svg", "png", "pdf"])
        #expect(report.formats.allSatisfy { $0.works })
        #expect(report.fontFile?.hasSuffix(".ttf") == true)
        #expect(report.matchedFamily == "DejaVu Sans")
    }

    @Test func diagnosticsNoticeASubstitutedFont() {
        let report = GraphvizEngine.shared.diagnostics(fontFamily: "No Such Family Anywhere")
        #expect(report.matchedFamily != "No Such Family Anywhere")
        #expect(!report.isHealthy)
    }

    static func pngWidth(_ data: Data) -> Int {
        let bytes = Array(data)
        guard bytes.count > 24 else { return 0 }
        return Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19])
    }
}
