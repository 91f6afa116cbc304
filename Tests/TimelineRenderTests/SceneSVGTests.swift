import Analysis
import CCairo
import Correspondence
import EpistolaryTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Styling
import Testing
import Drawing
@testable import TimelineRender

/// The `<text>` elements of an SVG document, read back by an XML parser.
final class SVGTextReader: NSObject, XMLParserDelegate {
    struct Text: Hashable {
        var content: String
        var attributes: [String: String]
    }

    private(set) var texts: [Text] = []
    private(set) var elements: [String] = []
    private var current: Text?

    static func read(_ data: Data) throws -> SVGTextReader {
        let reader = SVGTextReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        try #require(parser.parse(), "the SVG does not parse: \(String(describing: parser.parserError))")
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        elements.append(name)
        if name == "text" { current = Text(content: "", attributes: attributes) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.content += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let t = current {
            texts.append(t)
            current = nil
        }
    }
}

/// Timeline SVGs are written from the scene: real `<text>` in a family fontconfig knows,
/// escaped, and looking like the PNG of the same figure.
@Suite("Timeline SVG: real text, real fonts, as the PNG draws it", .serialized)
struct SceneSVGTests {
    /// The families fontconfig lists (`fc-list : family`), each name of each font.
    static let installedFamilies: Set<String> = {
        guard let run = try? ProcessRunner.run("fc-list", [":", "family"]), run.status == 0 else { return [] }
        return Set(run.stdout.split(separator: "\n").flatMap { $0.split(separator: ",").map(String.init) })
    }()

    /// The figures checked: every kind of the bundled corpus, and those a CMIF edition has.
    static func figures() throws -> [(String, TimelineFigure)] {
        var out: [(String, TimelineFigure)] = []
        for kind in TimelineKind.allCases {
            out.append(("bundled \(kind.rawValue)", try BundledRun.figure(kind).0))
        }
        let edition = try EditionRun.maker()
        for kind in [TimelineKind.correspondents, .volume] {
            out.append(("edition \(kind.rawValue)", try edition.figure(kind, analysis: EditionRun.analysis()).figure))
        }
        return out
    }

    @Test("every figure: well-formed (xmllint), a <text> for each text of the scene, in a family fc-list knows, weight and style as attributes")
    func realText() throws {
        try #require(!Self.installedFamilies.isEmpty, "fc-list lists no font family")
        for (name, figure) in try Self.figures() {
            let svg = try ScenePainter.render(figure.scene, as: .svg, dpi: 300)
            let file = try TestFolders.file("figure.svg", svg)
            let lint = try ProcessRunner.run("xmllint", ["--noout", "--nonet", file.path])
            #expect(lint.status == 0, "\(name): \(lint.stderr.prefix(400))")
            let read = try SVGTextReader.read(svg)
            #expect(!read.elements.contains("script") && !read.elements.contains("foreignObject"), "\(name)")
            // The same texts, in paint order, with the scene's font of each.
            let sceneTexts = figure.scene.texts
            #expect(read.texts.map(\.content) == sceneTexts.map(\.text), "\(name): the SVG's texts are not the scene's")
            #expect(sceneTexts.count > 5, "\(name)")
            for (t, s) in zip(read.texts, sceneTexts) {
                let family = try #require(t.attributes["font-family"])
                #expect(Self.installedFamilies.contains(family), "\(name): \(family) is not a family fc-list knows")
                #expect(family.lowercased() == s.font.family.lowercased(), "\(name): drawn in \(s.font.family), named \(family)")
                #expect(t.attributes["font-weight"] == (s.font.bold ? "bold" : nil))
                #expect(t.attributes["font-style"] == (s.font.italic ? "italic" : nil))
                #expect(t.attributes["font-size"].flatMap(Double.init) == s.font.size)
            }
            // No glyph outlines: Cairo's SVG surface wrote text as <symbol id="glyph…">.
            #expect(!String(decoding: svg, as: UTF8.self).contains("glyph"), "\(name)")
        }
    }

    @Test("the SVG rasterised (rsvg-convert) looks like the PNG: texts at the same place and size")
    func looksLikeThePNG() throws {
        let dpi = 300.0
        for (name, figure) in try Self.figures() {
            let folder = try TestFolders.make("raster")
            let svgURL = folder.appendingPathComponent("f.svg"), pngURL = folder.appendingPathComponent("f.png")
            let rasterURL = folder.appendingPathComponent("r.png")
            try ScenePainter.render(figure.scene, as: .svg, dpi: dpi).write(to: svgURL)
            try ScenePainter.render(figure.scene, as: .png, dpi: dpi).write(to: pngURL)
            let run = try ProcessRunner.run("rsvg-convert", ["-d", "\(Int(dpi))", "-p", "\(Int(dpi))", "-o", rasterURL.path, svgURL.path])
            try #require(run.status == 0, "rsvg-convert: \(run.stderr)")
            let difference = try Self.meanDifference(pngURL, rasterURL)
            // Measured at 300 dpi: 1 to 4.4 for the same figure (antialiasing; marks snapped to
            // the pixel in the PNG; librsvg kerns text whatever `font-kerning` says, which
            // Chromium honours, so a pair such as "Wo" sits a little closer); moving every text
            // by half a point gives about 9.6, another family about 11.8.
            #expect(difference < 6, "\(name): the rasterised SVG differs from the PNG by \(difference) per channel on average")
        }
    }

    /// The mean absolute difference per channel (0...255) of two PNGs of one size.
    static func meanDifference(_ a: URL, _ b: URL) throws -> Double {
        func pixels(_ url: URL) throws -> (Int, Int, [UInt32]) {
            let s = try #require(cairo_image_surface_create_from_png(url.path))
            defer { cairo_surface_destroy(s) }
            try #require(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, "cannot read \(url.lastPathComponent)")
            cairo_surface_flush(s)
            let w = Int(cairo_image_surface_get_width(s)), h = Int(cairo_image_surface_get_height(s))
            let stride = Int(cairo_image_surface_get_stride(s)) / 4
            let p = UnsafeRawPointer(try #require(cairo_image_surface_get_data(s))).bindMemory(to: UInt32.self, capacity: stride * h)
            var out: [UInt32] = []
            out.reserveCapacity(w * h)
            for y in 0..<h { for x in 0..<w { out.append(p[y * stride + x]) } }
            return (w, h, out)
        }
        let (wa, ha, pa) = try pixels(a), (wb, hb, pb) = try pixels(b)
        try #require(wa == wb && ha == hb, "sizes differ: \(wa)x\(ha) and \(wb)x\(hb)")
        var total = 0
        for (x, y) in zip(pa, pb) {
            for shift in [0, 8, 16] as [UInt32] { total += abs(Int((x >> shift) & 0xff) - Int((y >> shift) & 0xff)) }
        }
        return Double(total) / Double(pa.count * 3)
    }

    @Test("hostile text and fonts: escaped into text and attributes, never markup")
    func escaping() throws {
        let m = try TextMeasurer()
        var scene = Scene(width: 300, height: 60, background: .white)
        let hostile = ["</text><script>alert(1)</script>", "a\" onload=\"alert(1)", "x' onmouseover='y", "&amp; & <b>", "bell\u{7}\u{FFFE}end"]
        for (i, s) in hostile.enumerated() {
            scene.items.append(.text(m.text(s, x: 5, baseline: 10 + Double(i) * 10, font: FontSpec(family: "DejaVu Sans", size: 8), color: .black)))
        }
        let svg = try ScenePainter.render(scene, as: .svg, dpi: 72)
        let read = try SVGTextReader.read(svg)
        #expect(!read.elements.contains("script") && !read.elements.contains("b"))
        #expect(read.texts.map(\.content) == hostile.map { UnsafeScalars.replaced(in: $0) })
        #expect(read.texts.allSatisfy { $0.attributes.keys.allSatisfy { !$0.lowercased().hasPrefix("on") } })
        // A family name that is not a CSS identifier is quoted, and its quotes escaped.
        #expect(SVGBuffer.cssFamily("DejaVu Sans") == "DejaVu Sans")
        #expect(SVGBuffer.cssFamily("Noto Sans 3") == "'Noto Sans 3'")
        #expect(SVGBuffer.cssFamily("x' y") == "'x\\' y'")
        // A quote or backslash followed by a combining mark is still escaped (one grapheme).
        #expect(SVGBuffer.cssFamily("x'\u{301} y") == "'x\\'\u{301} y'")
        #expect(SVGBuffer.cssFamily("x\\\u{301}") == "'x\\\\\u{301}'")
        #expect(SVGBuffer.cssFamily("serif") == "'serif'", "a family named like a generic one is quoted")
    }

    @Test("numbers: three decimals at most, no exponent, no negative zero; a non-finite one refuses the document")
    func numbers() throws {
        var b = SVGBuffer()
        for v in [0, -0.0001, 1.5, -2.25, 1234.56789, 0.1 + 0.2, 1e-7, 72] { b.number(v); b.append(" ") }
        #expect(String(decoding: b.bytes, as: UTF8.self) == "0 0 1.5 -2.25 1234.568 0.3 0 72 ")
        var scene = Scene(width: 100, height: 100, background: .white)
        scene.items.append(.line(SceneLine(from: Point(x: .nan, y: 0), to: Point(x: 1, y: 1), color: .black, width: 1)))
        #expect(throws: EpistolaryError.self) { try ScenePainter.render(scene, as: .svg, dpi: 72) }
    }

    @Test("a rotated text turns about its baseline origin, as Cairo turns it")
    func rotated() throws {
        let m = try TextMeasurer()
        var scene = Scene(width: 100, height: 100, background: .white)
        scene.items.append(.text(m.verticalText("days", baselineX: 20, centerY: 50, font: FontSpec(family: "DejaVu Sans", size: 9), color: .black)))
        let read = try SVGTextReader.read(try ScenePainter.render(scene, as: .svg, dpi: 72))
        let t = try #require(read.texts.first)
        let origin = scene.texts[0].origin
        #expect(t.attributes["transform"] == "translate(\(Int(origin.x)) \(origin.y.formatted(.number.grouping(.never).precision(.fractionLength(0...3))))) rotate(-90)")
    }
}

/// The CMIF edition fixture, analysed once.
enum EditionRun {
    static let loaded: Result<CorpusAnalysis, Error> = Result {
        CorpusAnalysis(corpus: try CorpusLoader.load(path: PackagePaths.fixture("cmif/edition.xml").path), lexicon: try TopicLexicon.bundled())
    }

    static func analysis() throws -> CorpusAnalysis { try loaded.get() }

    static func maker(_ spec: String = "paper", widthMM: Double? = nil) throws -> TimelineFigureMaker {
        try TimelineFigureMaker(theme: try ThemeLoader.load(spec: spec), styleName: spec, events: EventCalendar(events: []), widthMM: widthMM)
    }
}
