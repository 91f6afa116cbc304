import Styling

/// The theme turned into Graphviz attributes every figure shares: fonts set on graph, node
/// and edge (Graphviz's default font may not exist), sizes in points, colours, and the page
/// width as `size`, so the figure prints at the theme's column width.
struct FigureStyle {
    let theme: Theme
    let wide: Bool

    /// Drawing width in inches: the page width less its side margins.
    var widthInches: Double {
        let page = theme.page.size(wide: wide)
        return max(1, ThemeUnits.inches(mm: page.widthMM - theme.page.marginLeftMM - theme.page.marginRightMM))
    }

    /// Padding around the drawing, in inches (Graphviz `pad`), inside the page width.
    static let padInches = 0.04

    /// Width in points available to the drawing itself: the page width less the padding.
    var drawingWidthPoints: Double { widthInches * 72 - 2 * Self.padInches * 72 }

    /// Tallest drawing allowed before Graphviz scales it down: a journal page (230 mm) less
    /// margins; the width is what binds for every figure here.
    var maxHeightInches: Double { ThemeUnits.inches(mm: 230 - theme.page.marginTopMM - theme.page.marginBottomMM) }

    var labelFont: FontStyle { theme.fonts.label }
    var noteFont: FontStyle { theme.fonts.note }
    var legendFont: FontStyle { theme.fonts.legend }
    var titleFont: FontStyle { theme.fonts.title }

    /// Attributes of the root graph: page size, fonts, colours, no outer margin.
    func graphAttributes(_ extra: DOTAttributes = []) -> DOTAttributes {
        [
            ("fontname", .text(labelFont.graphvizName)),
            ("fontsize", .number(labelFont.sizePt)),
            ("fontcolor", .text(theme.colors.ink.hex)),
            ("bgcolor", .text(theme.colors.paper.hex)),
            ("size", .text(DOTWriter.number(widthInches) + "," + DOTWriter.number(maxHeightInches))),
            ("margin", .number(0)),
            ("pad", .number(Self.padInches)),
            ("charset", "UTF-8"),
        ] + extra
    }

    func nodeDefaults(_ extra: DOTAttributes = []) -> DOTAttributes {
        [
            ("fontname", .text(labelFont.graphvizName)),
            ("fontsize", .number(labelFont.sizePt)),
            ("fontcolor", .text(theme.colors.ink.hex)),
            ("color", .text(theme.graph.node.pen.hex)),
            ("penwidth", .number(theme.graph.node.penWidthPt)),
        ] + extra
    }

    func edgeDefaults(_ extra: DOTAttributes = []) -> DOTAttributes {
        [
            ("fontname", .text(noteFont.graphvizName)),
            ("fontsize", .number(noteFont.sizePt)),
            ("fontcolor", .text(theme.colors.muted.hex)),
            ("color", .text(theme.graph.edge.color.hex)),
            ("penwidth", .number(theme.graph.edge.penWidthPt)),
            ("arrowsize", .number(theme.graph.edge.arrowSize)),
            ("arrowhead", .text(theme.graph.edge.arrowhead)),
        ] + extra
    }

    /// A category colour lightened toward the paper by the theme's fill tint, so dark ink
    /// labels stay legible on it.
    func fill(_ color: RGBColor) -> RGBColor {
        let t = theme.graph.node.fillTint
        let paper = theme.colors.paper
        return RGBColor(red: color.red + (paper.red - color.red) * t,
                        green: color.green + (paper.green - color.green) * t,
                        blue: color.blue + (paper.blue - color.blue) * t)
    }

    /// Node `style` for the theme's boxes: filled, rounded when asked.
    var nodeStyle: String {
        theme.graph.node.rounded && ["box", "rect", "rectangle", "square"].contains(theme.graph.node.shape) ? "rounded,filled" : "filled"
    }

    /// A pen width growing with the square root of `value / maximum` between the theme's edge
    /// width and its maximum: areas, not lengths, are what the eye compares.
    func penWidth(_ value: Int, maximum: Int) -> Double {
        let edge = theme.graph.edge
        guard maximum > 1 else { return edge.penWidthPt }
        let share = (Double(value) / Double(maximum)).squareRoot()
        return edge.penWidthPt + (edge.maxPenWidthPt - edge.penWidthPt) * share
    }

    /// Approximate width in points of `text` in `font`: DejaVu's average advance is about
    /// 0.6 em (serif and sans alike), wide enough to never underestimate Latin text.
    static func textWidth(_ text: String, font: FontStyle) -> Double {
        Double(text.count) * font.sizePt * 0.6 * (font.bold ? 1.08 : 1)
    }
}
