import Correspondence
import Foundation

/// The page of a Graphviz SVG: its `width` and `height` in points, and the factor its drawing
/// was scaled by to fit the graph's `size` (the `scale(...)` of its first group, 1 when none).
/// The PDF of the same layout is sized from it, and figures check their smallest text with it.
struct SVGPageSize: Equatable {
    var widthPt: Double
    var heightPt: Double
    var scale: Double

    init?(_ svg: Data) {
        let text = String(decoding: svg.prefix(8192), as: UTF8.self)
        guard let open = text.range(of: "<svg ") else { return nil }
        let rest = " " + ScalarText.oneLine(String(text[open.upperBound...]))
        func attribute(_ name: String) -> Double? {
            guard let key = rest.range(of: " \(name)=\"") else { return nil }
            let value = rest[key.upperBound...].prefix { $0 != "\"" }
            return Double(value.hasSuffix("pt") ? String(value.dropLast(2)) : String(value))
        }
        guard let width = attribute("width"), let height = attribute("height"), width > 0, height > 0 else { return nil }
        widthPt = width
        heightPt = height
        scale = 1
        if let transform = rest.range(of: "transform=\"scale(") {
            let numbers = rest[transform.upperBound...].prefix { $0 != ")" }.split(separator: " ").compactMap { Double($0) }
            if let first = numbers.first, first > 0 { scale = first }
        }
    }
}
