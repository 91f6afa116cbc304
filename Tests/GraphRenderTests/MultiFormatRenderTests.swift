import Analysis
import Correspondence
import Foundation
import Testing
@testable import GraphRender

/// Several formats from one layout: the same bytes as one render per format, whatever the
/// order, with errors and recovery as for a single render.
@Suite(.serialized)
struct MultiFormatRenderTests {
    static let drawn: [GraphFormat] = [.svg, .png, .pdf]

    @Test(arguments: GraphFigureKind.allCases)
    func figureFormatsMatchSingleRenders(kind: GraphFigureKind) throws {
        let figure = try FigureFixtures.figure(kind)
        let together = try figure.render(formats: GraphFormat.allCases)
        #expect(Set(together.keys) == Set(GraphFormat.allCases))
        for format in GraphFormat.allCases {
            let alone = try figure.render(format)
            #expect(together[format]?.data == alone.data, "\(kind) \(format)")
            #expect(together[format]?.format == format)
            #expect(together[format]?.warnings == alone.warnings, "\(kind) \(format)")
        }
    }

    @Test func orderAndRepeatsDoNotMatter() throws {
        let dot = GraphvizEngineTests.sample
        let forward = try GraphvizEngine.shared.render(dot, formats: Self.drawn, dpi: 300)
        // PNG first: its resolution must not leak into the SVG or the PDF rendered after it.
        let backward = try GraphvizEngine.shared.render(dot, formats: [.png, .pdf, .png, .svg], dpi: 300)
        #expect(forward.count == 3 && backward.count == 3)
        for format in Self.drawn {
            #expect(forward[format]?.data == backward[format]?.data, "\(format)")
            #expect(forward[format]?.data == (try GraphvizEngine.shared.render(dot, format: format, dpi: 300).data), "\(format)")
        }
        let pdf = String(decoding: try #require(forward[.pdf]).data, as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-") && !pdf.contains("/CreationDate"))
        #expect(GraphvizEngineTests.pngWidth(try #require(forward[.png]).data)
            == GraphvizEngineTests.pngWidth(try GraphvizEngine.shared.render(dot, format: .png, dpi: 300).data))
    }

    @Test func theDOTsOwnResolutionStaysWithSVGAndPDF() throws {
        let dot = GraphvizEngineTests.sample.replacingOccurrences(of: "margin=\"0\"", with: "margin=\"0\", dpi=\"144\"")
        #expect(dot != GraphvizEngineTests.sample)
        let together = try GraphvizEngine.shared.render(dot, formats: [.png, .svg, .pdf], dpi: 96)
        for format in Self.drawn {
            #expect(together[format]?.data == (try GraphvizEngine.shared.render(dot, format: format, dpi: 96).data), "\(format)")
        }
        // Without a requested resolution the PNG keeps the DOT's.
        let own = try GraphvizEngine.shared.render(dot, formats: [.svg, .png])
        #expect(own[.png]?.data == (try GraphvizEngine.shared.render(dot, format: .png).data))
    }

    @Test func dotIsCheckedLikeASingleRender() throws {
        let only = try GraphvizEngine.shared.render(GraphvizEngineTests.sample, formats: [.dot])
        #expect(only[.dot]?.data == Data(GraphvizEngineTests.sample.utf8))
        #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.render("digraph { a -> ; }", formats: [.dot]) }
        #expect(try GraphvizEngine.shared.render(GraphvizEngineTests.sample, formats: []).isEmpty)
    }

    @Test func failuresThrowAndTheNextRenderWorks() throws {
        #expect(throws: GraphvizError.self) { try GraphvizEngine.shared.render("digraph { a -> ; }", formats: [.svg, .dot]) }
        #expect(throws: GraphvizError.self) {
            try GraphvizEngine.shared.render("digraph { node [fontname=\"DejaVu Sans\"]; a [shape=nosuchshape] }", formats: Self.drawn)
        }
        let after = try GraphvizEngine.shared.render(GraphvizEngineTests.sample, formats: Self.drawn)
        #expect(after[.svg]?.data == (try GraphvizEngine.shared.render(GraphvizEngineTests.sample, format: .svg).data))
    }

    @Test func figureWritesEveryFileWithItsCaption() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epistolary-formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = try FigureFixtures.figure(.topics)
        let urls = ["svg", "png", "pdf", "dot"].map { folder.appendingPathComponent("topics.\($0)") }
        try figure.write(to: urls)
        for url in urls {
            let format = try #require(GraphFormat(fileExtension: url.pathExtension))
            #expect(try Data(contentsOf: url) == figure.render(format).data, "\(format)")
            #expect(FileManager.default.fileExists(atPath: FigureCaption.sidecarURL(for: url).path))
        }
        // An unknown extension fails before anything is written.
        let bad = [folder.appendingPathComponent("other.svg"), folder.appendingPathComponent("other.tiff")]
        #expect(throws: EpistolaryError.self) { try figure.write(to: bad) }
        #expect(!FileManager.default.fileExists(atPath: bad[0].path))
    }
}
