import Styling

/// A table of counts drawn as tiles: each tile shaded by the class its count falls in and
/// labelled with the count, so the reader never has to decode a shade. Rows and columns carry
/// labels; the table is one HTML-like Graphviz node, so it is laid out exactly as built.
///
/// Shades run from the paper colour to ink (a single-hue ramp: it stays ordered in greyscale
/// and for every colour vision, and does not reuse the people's colours, which mean people).
struct HeatTable {
    var rowLabels: [String]
    var columnLabels: [String]
    /// counts[row][column]
    var counts: [[Int]]
    /// The label of the corner cell, over the row labels.
    var corner: String = ""

    /// Shade classes for counts 1...maximum: up to five, bounds growing with the square of the
    /// class; 0 is left blank.
    static func classes(maximum: Int) -> [ClosedRange<Int>] {
        guard maximum > 0 else { return [] }
        let count = min(5, maximum)
        var classes: [ClosedRange<Int>] = []
        var lower = 1
        for i in 1...count {
            let share = Double(i) / Double(count)
            let upper = i == count ? maximum : max(lower, Int((Double(maximum) * share * share).rounded()))
            classes.append(lower...upper)
            lower = upper + 1
            if lower > maximum { break }
        }
        return classes
    }

    /// The fill of class `index` of `count` classes: from a light tint to ink.
    static func shade(_ index: Int, of count: Int, theme: Theme) -> RGBColor {
        let ink = theme.colors.ink, paper = theme.colors.paper
        // From 12% to 100% of the way from paper to ink.
        let t = count <= 1 ? 0.6 : 0.12 + 0.88 * Double(index) / Double(count - 1)
        return RGBColor(red: paper.red + (ink.red - paper.red) * t, green: paper.green + (ink.green - paper.green) * t,
                        blue: paper.blue + (ink.blue - paper.blue) * t)
    }

    var maximum: Int { counts.flatMap { $0 }.max() ?? 0 }

    /// Width in points of count column `column`: its header or its widest count, plus padding.
    func columnWidth(_ column: Int, style: FigureStyle) -> Int {
        let widest = counts.map { $0[column] }.max() ?? 0
        let digits = FigureStyle.textWidth(String(max(widest, 10)), font: style.labelFont)
        let header = columnLabels[column].split(separator: "\n").map { FigureStyle.textWidth(String($0), font: style.labelFont) }.max() ?? 0
        return Int((max(digits, header) + 6).rounded(.up))
    }

    /// Widest a row label may be before it wraps, in points.
    static let rowLabelWidth = 110.0

    /// The table as HTML-like label markup.
    func html(style: FigureStyle) -> String {
        let theme = style.theme
        let font = style.labelFont
        let classes = Self.classes(maximum: maximum)
        let height = Int((font.sizePt * 1.6).rounded(.up))
        let outline = theme.colors.faint.hex
        func text(_ value: String, align: String, color: String? = nil) -> String {
            value.split(separator: "\n").map { FigureStyle.html(String($0), font: font, color: color ?? theme.colors.ink.hex) }
                .joined(separator: "<BR ALIGN=\"\(align)\"/>")
        }
        func cell(_ value: String, align: String = "CENTER", fill: String? = nil, color: String? = nil, width: Int? = nil) -> String {
            var attributes = " ALIGN=\"\(align)\" BALIGN=\"\(align)\""
            if let fill { attributes += " BGCOLOR=\"\(fill)\"" }
            if let width { attributes += " WIDTH=\"\(width)\" HEIGHT=\"\(height)\"" }
            return "<TD\(attributes)>" + text(value, align: align, color: color) + "</TD>"
        }
        let widths = columnLabels.indices.map { columnWidth($0, style: style) }
        var rows = "<TR>" + cell(corner, align: "LEFT") + columnLabels.map { cell($0) }.joined() + "</TR>"
        for (r, label) in rowLabels.enumerated() {
            let wrapped = FigureLegend.wrap(label, font: font, width: Self.rowLabelWidth).joined(separator: "\n")
            rows += "<TR>" + cell(wrapped, align: "RIGHT")
            for c in columnLabels.indices {
                let count = counts[r][c]
                guard count > 0, let index = classes.firstIndex(where: { $0.contains(count) }) else {
                    rows += cell("", fill: theme.colors.paper.hex, width: widths[c])
                    continue
                }
                let fill = Self.shade(index, of: classes.count, theme: theme)
                rows += cell("\(count)", fill: fill.hex, color: Self.textColor(on: fill, theme: theme).hex, width: widths[c])
            }
            rows += "</TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\" COLOR=\"\(outline)\">" + rows + "</TABLE>"
    }

    /// Ink on light tiles, paper on dark ones: whichever contrasts more.
    static func textColor(on fill: RGBColor, theme: Theme) -> RGBColor {
        func luminance(_ c: RGBColor) -> Double { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }
        let l = luminance(fill)
        return abs(l - luminance(theme.colors.ink)) >= abs(l - luminance(theme.colors.paper)) ? theme.colors.ink : theme.colors.paper
    }

    /// Legend entries: a tile per class, in its shade, with its range of counts.
    func legendEntries(theme: Theme) -> [FigureLegend.Entry] {
        let classes = Self.classes(maximum: maximum)
        return classes.enumerated().map { index, range in
            FigureLegend.Entry(swatch: .tile(Self.shade(index, of: classes.count, theme: theme), outline: theme.colors.faint),
                               text: range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)")
        }
    }
}
