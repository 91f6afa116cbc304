import Foundation
import Styling

/// Graphviz's SVG writes a font's whole Pango name as its family (`font-family="DejaVu Serif
/// Bold"`), a family no system has. This writes the family alone with the weight and style as
/// attributes (`font-family="DejaVu Serif" font-weight="bold"`), for each theme font whose
/// name carries a weight or a style.
enum SVGFontNames {
    static func rewrite(_ svg: Data, fonts: [FontStyle]) -> Data {
        var replacements: [(String, String)] = []
        for font in fonts where font.bold || font.italic {
            let from = "font-family=\"\(DOTWriter.html(font.graphvizName))\""
            var to = "font-family=\"\(DOTWriter.html(font.family))\""
            if font.bold { to += " font-weight=\"bold\"" }
            if font.italic { to += " font-style=\"italic\"" }
            if !replacements.contains(where: { $0.0 == from }) { replacements.append((from, to)) }
        }
        guard !replacements.isEmpty else { return svg }
        var text = String(decoding: svg, as: UTF8.self)
        // Longest names first, so "X Bold Italic" is not taken for "X Bold".
        for (from, to) in replacements.sorted(by: { $0.0.count > $1.0.count }) {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return Data(text.utf8)
    }
}

