import Styling

/// The title and legend of a figure as one HTML-like table, set as the graph's label: Graphviz
/// places the graph label outside the drawing, so it can never overlap a node or an edge.
/// Entries are packed into rows that fit the figure width (text measured conservatively).
struct FigureLegend {
    /// How an entry shows what it stands for: a glyph drawn in a colour (a filled or hollow
    /// disc, a box, a line of some dash pattern and weight).
    enum Swatch {
        case box(RGBColor)
        case disc(RGBColor)
        case ring(RGBColor)
        case doubleRing(RGBColor)
        case diamond(RGBColor)
        case hollowDiamond(RGBColor)
        case line(RGBColor, style: String, heavy: Bool)

        var glyph: String {
            switch self {
            case .box: return "■"
            case .disc: return "●"
            case .ring: return "○"
            case .doubleRing: return "◎"
            case .diamond: return "◆"
            case .hollowDiamond: return "◇"
            case .line(_, let style, let heavy):
                switch style {
                case "dashed": return heavy ? "╍╍╍" : "╌╌╌"
                case "dotted": return heavy ? "┉┉┉" : "┈┈┈"
                default: return heavy ? "━━━" : "───"
                }
            }
        }

        var color: RGBColor {
            switch self {
            case .box(let c), .disc(let c), .ring(let c), .doubleRing(let c), .diamond(let c), .hollowDiamond(let c), .line(let c, _, _): return c
            }
        }
    }

    struct Entry {
        var swatch: Swatch
        var text: String
    }

    var title: String
    /// Groups of entries; each group starts on a new row (e.g. people, then line styles).
    var groups: [[Entry]]
    /// Lines of explanation under the entries, in the note font.
    var notes: [String] = []

    /// The HTML-like label, fitted to `widthPoints`: the title, then the entries packed into
    /// lines (each group starting a new line), then notes. Each line is one left-aligned cell
    /// of coloured glyphs and text, so Graphviz cannot spread its parts apart.
    func html(style: FigureStyle, widthPoints: Double) -> String {
        let titleFont = style.titleFont
        let font = style.legendFont
        let noteFont = style.noteFont
        let ink = style.theme.colors.ink.hex
        let face = "FACE=\"\(DOTWriter.html(font.graphvizName))\" POINT-SIZE=\"\(DOTWriter.number(font.sizePt))\""
        let space = "&#160;"

        func cell(_ content: String) -> String {
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + content + "</TD></TR>"
        }
        func block(_ text: String, _ blockFont: FontStyle, color: String) -> String {
            let lines = Self.wrap(text, font: blockFont, width: widthPoints).map(DOTWriter.html).joined(separator: "<BR ALIGN=\"LEFT\"/>")
            return cell("<FONT FACE=\"\(DOTWriter.html(blockFont.graphvizName))\" POINT-SIZE=\"\(DOTWriter.number(blockFont.sizePt))\" COLOR=\"\(color)\">\(lines)<BR ALIGN=\"LEFT\"/></FONT>")
        }

        var rows = [block(title, titleFont, color: ink)]
        for group in groups where !group.isEmpty {
            var line = ""
            var used = 0.0
            for entry in group {
                // Glyphs are about one em wide; text is measured generously; three spaces follow.
                let width = Double(entry.swatch.glyph.count) * font.sizePt + FigureStyle.textWidth(" " + entry.text, font: font) + font.sizePt
                if used > 0, used + width > widthPoints {
                    rows.append(cell(line))
                    line = ""
                    used = 0
                }
                if used > 0 { line += "<FONT \(face)>\(space)\(space)\(space)</FONT>" }
                line += "<FONT \(face) COLOR=\"\(entry.swatch.color.hex)\">\(entry.swatch.glyph)</FONT>"
                    + "<FONT \(face) COLOR=\"\(ink)\">\(space)\(DOTWriter.html(entry.text))</FONT>"
                used += width
            }
            if !line.isEmpty { rows.append(cell(line)) }
        }
        for note in notes { rows.append(block(note, noteFont, color: style.theme.colors.muted.hex)) }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    /// Greedy word wrap of `text` to `width` points.
    static func wrap(_ text: String, font: FontStyle, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty, FigureStyle.textWidth(candidate, font: font) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Graph attributes placing this legend above the drawing, left-aligned.
    func graphAttributes(style: FigureStyle) -> DOTAttributes {
        [("label", .html(html(style: style, widthPoints: style.drawingWidthPoints - 4))), ("labelloc", "t"), ("labeljust", "l")]
    }
}
