import Correspondence
import Drawing
import Foundation

/// Writes a `Scene` as an SVG 1.1 document, item by item in paint order, the way `ScenePainter`
/// paints it with Cairo: same geometry (`MarkOutline`), same grouping of lines and marks, text
/// at the same measured baseline. Cairo's own SVG surface draws text as glyph outlines, which
/// a reader can neither select, search nor edit; here every text is a `<text>` element naming
/// the family fontconfig resolves (`TextMeasurer.resolvedFamily`), with weight and style as
/// attributes, and kerning and ligatures off as in Cairo's toy text API, so a viewer sets the
/// text as the PNG shows it. Everything from the scene is escaped (`XMLText`); the document has
/// no script, no event handler, no external reference.
///
/// Same scene, same bytes: numbers are written with at most three decimals, ids are numbered
/// per document.
enum SceneSVG {
    /// The SVG document of `scene`.
    /// - Complexity: O(n) in the scene's items and marks.
    static func document(_ scene: Scene) throws -> Data {
        guard scene.width.isFinite, scene.height.isFinite, scene.width >= 1, scene.height >= 1 else {
            throw EpistolaryError(.badUsage, "an svg page must be at least 1 x 1 point, got \(scene.width) x \(scene.height)")
        }
        var w = SVGBuffer()
        w.reserve(scene.items.count * 96 + 1_024)
        w.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        w.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        w.number(scene.width)
        w.append("pt\" height=\"")
        w.number(scene.height)
        w.append("pt\" viewBox=\"0 0 ")
        w.number(scene.width)
        w.append(" ")
        w.number(scene.height)
        w.append("\">\n")
        // As the painter sets its context: round joins; text without kerning or ligatures
        // (Cairo's toy API has neither, and the layout measured it so).
        w.append("<g stroke-linejoin=\"round\" stroke-miterlimit=\"10\" style=\"font-kerning:none;font-variant-ligatures:none\">\n")
        w.append("<rect x=\"0\" y=\"0\" width=\"")
        w.number(scene.width)
        w.append("\" height=\"")
        w.number(scene.height)
        w.append("\"")
        w.paint("fill", scene.background)
        w.append("/>\n")
        let items = scene.items
        var clipCount = 0
        var i = 0
        while i < items.count {
            let item = items[i]
            i += 1
            switch item {
            case .line(let l):
                // Consecutive lines of one pen are one path, as the painter strokes them.
                w.append("<path d=\"")
                w.segment(l.from, l.to)
                while i < items.count, case .line(let n) = items[i], n.color == l.color, n.width == l.width, n.dash == l.dash {
                    w.append(" ")
                    w.segment(n.from, n.to)
                    i += 1
                }
                w.append("\" fill=\"none\"")
                try w.stroke(l.color, width: l.width, dash: l.dash)
                w.append("/>\n")
            case .mark, .marks:
                // Marks of one look are one path; a mark on top of an identical one adds nothing.
                let (look, end) = ScenePainter.lookRun(items, from: i - 1)
                var drawn = Set<Int64>()
                w.beginPath()
                ScenePainter.forEachCenter(items, i - 1..<end) { c in
                    if drawn.insert(ScenePainter.markKey(c)).inserted { MarkOutline.trace(look.shape, size: look.size, at: c, into: &w) }
                }
                w.append("\"")
                try w.fillAndStroke(fill: look.fill, stroke: look.stroke, width: look.strokeWidth, dash: [])
                w.append("/>\n")
                i = end
            case .rect(let r):
                let box = SVGBuffer.normalised(r.rect)
                if let h = r.hatch {
                    if let fill = r.fill {
                        w.rect(box)
                        w.paint("fill", fill)
                        w.append("/>\n")
                    }
                    clipCount += 1
                    w.append("<clipPath id=\"hatch\(clipCount)\">")
                    w.rect(box)
                    w.append("/></clipPath>\n")
                    w.beginPath()
                    MarkOutline.traceHatch(h, over: box, into: &w)
                    w.append("\" fill=\"none\" clip-path=\"url(#hatch\(clipCount))\"")
                    try w.stroke(h.color, width: h.width, dash: [])
                    w.append("/>\n")
                    if let s = r.stroke, r.strokeWidth > 0 {
                        w.rect(box)
                        w.append(" fill=\"none\"")
                        try w.stroke(s, width: r.strokeWidth, dash: [])
                        w.append("/>\n")
                    }
                } else {
                    w.rect(box)
                    try w.fillAndStroke(fill: r.fill, stroke: r.stroke, width: r.strokeWidth, dash: [])
                    w.append("/>\n")
                }
            case .path(let p):
                w.append("<path d=\"")
                w.pathData(p.elements)
                w.append("\"")
                try w.fillAndStroke(fill: p.fill, stroke: p.stroke, width: p.strokeWidth, dash: p.dash)
                w.append("/>\n")
            case .text(let t):
                w.text(t)
            }
        }
        w.append("</g>\n</svg>\n")
        if w.nonFinite {
            throw EpistolaryError(.badData, "the SVG writer could not draw the figure: a coordinate or size is not a finite number")
        }
        return Data(w.bytes)
    }
}

/// The bytes of an SVG document being written, with the number and attribute forms it uses.
struct SVGBuffer {
    private(set) var bytes: [UInt8] = []
    /// Set when a number was not finite (written as 0; the document is then refused).
    private(set) var nonFinite = false
    /// Whether the open path's data has a command yet (commands are separated by a space).
    fileprivate var pathStarted = false

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A number with at most three decimals, no exponent, no trailing zeros, never "-0".
    mutating func number(_ value: Double) {
        guard value.isFinite, abs(value) < 1e12 else {
            nonFinite = true
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var n = Int64((value * 1000).rounded())
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            n = -n
        }
        digits(n / 1000)
        var fraction = n % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor: Int64 = 100
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private mutating func digits(_ n: Int64) {
        if n >= 10 { digits(n / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    mutating func point(_ p: Point) {
        number(p.x)
        bytes.append(UInt8(ascii: " "))
        number(p.y)
    }

    mutating func segment(_ a: Point, _ b: Point) {
        append("M")
        point(a)
        append("L")
        point(b)
    }

    mutating func pathData(_ elements: [PathElement]) {
        for (k, e) in elements.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: " ")) }
            switch e {
            case .move(let a): append("M"); point(a)
            case .line(let a): append("L"); point(a)
            case .curve(let a, let b, let c):
                append("C"); point(a); append(" "); point(b); append(" "); point(c)
            case .close: append("Z")
            }
        }
    }

    /// A rectangle with a non-negative size covering the same area.
    static func normalised(_ r: Rect) -> Rect {
        Rect(x: min(r.x, r.x + r.width), y: min(r.y, r.y + r.height), width: abs(r.width), height: abs(r.height))
    }

    /// `<rect x=.. y=.. width=.. height=..` (the caller adds paint and closes the tag).
    mutating func rect(_ r: Rect) {
        append("<rect x=\"")
        number(r.x)
        append("\" y=\"")
        number(r.y)
        append("\" width=\"")
        number(r.width)
        append("\" height=\"")
        number(r.height)
        append("\"")
    }

    /// ` fill="#rrggbb"` (or stroke), with its opacity when not opaque.
    mutating func paint(_ attribute: String, _ c: PaintColor) {
        append(" \(attribute)=\"#")
        for component in [c.red, c.green, c.blue] {
            let v = Int((min(max(component.isFinite ? component : 0, 0), 1) * 255).rounded())
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(hex[v >> 4])
            bytes.append(hex[v & 15])
        }
        append("\"")
        if c.alpha < 1 {
            append(" \(attribute)-opacity=\"")
            number(max(0, c.alpha))
            append("\"")
        }
    }

    /// A stroke of colour `c`, `width` wide, dashed by `dash` (refused as Cairo refuses it:
    /// a negative length, or lengths that are all zero).
    mutating func stroke(_ c: PaintColor, width: Double, dash: [Double]) throws {
        paint("stroke", c)
        append(" stroke-width=\"")
        number(width)
        append("\"")
        guard !dash.isEmpty else { return }
        guard dash.allSatisfy({ $0 >= 0 }), dash.contains(where: { $0 > 0 }) else {
            throw EpistolaryError(.badData, "the SVG writer could not draw a line: invalid value for a dash setting (\(dash))")
        }
        append(" stroke-dasharray=\"")
        for (k, d) in dash.enumerated() {
            if k > 0 { append(",") }
            number(d)
        }
        append("\"")
    }

    /// Fill and stroke as the painter's `fillAndStroke`: a stroke only when it has a width.
    mutating func fillAndStroke(fill: PaintColor?, stroke s: PaintColor?, width: Double, dash: [Double]) throws {
        if let fill { paint("fill", fill) } else { append(" fill=\"none\"") }
        if let s, width > 0 { try stroke(s, width: width, dash: dash) }
    }

    /// A `<text>` element at the scene text's baseline origin, turned as it is turned.
    mutating func text(_ t: SceneText) {
        append("<text")
        if t.quarterTurns == 0 {
            append(" x=\"")
            number(t.origin.x)
            append("\" y=\"")
            number(t.origin.y)
            append("\"")
        } else {
            append(" x=\"0\" y=\"0\" transform=\"translate(")
            point(t.origin)
            append(") rotate(")
            number(-90 * Double(t.quarterTurns % 4))
            append(")\"")
        }
        append(" font-family=\"")
        append(XMLText.attribute(SVGBuffer.cssFamily(TextMeasurer.resolvedFamily(t.font))))
        append("\" font-size=\"")
        number(t.font.size)
        append("\"")
        if t.font.bold { append(" font-weight=\"bold\"") }
        if t.font.italic { append(" font-style=\"italic\"") }
        paint("fill", t.color)
        append(" xml:space=\"preserve\">")
        append(XMLText.content(t.text))
        append("</text>\n")
    }

    /// A family name as a CSS `font-family` value: as it is when its words are CSS identifiers
    /// ("DejaVu Sans"), quoted otherwise ("'Noto Sans 3'"), with quotes and backslashes escaped.
    static func cssFamily(_ name: String) -> String {
        func isIdentifier(_ word: Substring) -> Bool {
            guard let first = word.unicodeScalars.first else { return false }
            let startsWell = first.properties.isAlphabetic || first == "_" || first.value > 0x7F
            return startsWell && word.unicodeScalars.allSatisfy { s in
                s.properties.isAlphabetic || s.properties.numericType == .decimal || s == "-" || s == "_" || s.value > 0x7F
            }
        }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if !words.isEmpty, words.allSatisfy(isIdentifier), !["serif", "sans-serif", "monospace", "cursive", "fantasy", "inherit", "initial", "default"].contains(name.lowercased()) {
            return name
        }
        return "'" + ScalarText.replacing(in: name) { $0 == "\\" ? "\\\\" : $0 == "'" ? "\\'" : nil } + "'"
    }
}

/// Outlines traced as path data, for `<path d="…">` opened by `beginPath`.
extension SVGBuffer: OutlineSink {
    /// Opens `<path d="`; the outlines traced next are its data.
    mutating func beginPath() {
        append("<path d=\"")
        pathStarted = false
    }

    private mutating func separate() {
        if pathStarted { append(" ") }
        pathStarted = true
    }

    mutating func move(_ x: Double, _ y: Double) {
        separate()
        append("M")
        point(Point(x: x, y: y))
    }

    mutating func line(_ x: Double, _ y: Double) {
        separate()
        append("L")
        point(Point(x: x, y: y))
    }

    /// Two half arcs from the right-most point, clockwise on the page as Cairo's arc from 0 to 2π.
    mutating func circle(_ x: Double, _ y: Double, radius: Double) {
        separate()
        append("M")
        point(Point(x: x + radius, y: y))
        for end in [x - radius, x + radius] {
            append("A")
            number(radius)
            append(" ")
            number(radius)
            append(" 0 1 1 ")
            point(Point(x: end, y: y))
        }
        append("Z")
    }

    mutating func close() {
        separate()
        append("Z")
    }
}
