import Styling

/// The title and legend of a figure as one HTML-like table, set as the graph's label: Graphviz
/// places the graph label outside the drawing, so it can never overlap a node or an edge.
/// Entries are packed into rows that fit the figure width (text measured conservatively).
struct FigureLegend {
    /// The line style of an `.arrow` sample whose shaft is outlined (hollow), as inferred
    /// arrows are drawn when the writers' arrows differ in line style.
    static let outlinedStyle = "outlined"

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
        /// An arrow: a line sample as `bar` (`widthPt` thick, in a Graphviz line style) ending
        /// in a head, filled (▶) or hollow (▷), about `headPt` long, as the figure's arrows end.
        case arrow(RGBColor, widthPt: Int, style: String, hollow: Bool, headPt: Double)
        /// A date known from one side only, as the figure draws it: a mark, then a dotted line
        /// toward the open side ending in an open head (`later`: to the right).
        case openDate(RGBColor, later: Bool)
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
            case .arrow(_, _, _, let hollow, _): return hollow ? "▷" : "▶"
            case .square, .bar, .tile, .none: return ""
            case .openDate(_, let later): return later ? "●┈›" : "‹┈●"
            }
        }

        /// Width in points of an open date's dotted line in the legend.
        static let openLineWidth = 16

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
            case .arrow(let color, let width, let lineStyle, _, let head):
                // The line is the bottom border of the upper half of a fixed box, so it meets the
                // head's middle; the head is the glyph, set as large as the drawn head. An
                // outlined shaft is a box as tall as the class's width, of top and bottom borders
                // as thick as an outlined arrow's sides, centred on that line.
                let styled = ["dashed", "dotted"].contains(lineStyle) ? " STYLE=\"\(lineStyle)\"" : ""
                let outlined = lineStyle == FigureLegend.outlinedStyle
                // Graphviz wants a cell at least twice its border tall, whatever sides it draws.
                let half = max(width + 1, 2 * width, Int((head * 0.4).rounded()), outlined ? (width + 1) / 2 + 1 : 0)
                let wall = Int(FigureStyle.outlineWall)
                var headFont = font.plain
                headFont.sizePt = max(font.sizePt, (head * 2).rounded() / 2)
                // Fixed sizes throughout: a cell wider than the sample must not pull line and head apart.
                let headWidth = Int((headFont.sizePt * 1.1).rounded(.up)) + 1
                let height = max(2 * half, Int((headFont.sizePt * 1.25).rounded(.up)) + 1)
                return "<TD ALIGN=\"RIGHT\"><TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"\(24 + headWidth)\" HEIGHT=\"\(height)\" ALIGN=\"RIGHT\" "
                    + "BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(height)\">"
                    + "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(2 * half)\" BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\">"
                    + (outlined
                        ? "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(half - (width + 1) / 2)\"></TD></TR>"
                            + "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(width)\" SIDES=\"TB\" BORDER=\"\(wall)\" COLOR=\"\(color.hex)\"></TD></TR>"
                            + "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(half - width / 2)\"></TD></TR></TABLE></TD>"
                        : "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(half)\" SIDES=\"B\" BORDER=\"\(width)\" COLOR=\"\(color.hex)\"\(styled)></TD></TR>"
                            + "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"24\" HEIGHT=\"\(half)\"></TD></TR></TABLE></TD>")
                    + "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(headWidth)\" HEIGHT=\"\(height)\">" + FigureStyle.html(glyph, font: headFont, color: color.hex)
                    + "</TD></TR></TABLE></TD>"
            case .openDate(let color, let later):
                // Mark, dotted line (a row of dots centred in a fixed box) and head,
                // each in a fixed cell: the order of the cells is the direction.
                let glyph = Int(font.sizePt.rounded()) + 1
                let half = max(2, Int((font.sizePt * 0.6).rounded()))
                let height = max(2 * half, glyph + 2)
                func text(_ character: String) -> String {
                    "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(glyph)\" HEIGHT=\"\(height)\">" + FigureStyle.html(character, font: font.plain, color: color.hex) + "</TD>"
                }
                // The dotted line as the figure draws it (`RepliesFigure.whiskerDots`): 1 pt dots
                // 2 pt apart, as cells of the colour and empty cells, not a "dotted" border
                // (Graphviz's dots are 6 pt apart: two on a sample this long).
                let dots = (0..<Self.openLineWidth).map { i in
                    "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"1\" HEIGHT=\"1\"" + (i % 2 == 0 ? " BGCOLOR=\"\(color.hex)\"" : "") + "></TD>"
                }.joined()
                let line = "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(Self.openLineWidth)\" HEIGHT=\"\(height)\">"
                    + "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"\(Self.openLineWidth)\" HEIGHT=\"1\" BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\">"
                    + "<TR>" + dots + "</TR></TABLE></TD>"
                let cells = later ? text("●") + line + text("›") : text("‹") + line + text("●")
                return "<TD ALIGN=\"RIGHT\"><TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"\(2 * glyph + Self.openLineWidth)\" HEIGHT=\"\(height)\" ALIGN=\"RIGHT\" "
                    + "BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" + cells + "</TR></TABLE></TD>"
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
            case .arrow(_, _, _, _, let head): return 24 + (max(font.sizePt, (head * 2).rounded() / 2) * 1.1).rounded(.up) + 1
            case .openDate: return Double(2 * (Int(font.sizePt.rounded()) + 1) + Self.openLineWidth)
            case .none: return 0
            default: return Double(glyph.count) * font.sizePt
            }
        }

        var color: RGBColor {
            switch self {
            case .box(let c), .disc(let c), .ring(let c), .doubleRing(let c), .diamond(let c), .hollowDiamond(let c), .marker(let c, _), .line(let c, _, _),
                 .square(let c, _), .bar(let c, _, _), .tile(let c, _), .arrow(let c, _, _, _, _), .openDate(let c, _): return c
            case .none: return RGBColor(red: 0, green: 0, blue: 0)
            }
        }
    }

    struct Entry {
        var swatch: Swatch
        var text: String

        /// A heading for the samples after it: drawn as a row of its own.
        var isHeading: Bool {
            if case .none = swatch { return true }
            return false
        }
    }

    /// The title row; nil draws none (the caption carries it).
    var title: String?
    /// Groups of entries; each group starts on a new row (e.g. people, then line styles).
    var groups: [[Entry]]
    /// Lines of explanation under the entries, in the note font.
    var notes: [String] = []

    /// The HTML-like label, fitted to `widthPoints`: the title, then the entries in a grid,
    /// then notes. A heading (an entry without a swatch) is a row of its own spanning the
    /// whole grid, so the samples after it start in the first column; samples sit in columns
    /// (a swatch cell and a text cell each), as many to a row as the widest entry allows, so
    /// every sample of the legend lines up with the samples above and below it.
    func html(style: FigureStyle, widthPoints: Double) -> String {
        let titleFont = style.titleFont
        let font = style.legendFont
        let noteFont = style.noteFont
        let ink = style.theme.colors.ink.hex
        let samples = groups.flatMap { $0 }.filter { !$0.isHeading }
        func width(_ entry: Entry) -> Double {
            entry.swatch.widthPoints(font: font) + FigureStyle.textWidth("\u{00A0}\u{00A0}\u{00A0}" + entry.text, font: font)
        }
        // As many entries a row as the widest entry allows; entries wider than half the page
        // do not set the grid (they take a row of their own, spanning the rest of it).
        let widths = samples.map(width)
        let widest = widths.filter { $0 <= widthPoints / 2 }.max() ?? widths.max() ?? 0
        let longest = groups.map { $0.filter { !$0.isHeading }.count }.max() ?? 1
        let perRow = widest > 0 ? max(1, min(longest, Int(widthPoints / widest))) : 1
        let columns = 2 * perRow
        // The grid is a table of its own in one left-aligned cell: a title or note wider than
        // the grid widens the outer table only (Graphviz spreads a table's extra width over all
        // its columns, which pushed the samples away from their texts).
        func wide(_ content: String) -> String {
            "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + content + "</TD></TR>"
        }
        func outer(_ content: String) -> String {
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + content + "</TD></TR>"
        }
        // Title and notes wrap within the grid's width (estimated conservatively, so four fifths of
        // it), not past it: Graphviz also spreads a nested table over a cell wider than it.
        let blockWidth = samples.isEmpty ? widthPoints : min(widthPoints, max(0.8 * widest * Double(perRow), widthPoints * 0.45))
        func block(_ text: String, _ blockFont: FontStyle, color: String) -> String {
            let lines = Self.wrap(text, font: blockFont, width: blockWidth).map { FigureStyle.html($0, font: blockFont, color: color) }
            return outer(lines.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/>")
        }

        var top: [String] = []
        if let title, style.theme.page.showTitle { top.append(block(title, titleFont, color: ink)) }
        var rows: [String] = []
        for group in groups where !group.isEmpty {
            // Runs of samples between headings, each run starting in the first column.
            var run: [Entry] = []
            func flush() {
                var start = 0
                while start < run.count {
                    var end = start
                    var used = 0.0
                    while end < run.count, end - start < perRow {
                        // Each column is at least `widest`; a wider entry widens its own.
                        let w = width(run[end])
                        if end > start, used + w > widthPoints { break }
                        used += max(w, widest)
                        end += 1
                    }
                    var cells = ""
                    for (offset, entry) in run[start..<end].enumerated() {
                        cells += entry.swatch.cell(font: font)
                        let span = offset == end - start - 1 ? columns - 2 * offset - 1 : 1
                        // An entry wider than the page wraps within it (Graphviz would shrink
                        // the whole figure, text and all, to fit one long line).
                        let room = widthPoints - entry.swatch.widthPoints(font: font) - 4
                        let lines = width(entry) > widthPoints
                            ? Self.wrap(entry.text, font: font, width: room - FigureStyle.textWidth("\u{00A0}\u{00A0}\u{00A0}", font: font))
                            : [entry.text]
                        cells += "<TD ALIGN=\"LEFT\"" + (lines.count > 1 ? " BALIGN=\"LEFT\"" : "") + (span > 1 ? " COLSPAN=\"\(span)\"" : "") + ">"
                            + lines.enumerated().map { index, line in
                                FigureStyle.html("\u{00A0}" + line + (index == lines.count - 1 ? "\u{00A0}\u{00A0}" : ""), font: font, color: ink)
                            }.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "</TD>"
                    }
                    rows.append("<TR>" + cells + "</TR>")
                    start = end
                }
                run = []
            }
            for entry in group {
                if entry.isHeading {
                    flush()
                    rows.append(wide(FigureStyle.html(entry.text, font: font, color: ink)))
                } else {
                    run.append(entry)
                }
            }
            flush()
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">"
        if !rows.isEmpty { top.append(outer(table + rows.joined() + "</TABLE>")) }
        for note in notes { top.append(block(note, noteFont, color: style.theme.colors.muted.hex)) }
        guard !top.isEmpty else { return "" }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">" + top.joined() + "</TABLE>"
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

    /// Graph attributes placing this legend above the drawing, left-aligned, within the
    /// drawing's width less the 8 points Graphviz keeps either side of a graph label (when the
    /// label is the widest thing, that margin made the figure a few points too wide and
    /// Graphviz shrank all of it).
    func graphAttributes(style: FigureStyle) -> DOTAttributes {
        let markup = html(style: style, widthPoints: style.drawingWidthPoints - 16)
        guard !markup.isEmpty else { return [] }
        return [("label", .html(markup)), ("labelloc", "t"), ("labeljust", "l")]
    }
}
