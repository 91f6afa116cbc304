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
        /// A mark of the given shape, filled: exactly the shape of the nodes it describes.
        case marker(RGBColor, MarkerShape)
        case line(RGBColor, style: String, heavy: Bool)
        /// A filled square `sidePt` points wide: exactly a node's symbol of that size.
        case square(RGBColor, sidePt: Int)
        /// A line sample `widthPt` points thick in a Graphviz line style (solid, dashed,
        /// dotted), exactly as the lines it describes are drawn.
        case bar(RGBColor, widthPt: Int, style: String)
        /// A table tile in `fill`, outlined like the table's tiles.
        case tile(RGBColor, outline: RGBColor)
        /// No swatch: the entry is a heading for the samples after it.
        case none

        var glyph: String {
            switch self {
            case .box: return "■"
            case .disc: return "●"
            case .ring: return "○"
            case .doubleRing: return "◎"
            case .diamond: return "◆"
            case .hollowDiamond: return "◇"
            case .marker(_, let shape): return Self.glyph(of: shape)
            case .line(_, let style, let heavy):
                switch style {
                case "dashed": return heavy ? "╍╍╍" : "╌╌╌"
                case "dotted": return heavy ? "┉┉┉" : "┈┈┈"
                default: return heavy ? "━━━" : "───"
                }
            case .square, .bar, .tile, .none: return ""
            }
        }

        /// The filled glyph drawing `shape` (DejaVu Sans has all of them).
        static func glyph(of shape: MarkerShape) -> String {
            switch shape {
            case .circle: return "●"
            case .square: return "■"
            case .triangle: return "▲"
            case .diamond: return "◆"
            case .triangleDown: return "▼"
            case .pentagon: return "⬟"
            case .hexagon: return "⬢"
            case .star: return "★"
            }
        }

        /// The swatch as one HTML-like cell, at its real size in points: a line sample is the
        /// cell's bottom border, `widthPt` thick and dashed as the lines are.
        func cell(font: FontStyle) -> String {
            switch self {
            case .square(let color, let side):
                return FigureStyle.fixedBox(width: side, height: side, "BGCOLOR=\"\(color.hex)\"")
            case .bar(let color, let width, let lineStyle):
                // Graphviz's HTML-like cells draw dashed and dotted borders; "solid" (or any
                // other style) is the default.
                let styled = ["dashed", "dotted"].contains(lineStyle) ? " STYLE=\"\(lineStyle)\"" : ""
                return FigureStyle.fixedBox(width: max(24, 2 * width + 4), height: max(2 * width + 2, Int(font.sizePt.rounded())),
                                            "SIDES=\"B\" BORDER=\"\(width)\" COLOR=\"\(color.hex)\"" + styled)
            case .tile(let fill, let outline):
                return FigureStyle.fixedBox(width: 12, height: 9, "BORDER=\"1\" COLOR=\"\(outline.hex)\" BGCOLOR=\"\(fill.hex)\"")
            case .none:
                return "<TD></TD>"
            default:
                return "<TD ALIGN=\"RIGHT\">" + FigureStyle.html(glyph, font: font.plain, color: color.hex) + "</TD>"
            }
        }

        /// Width in points the swatch takes.
        func widthPoints(font: FontStyle) -> Double {
            switch self {
            case .square(_, let side): return Double(side)
            case .bar(_, let width, _): return Double(max(24, 2 * width + 4))
            case .tile: return 12
            case .none: return 0
            default: return Double(glyph.count) * font.sizePt
            }
        }

        var color: RGBColor {
            switch self {
            case .box(let c), .disc(let c), .ring(let c), .doubleRing(let c), .diamond(let c), .hollowDiamond(let c), .marker(let c, _), .line(let c, _, _),
                 .square(let c, _), .bar(let c, _, _), .tile(let c, _): return c
            case .none: return RGBColor(red: 0, green: 0, blue: 0)
            }
        }
    }

    struct Entry {
        var swatch: Swatch
        var text: String
    }

    /// The title row; nil draws none (the caption carries it).
    var title: String?
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
        let entries = groups.flatMap { $0 }
        // A grid: as many entries a row as the widest entry allows, each entry a swatch cell and a text cell.
        // Entries wider than half the page take a row of their own and do not set the grid.
        let widths = entries.map { $0.swatch.widthPoints(font: font) + FigureStyle.textWidth("\u{00A0}\u{00A0}\u{00A0}" + $0.text, font: font) }
        let widest = widths.filter { $0 <= widthPoints / 2 }.max() ?? widths.max() ?? 0
        let longest = groups.map(\.count).max() ?? 1
        let perRow = widest > 0 ? max(1, min(longest, Int(widthPoints / widest))) : 1
        let columns = 2 * perRow
        // Notes wrap to the grid's width when it is narrower than the page, so they do not
        // stretch it (Graphviz spreads a table's extra width over all its columns).
        let noteWidth = entries.isEmpty ? widthPoints : min(widthPoints, max(widest * Double(perRow), widthPoints * 0.6))

        func wide(_ content: String) -> String {
            "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + content + "</TD></TR>"
        }
        func block(_ text: String, _ blockFont: FontStyle, color: String, width: Double? = nil) -> String {
            let lines = Self.wrap(text, font: blockFont, width: width ?? widthPoints).map { FigureStyle.html($0, font: blockFont, color: color) }
            return wide(lines.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>")
        }

        var rows: [String] = []
        if let title, style.theme.page.showTitle { rows.append(block(title, titleFont, color: ink)) }
        for group in groups where !group.isEmpty {
            var start = 0
            while start < group.count {
                var end = start
                var used = 0.0
                while end < group.count, end - start < perRow {
                    let w = group[end].swatch.widthPoints(font: font) + FigureStyle.textWidth("\u{00A0}\u{00A0}\u{00A0}" + group[end].text, font: font)
                    if end > start, used + w > widthPoints { break }
                    used += max(w, widest)
                    end += 1
                }
                let line = group[start..<end]
                var cells = ""
                for (offset, entry) in line.enumerated() {
                    cells += entry.swatch.cell(font: font)
                    let span = offset == line.count - 1 ? columns - 2 * offset - 1 : 1
                    cells += "<TD ALIGN=\"LEFT\"" + (span > 1 ? " COLSPAN=\"\(span)\"" : "") + ">"
                        + FigureStyle.html("\u{00A0}" + entry.text + "\u{00A0}\u{00A0}", font: font, color: ink) + "</TD>"
                }
                rows.append("<TR>" + cells + "</TR>")
                start = end
            }
        }
        for note in notes { rows.append(block(note, noteFont, color: style.theme.colors.muted.hex, width: noteWidth)) }
        guard !rows.isEmpty else { return "" }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
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
        let markup = html(style: style, widthPoints: style.drawingWidthPoints - 4)
        guard !markup.isEmpty else { return [] }
        return [("label", .html(markup)), ("labelloc", "t"), ("labeljust", "l")]
    }
}
