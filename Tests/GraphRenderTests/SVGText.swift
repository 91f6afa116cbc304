import CCairo
import Foundation

/// The text items and node shapes of a Graphviz SVG, with boxes measured by Cairo in the same
/// font, for the no-overlap tests.
struct SVGLayout {
    struct Box: CustomStringConvertible {
        var label: String
        var minX, minY, maxX, maxY: Double

        func overlaps(_ other: Box, tolerance: Double) -> Bool {
            minX + tolerance < other.maxX && other.minX + tolerance < maxX
                && minY + tolerance < other.maxY && other.minY + tolerance < maxY
        }

        var description: String { "\(label.debugDescription) [\(Int(minX)),\(Int(minY))–\(Int(maxX)),\(Int(maxY))]" }
    }

    var texts: [Box] = []
    /// Bounding boxes of node shapes (ellipses and polygons inside `<g class="node">`).
    var nodes: [Box] = []

    init(svg: String) {
        var inNode = false
        var nodeTitle = ""
        for rawLine in svg.components(separatedBy: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<g id=\"node") { inNode = true; continue }
            if line.hasPrefix("<g id=") { inNode = false }
            if inNode, line.hasPrefix("<title>") { nodeTitle = line }
            if line.hasPrefix("<text"), let box = Self.text(line) {
                // Graphviz sets a line of an HTML-like label as consecutive spans, each placed by
                // its own measurement: a span starting where the previous one on the same
                // baseline ends continues that line, and is one box with it.
                if let last = texts.last, line.contains("text-anchor=\"start\""), abs(last.maxY - box.maxY) < 0.01,
                   box.minX >= last.minX, box.minX <= last.maxX + 1.5 {
                    texts[texts.count - 1].maxX = max(last.maxX, box.maxX)
                    texts[texts.count - 1].label += box.label
                } else {
                    texts.append(box)
                }
            }
            if inNode, line.hasPrefix("<ellipse"), let cx = Self.attribute("cx", line), let cy = Self.attribute("cy", line),
               let rx = Self.attribute("rx", line), let ry = Self.attribute("ry", line) {
                nodes.append(Box(label: nodeTitle, minX: cx - rx, minY: cy - ry, maxX: cx + rx, maxY: cy + ry))
            }
            if inNode, line.hasPrefix("<polygon"), !line.contains("fill=\"none\" stroke=\"transparent\""),
               let points = Self.string("points", line) {
                let pairs = points.split(separator: " ").compactMap { pair -> (Double, Double)? in
                    let xy = pair.split(separator: ",").compactMap { Double($0) }
                    return xy.count == 2 ? (xy[0], xy[1]) : nil
                }
                if let minX = pairs.map(\.0).min(), let maxX = pairs.map(\.0).max(), let minY = pairs.map(\.1).min(), let maxY = pairs.map(\.1).max() {
                    nodes.append(Box(label: nodeTitle, minX: minX, minY: minY, maxX: maxX, maxY: maxY))
                }
            }
        }
    }

    /// Pairs of text boxes that overlap by more than `tolerance` points.
    func overlappingTexts(tolerance: Double = 0.3) -> [(Box, Box)] {
        pairs(texts, tolerance: tolerance)
    }

    /// Overlapping shapes of different nodes (a table node's cells are one node's parts).
    func overlappingNodes(tolerance: Double = 0.3) -> [(Box, Box)] {
        pairs(nodes, tolerance: tolerance).filter { $0.0.label != $0.1.label }
    }

    private func pairs(_ boxes: [Box], tolerance: Double) -> [(Box, Box)] {
        var found: [(Box, Box)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j], tolerance: tolerance) {
                found.append((boxes[i], boxes[j]))
            }
        }
        return found
    }

    private static func text(_ line: String) -> Box? {
        guard let x = attribute("x", line), let y = attribute("y", line), let size = attribute("font-size", line),
              let open = line.firstIndex(of: ">"), let close = line.range(of: "</text>") else { return nil }
        let content = unescape(String(line[line.index(after: open)..<close.lowerBound]))
        let family = (string("font-family", line) ?? "DejaVu Sans").split(separator: ",").first.map(String.init) ?? "DejaVu Sans"
        let width = measure(content, family: family, size: size, bold: string("font-weight", line) == "bold",
                            italic: string("font-style", line) == "italic")
        let anchor = string("text-anchor", line) ?? "start"
        let minX = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
        return Box(label: content, minX: minX, minY: y - size * 0.75, maxX: minX + width, maxY: y + size * 0.2)
    }

    static func attribute(_ name: String, _ line: String) -> Double? {
        string(name, line).flatMap(Double.init)
    }

    static func string(_ name: String, _ line: String) -> String? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#160;", with: "\u{00A0}").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Advance width of `text` in points, measured by Cairo with the same font.
    static func measure(_ text: String, family: String, size: Double, bold: Bool, italic: Bool) -> Double {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return 0 }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { return 0 }
        defer { cairo_destroy(context) }
        cairo_select_font_face(context, family, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }
}
