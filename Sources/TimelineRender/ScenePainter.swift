internal import CCairo
import Correspondence
import Foundation
import Drawing

/// Paints a `Scene` with Cairo, item by item in order, and turns it into PNG or PDF bytes (SVG
/// is written by `SceneSVG` in the same order and geometry).
public enum ScenePainter {
    /// The version of the Cairo library in use ("1.16.0"), for provenance.
    public static var cairoVersion: String { String(cString: cairo_version_string()) }

    /// The scene as SVG, PNG (at `dpi`) or PDF bytes. A large PNG is drawn in `bands` (one per
    /// core unless given; the bytes do not depend on it, see `Canvas`).
    /// SVG is written from the scene itself (`SceneSVG`: real `<text>`), not through Cairo's SVG
    /// surface, which draws text as glyph outlines.
    public static func render(_ scene: Scene, as format: DocumentFormat, dpi: Double, bands: Int? = nil) throws -> Data {
        if format == .svg { return try SceneSVG.document(scene) }
        return try Canvas.render(format, width: scene.width, height: scene.height, dpi: dpi, bands: bands) { cr in
            paint(scene, on: cr)
        }
    }

    /// Writes the scene to `url` (format from its extension) atomically: a temporary file in
    /// the same folder renamed into place, so a failure leaves no partial figure.
    public static func write(_ scene: Scene, to url: URL, dpi: Double) throws {
        let format = try DocumentFormat(path: url.path)
        try AtomicFile.write(render(scene, as: format, dpi: dpi), to: url)
    }

    static func paint(_ scene: Scene, on cr: OpaquePointer) {
        TextMeasurer.applyFontOptions(cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        setColor(scene.background, cr)
        cairo_rectangle(cr, 0, 0, scene.width, scene.height)
        cairo_fill(cr)
        var font: FontSpec?
        let items = scene.items
        // On a raster surface marks are stamped: each look is drawn once into a small image,
        // which is then composited at every mark's position snapped to the pixel (as
        // matplotlib's Agg does), far cheaper than filling tens of thousands of paths.
        var device = (x: 1.0, y: 0.0)
        cairo_user_to_device_distance(cr, &device.x, &device.y)
        let raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE
        // Stamps are placed in the pixels of the whole page, which the target may be a band of
        // (see `Canvas`): the band's origin on the page, and the page's size in pixels.
        var origin = (x: 0.0, y: 0.0)
        cairo_user_to_device(cr, &origin.x, &origin.y)
        let scale = device.x
        let page = Page(width: Int((scene.width * scale).rounded(.up)), height: Int((scene.height * scale).rounded(.up)),
                        bandLeft: -Int(origin.x.rounded()), bandTop: -Int(origin.y.rounded()))
        var seen = PixelSet()
        var i = 0
        while i < items.count {
            let item = items[i]
            i += 1
            switch item {
            case .line(let l):
                // Runs of lines with the same pen are stroked as one path (tens of thousands
                // of range bars in a large corpus).
                cairo_move_to(cr, l.from.x, l.from.y)
                cairo_line_to(cr, l.to.x, l.to.y)
                while i < items.count, case .line(let n) = items[i], n.color == l.color, n.width == l.width, n.dash == l.dash {
                    cairo_move_to(cr, n.from.x, n.from.y)
                    cairo_line_to(cr, n.to.x, n.to.y)
                    i += 1
                }
                stroke(l.color, width: l.width, dash: l.dash, cr)
            case .mark where raster, .marks where raster:
                i = stamp(items, from: i - 1, scale: scale, page: page, seen: &seen, cr)
            case .mark, .marks:
                // Runs of marks of one look are filled and stroked as one path; a mark exactly
                // on top of an identical one adds nothing and is skipped.
                let (look, end) = lookRun(items, from: i - 1)
                var drawn = Set<Int64>()
                forEachCenter(items, i - 1..<end) { c in
                    if drawn.insert(markKey(c)).inserted { markPath(look, at: c, cr) }
                }
                fillAndStroke(fill: look.fill, stroke: look.stroke, width: look.strokeWidth, dash: [], cr)
                i = end
            case .rect(let r):
                cairo_rectangle(cr, r.rect.x, r.rect.y, r.rect.width, r.rect.height)
                if let h = r.hatch {
                    if let fill = r.fill {
                        setColor(fill, cr)
                        cairo_fill(cr)
                    }
                    hatch(r.rect, h, cr)
                    cairo_rectangle(cr, r.rect.x, r.rect.y, r.rect.width, r.rect.height)
                    fillAndStroke(fill: nil, stroke: r.stroke, width: r.strokeWidth, dash: [], cr)
                } else {
                    fillAndStroke(fill: r.fill, stroke: r.stroke, width: r.strokeWidth, dash: [], cr)
                }
            case .path(let p):
                pathElements(p.elements, cr)
                fillAndStroke(fill: p.fill, stroke: p.stroke, width: p.strokeWidth, dash: p.dash, cr)
            case .text(let t):
                if font != t.font {
                    TextMeasurer.select(t.font, on: cr)
                    font = t.font
                }
                setColor(t.color, cr)
                if t.quarterTurns == 0 {
                    cairo_move_to(cr, t.origin.x, t.origin.y)
                    cairo_show_text(cr, UnsafeScalars.replaced(in: t.text))   // Cairo refuses non-characters
                } else {
                    cairo_save(cr)
                    cairo_translate(cr, t.origin.x, t.origin.y)
                    cairo_rotate(cr, -Double.pi / 2 * Double(t.quarterTurns))
                    cairo_move_to(cr, 0, 0)
                    cairo_show_text(cr, UnsafeScalars.replaced(in: t.text))   // Cairo refuses non-characters
                    cairo_restore(cr)
                }
                cairo_new_path(cr)
            }
        }
    }

    /// Draws `marks` (all of one look) on a raster context whose user unit is `scale` pixels.
    /// The look is drawn once, antialiased, into a small premultiplied image (a stamp); the
    /// stamp is then composited (Porter-Duff OVER, with Pixman's rounding) straight into the
    /// target's pixels at each mark's position snapped to the pixel, as matplotlib's Agg
    /// does. A mark whose snapped position repeats one already stamped in the run would only
    /// deepen the antialiased edge of an identical opaque mark, so it is stamped once (the
    /// scene keeps every mark). No per-mark Cairo call: 50,000 marks take milliseconds.
    /// The marks are the run of items of the first one's look from `start`; returns the
    /// index after the run.
    private static func stamp(_ items: [SceneItem], from start: Int, scale: Double, page: Page, seen: inout PixelSet,
                              _ cr: OpaquePointer) -> Int {
        let (first, end) = lookRun(items, from: start)
        let side = Int((first.size + first.strokeWidth) * scale + 4)
        guard side > 0, let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side)) else { return end }
        defer { cairo_surface_destroy(image) }
        let half = Double(side) / 2
        if let sc = cairo_create(image) {
            cairo_set_line_join(sc, CAIRO_LINE_JOIN_ROUND)
            cairo_translate(sc, half, half)
            cairo_scale(sc, scale, scale)
            markPath(first, at: Point(x: 0, y: 0), sc)
            fillAndStroke(fill: first.fill, stroke: first.stroke, width: first.strokeWidth, dash: [], sc)
            cairo_destroy(sc)
        }
        cairo_surface_flush(image)
        let target = cairo_get_target(cr)
        guard let target, let stampBase = cairo_image_surface_get_data(image) else { return end }
        cairo_surface_flush(target)
        guard let targetBase = cairo_image_surface_get_data(target) else { return end }
        let format = cairo_image_surface_get_format(target)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else { return end }
        let opaqueTarget = format == CAIRO_FORMAT_RGB24
        let width = Int(cairo_image_surface_get_width(target)), height = Int(cairo_image_surface_get_height(target))
        let stride = Int(cairo_image_surface_get_stride(target)) / 4
        let stampStride = Int(cairo_image_surface_get_stride(image)) / 4
        let src = UnsafeMutableRawPointer(stampBase).bindMemory(to: UInt32.self, capacity: stampStride * side)
        let dst = UnsafeMutableRawPointer(targetBase).bindMemory(to: UInt32.self, capacity: stride * height)
        // The stamp's covered pixels, once: (offset in the stamp, premultiplied pixel).
        var covered: [(dx: Int, dy: Int, pixel: UInt32)] = []
        for dy in 0..<side {
            for dx in 0..<side where src[dy * stampStride + dx] >> 24 != 0 {
                covered.append((dx, dy, src[dy * stampStride + dx]))
            }
        }
        // Positions already stamped in this run: a bit per pixel of the page. A stamp whose
        // corner lies off the page (never a mark inside the plot) is drawn, clipped, unchecked.
        // Positions are the page's; a band draws what falls in its own pixels.
        if seen.bits.count != (page.width * page.height + 63) / 64 { seen.bits = [UInt64](repeating: 0, count: (page.width * page.height + 63) / 64) }
        defer { seen.clear() }
        forEachCenter(items, start..<end) { center in
            let px = Int((center.x * scale - half).rounded()), py = Int((center.y * scale - half).rounded())
            if px >= 0, py >= 0, px < page.width, py < page.height {
                if !seen.insert(py * page.width + px) { return }
            }
            let x = px - page.bandLeft, y = py - page.bandTop
            if x >= 0, y >= 0, x + side <= width, y + side <= height {
                for c in covered { blend(c.pixel, into: &dst[(y + c.dy) * stride + x + c.dx], opaqueTarget) }
            } else if x + side > 0, y + side > 0, x < width, y < height {
                for c in covered {
                    let qx = x + c.dx, qy = y + c.dy
                    if qx >= 0, qy >= 0, qx < width, qy < height { blend(c.pixel, into: &dst[qy * stride + qx], opaqueTarget) }
                }
            }
        }
        cairo_surface_mark_dirty(target)
        return end
    }

    /// `d = s OVER d` for premultiplied 8-bit ARGB, rounded as Pixman rounds (so stamping
    /// matches what Cairo's own compositing would give); an opaque target keeps alpha 255.
    @inline(__always)
    private static func blend(_ s: UInt32, into d: inout UInt32, _ opaqueTarget: Bool) {
        let alpha = s >> 24
        if alpha == 255 {
            d = s
            return
        }
        // Two channels at a time (red and blue, then alpha and green), each in its own 16-bit
        // lane: the same arithmetic as one channel at a time, as Pixman's UN8x4 macros do.
        let inverse = 255 - alpha
        func lanes(_ d: UInt32, _ s: UInt32) -> UInt32 {
            var t = d * inverse &+ 0x0080_0080
            t = ((t >> 8) & 0x00ff_00ff &+ t) >> 8 & 0x00ff_00ff
            t &+= s
            // Saturate each lane at 255.
            t |= 0x0100_0100 &- ((t >> 8) & 0x0001_0001)
            return t & 0x00ff_00ff
        }
        let out = lanes(d & 0x00ff_00ff, s & 0x00ff_00ff) | lanes((d >> 8) & 0x00ff_00ff, (s >> 8) & 0x00ff_00ff) << 8
        d = opaqueTarget ? out | 0xff00_0000 : out
    }

    /// Lines of a hatching, clipped to the rectangle.
    private static func hatch(_ r: Rect, _ h: Hatch, _ cr: OpaquePointer) {
        cairo_save(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
        var sink = CairoOutline(cr: cr)
        MarkOutline.traceHatch(h, over: r, into: &sink)
        stroke(h.color, width: h.width, dash: [], cr)
        cairo_restore(cr)
    }

    /// A mark's centre to a hundredth of a point, as one number.
    static func markKey(_ center: Point) -> Int64 {
        Int64((center.x * 100).rounded()) &* 1_000_003 &+ Int64((center.y * 100).rounded())
    }

    /// The look of the mark item at `start` (a mark or a run) and the index after the
    /// consecutive mark items of that look: they are painted together.
    static func lookRun(_ items: [SceneItem], from start: Int) -> (look: SceneMark, end: Int) {
        func look(_ item: SceneItem) -> SceneMark? {
            switch item {
            case .mark(let m): return m
            case .marks(let run): return run.look
            default: return nil
            }
        }
        guard let first = look(items[start]) else { preconditionFailure("lookRun starts at a mark") }
        var end = start + 1
        while end < items.count, let n = look(items[end]), n.sameLook(as: first) { end += 1 }
        return (first, end)
    }

    /// Calls `body` with the centre of every mark of the mark items in `range`, in order.
    static func forEachCenter(_ items: [SceneItem], _ range: Range<Int>, _ body: (Point) -> Void) {
        for k in range {
            switch items[k] {
            case .mark(let m): body(m.center)
            case .marks(let run): for c in run.centers { body(c) }
            default: break
            }
        }
    }

    private static func setColor(_ c: PaintColor, _ cr: OpaquePointer) {
        if c.alpha >= 1 {
            cairo_set_source_rgb(cr, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
        }
    }

    private static func stroke(_ c: PaintColor, width: Double, dash: [Double], _ cr: OpaquePointer) {
        setColor(c, cr)
        cairo_set_line_width(cr, width)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
    }

    private static func fillAndStroke(fill: PaintColor?, stroke s: PaintColor?, width: Double, dash: [Double], _ cr: OpaquePointer) {
        if let fill {
            setColor(fill, cr)
            if s != nil && width > 0 { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s, width > 0 {
            stroke(s, width: width, dash: dash, cr)
        }
        cairo_new_path(cr)
    }

    private static func pathElements(_ elements: [PathElement], _ cr: OpaquePointer) {
        for e in elements {
            switch e {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// The path of a mark of look `m` centred on `center`.
    private static func markPath(_ m: SceneMark, at center: Point, _ cr: OpaquePointer) {
        var sink = CairoOutline(cr: cr)
        MarkOutline.trace(m.shape, size: m.size, at: center, into: &sink)
    }
}

/// An outline traced as Cairo path calls.
private struct CairoOutline: OutlineSink {
    let cr: OpaquePointer
    func move(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    func line(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
    }
    func close() { cairo_close_path(cr) }
}

/// A raster page's size in pixels, and where on it the target drawn into (a band) starts.
struct Page {
    let width: Int
    let height: Int
    let bandLeft: Int
    let bandTop: Int
}

/// Pixels of a page, a bit each, emptied after use by clearing only the words it touched (a
/// 600 dpi page has 24 million pixels; a run of marks touches a few thousand).
struct PixelSet {
    var bits: [UInt64] = []
    private var touched: [Int] = []

    /// Adds pixel `index`; false when it was already there.
    mutating func insert(_ index: Int) -> Bool {
        let word = index >> 6, mask: UInt64 = 1 << UInt64(index & 63)
        if bits[word] & mask != 0 { return false }
        if bits[word] == 0 { touched.append(word) }
        bits[word] |= mask
        return true
    }

    mutating func clear() {
        for w in touched { bits[w] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}
