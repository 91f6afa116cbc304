import Correspondence
import Foundation
import CCairo
import Styling
import Synchronization
import Testing
import Drawing
@testable import TimelineRender

/// Counts calls from several threads.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

@Suite("Canvas: formats, errors, same bytes")
struct CanvasTests {
    static func sampleScene() throws -> Scene {
        let m = try TextMeasurer()
        let font = FontSpec(family: "DejaVu Sans", size: 9)
        var s = Scene(width: 200, height: 100, background: .white)
        s.items.append(.rect(SceneRect(rect: Rect(x: 10, y: 10, width: 50, height: 30), fill: PaintColor(hex: "#0072b2"), stroke: .black, strokeWidth: 0.5)))
        s.items.append(.line(SceneLine(from: Point(x: 10, y: 60), to: Point(x: 190, y: 60), color: .black, width: 1, dash: [3, 2])))
        for (i, shape) in MarkShape.allCases.enumerated() {
            s.items.append(.mark(SceneMark(center: Point(x: 20 + Double(i) * 20, y: 80), shape: shape, size: 8,
                                           fill: i % 2 == 0 ? PaintColor(hex: "#d55e00") : nil, stroke: .black, strokeWidth: 0.6)))
        }
        s.items.append(.text(m.text("Stalin – Черчилль, Łódź", x: 70, baseline: 30, font: font, color: .black)))
        s.items.append(.text(m.verticalText("days", baselineX: 195, centerY: 50, font: font, color: .black)))
        return s
    }

    @Test("each format has its signature and is not empty")
    func formats() throws {
        let scene = try Self.sampleScene()
        let svg = try ScenePainter.render(scene, as: .svg, dpi: 300)
        let png = try ScenePainter.render(scene, as: .png, dpi: 300)
        let pdf = try ScenePainter.render(scene, as: .pdf, dpi: 300)
        #expect(String(decoding: svg.prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf.suffix(6), as: UTF8.self).contains("%%EOF"))
    }

    @Test("the PNG has the theme's resolution: 200 pt at 144 dpi is 400 px wide")
    func pngSize() throws {
        let png = try ScenePainter.render(try Self.sampleScene(), as: .png, dpi: 144)
        let bytes = [UInt8](png)
        let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(w == 400)
        #expect(h == 200)
    }

    @Test("the PDF has no creation date and embeds its font")
    func pdfMetadata() throws {
        let pdf = String(decoding: try ScenePainter.render(try Self.sampleScene(), as: .pdf, dpi: 72), as: UTF8.self)
        #expect(!pdf.contains("/CreationDate"))
        #expect(pdf.contains("/FontFile"))
        #expect(pdf.contains("DejaVuSans"))
    }

    @Test("same scene, same bytes, in every format, however many documents came before")
    func sameBytes() throws {
        let scene = try Self.sampleScene()
        for format in DocumentFormat.allCases {
            let a = try ScenePainter.render(scene, as: format, dpi: 150)
            let b = try ScenePainter.render(scene, as: format, dpi: 150)
            #expect(a == b, "\(format) differs between two renders in one process")
        }
    }

    @Test("SVG surface ids are numbered per document")
    func svgIDs() throws {
        let text = "<g id=\"surface17\"><use xlink:href=\"#surface17\"/><use xlink:href=\"#surface4\"/></g>"
        let out = String(decoding: SVGSurfaceIDs.renumber(Data(text.utf8)), as: UTF8.self)
        #expect(out == "<g id=\"surface1\"><use xlink:href=\"#surface1\"/><use xlink:href=\"#surface2\"/></g>")
    }

    @Test("a bad page size or resolution is a usage error, not a crash")
    func badSizes() throws {
        #expect(throws: EpistolaryError.self) { try ScenePainter.render(Scene(width: 0, height: 10, background: .white), as: .svg, dpi: 72) }
        #expect(throws: EpistolaryError.self) { try ScenePainter.render(Scene(width: .nan, height: 10, background: .white), as: .pdf, dpi: 72) }
        #expect(throws: EpistolaryError.self) { try ScenePainter.render(Scene(width: 100, height: 100, background: .white), as: .png, dpi: 0) }
        do {
            _ = try ScenePainter.render(Scene(width: 20_000, height: 100, background: .white), as: .png, dpi: 300)
            Issue.record("a PNG of 83,000 pixels should be refused")
        } catch let e as EpistolaryError {
            #expect(e.kind == .badUsage)
            #expect(e.message.contains("32,767"))
        }
    }

    @Test("a drawing error becomes a Swift error naming the reason: Cairo's for PNG and PDF, the SVG writer's for SVG")
    func cairoErrorSurfaces() throws {
        var scene = Scene(width: 100, height: 100, background: .white)
        // A negative dash length puts the context into Cairo's "invalid dash" error state.
        scene.items.append(.line(SceneLine(from: Point(x: 0, y: 0), to: Point(x: 50, y: 50), color: .black, width: 1, dash: [-1, 2])))
        for format in DocumentFormat.allCases {
            do {
                _ = try ScenePainter.render(scene, as: format, dpi: 72)
                Issue.record("\(format): expected a Cairo error")
            } catch let e as EpistolaryError {
                #expect(e.message.contains(format == .svg ? "SVG" : "Cairo"))
                #expect(e.message.lowercased().contains("dash"))
            }
        }
    }

    @Test("an error thrown by the drawing closure still finishes the surface and propagates")
    func closureError() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try Canvas.render(.pdf, width: 100, height: 100, dpi: 72) { _ in throw Boom() }
        }
    }

    @Test("a PNG drawn in bands has the bytes of one drawn in one pass, whatever the count", arguments: [2, 3, 7])
    func bandsDoNotChangeBytes(bands: Int) throws {
        // A real figure: thousands of stamped marks (some straddling band edges), arcs, text.
        let (figure, _) = try BundledRun.figure(.correspondents)
        let one = try ScenePainter.render(figure.scene, as: .png, dpi: 300, bands: 1)
        #expect(try ScenePainter.render(figure.scene, as: .png, dpi: 300, bands: bands) == one)
    }

    @Test("an error in any band propagates, and no bytes come out")
    func bandError() throws {
        struct Boom: Error {}
        let calls = Counter()
        #expect(throws: Boom.self) {
            _ = try Canvas.render(.png, width: 100, height: 100, dpi: 72, bands: 4) { cr in
                // Only the band whose rows start lowest on the page fails.
                var origin = (x: 0.0, y: 0.0)
                cairo_user_to_device(cr, &origin.x, &origin.y)
                calls.add()
                if origin.y < -70 { throw Boom() }
            }
        }
        #expect(calls.value == 4)
    }

    @Test("the output format comes from the file extension")
    func formatFromPath() throws {
        #expect(try DocumentFormat(path: "out/fig.SVG") == .svg)
        #expect(try DocumentFormat(path: "fig.png") == .png)
        #expect(throws: EpistolaryError.self) { try DocumentFormat(path: "fig.jpeg") }
        #expect(throws: EpistolaryError.self) { try DocumentFormat(path: "dir.pdf/fig") }
    }

    @Test("files are written atomically: no temporary left, the target holds the bytes")
    func writesFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("canvas-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("figure.pdf")
        let scene = try Self.sampleScene()
        try ScenePainter.write(scene, to: url, dpi: 72)
        #expect(try Data(contentsOf: url) == ScenePainter.render(scene, as: .pdf, dpi: 72))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["figure.pdf"])
    }

    @Test("text is measured as drawn: wider strings measure wider, and DejaVu resolves")
    func measuring() throws {
        let m = try TextMeasurer()
        let f = FontSpec(family: "DejaVu Sans", size: 10)
        #expect(m.width("Stalingrad", font: f) > m.width("Kursk", font: f))
        #expect(m.width("Kursk", font: FontSpec(family: "DejaVu Sans", size: 20)) > 1.9 * m.width("Kursk", font: f))
        #expect(m.measure("x", font: f).ascent > 5)
        #expect(m.resolves(family: "DejaVu Sans"))
        #expect(m.resolves(family: "dejavu serif"), "family names compare without case, as fontconfig's do")
    }

    @Test("a font family that is not installed does not resolve (the old check was always true)")
    func missingFontFamilyIsNoticed() throws {
        let m = try TextMeasurer()
        #expect(!m.resolves(family: "No Such Family Epistolary"))
        #expect(!m.resolves(family: ""))
        // The figure maker refuses a theme whose font is missing, as an environment error.
        var theme = try ThemeLoader.load(spec: "paper")
        theme.fonts.label.family = "No Such Family Epistolary"
        #expect(throws: EpistolaryError.self) { try TimelineFigureMaker(theme: theme, styleName: "paper", events: EventCalendar(events: [])) }
    }

    @Test("a run of marks paints as the same marks one by one, in every format, and a scene lists its marks")
    func markRunsPaintAsSingleMarks() throws {
        let look = SceneMark(center: Point(x: 0, y: 0), shape: .diamond, size: 6, fill: PaintColor(hex: "#009e73"), stroke: .black, strokeWidth: 0.5)
        // Two lanes' worth, one mark repeated exactly (drawn once) and one off to the side.
        let centers = [Point(x: 20, y: 20), Point(x: 40.3, y: 20), Point(x: 40.3, y: 20), Point(x: 60, y: 50), Point(x: 180, y: 80)]
        let ids = centers.indices.map { "m\($0)" }
        let run = SceneMarkRun(look: look, centers: centers, messageIDs: ids)
        var single = Scene(width: 200, height: 100, background: .white)
        var runs = single
        single.items = run.marks.map { .mark($0) }
        // A run split in two and followed by a single mark of the same look is still one run.
        runs.items = [.marks(SceneMarkRun(look: look, centers: Array(centers[0..<2]), messageIDs: Array(ids[0..<2]))),
                      .marks(SceneMarkRun(look: look, centers: Array(centers[2..<4]), messageIDs: Array(ids[2..<4]))),
                      .mark(run.mark(4))]
        #expect(runs.marks == single.marks)
        #expect(runs.markedMessageIDs == Set(ids))
        for format in DocumentFormat.allCases {
            #expect(try ScenePainter.render(runs, as: format, dpi: 150) == ScenePainter.render(single, as: format, dpi: 150), "\(format)")
        }
        #expect(Scene.bounds(of: .marks(run)) == Rect(x: 16.75, y: 16.75, width: 166.5, height: 66.5))
    }
}
