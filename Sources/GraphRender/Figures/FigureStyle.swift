import Analysis
import Styling

/// The theme turned into Graphviz attributes every figure shares: fonts set on graph, node
/// and edge (Graphviz's default font may not exist), sizes in points, colours, and the page
/// width as `size`, so the figure prints at the theme's column width.
struct FigureStyle {
    let theme: Theme
    let wide: Bool
    /// Tallest drawing in millimetres (the author's `--height`), nil for a journal page.
    var heightMM: Double? = nil
    /// Widest drawing in inches when text would otherwise fall below the floor (set by
    /// `GraphFigure.fitted`), nil for the page width.
    var widthOverrideInches: Double? = nil

    init(theme: Theme, wide: Bool) {
        self.theme = theme
        self.wide = wide
    }

    /// The style of a figure drawn in `context`: its theme, width and the author's height.
    init(context: FigureContext) {
        self.init(theme: context.theme, wide: context.wide)
        heightMM = context.settings.heightMM
    }

    /// Drawing width in inches: the page width less its side margins.
    var widthInches: Double {
        if let widthOverrideInches { return widthOverrideInches }
        let page = theme.page.size(wide: wide)
        return max(1, ThemeUnits.inches(mm: page.widthMM - theme.page.marginLeftMM - theme.page.marginRightMM))
    }

    /// Padding around the drawing, in inches (Graphviz `pad`), inside the page width.
    static let padInches = 0.04

    /// Width in points available to the drawing itself: the page width less the padding.
    var drawingWidthPoints: Double { widthInches * 72 - 2 * Self.padInches * 72 }

    /// Tallest drawing allowed before Graphviz scales it down: a journal page (230 mm) less
    /// margins; the width is what binds for every figure here.
    var maxHeightInches: Double { ThemeUnits.inches(mm: (heightMM ?? 230) - theme.page.marginTopMM - theme.page.marginBottomMM) }

    /// The smallest font size the figure's text uses, in points (before any scaling).
    var smallestFontPt: Double { [labelFont, noteFont, legendFont, titleFont].map(\.sizePt).min() ?? labelFont.sizePt }

    var labelFont: FontStyle { theme.fonts.label }
    var noteFont: FontStyle { theme.fonts.note }
    var legendFont: FontStyle { theme.fonts.legend }
    var titleFont: FontStyle { theme.fonts.title }

    /// Attributes of the root graph: page size, fonts, colours, no outer margin.
    func graphAttributes(_ extra: DOTAttributes = []) -> DOTAttributes {
        [
            ("fontname", .text(labelFont.family)),
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
            ("fontname", .text(labelFont.family)),
            ("fontsize", .number(labelFont.sizePt)),
            ("fontcolor", .text(theme.colors.ink.hex)),
            ("color", .text(theme.graph.node.pen.hex)),
            ("penwidth", .number(theme.graph.node.penWidthPt)),
        ] + extra
    }

    func edgeDefaults(_ extra: DOTAttributes = []) -> DOTAttributes {
        [
            ("fontname", .text(noteFont.family)),
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

    /// A pen width growing with the square root of `value / maximum` between the theme's edge
    /// width and its maximum: areas, not lengths, are what the eye compares.
    func penWidth(_ value: Int, maximum: Int) -> Double {
        let edge = theme.graph.edge
        guard maximum > 1 else { return edge.penWidthPt }
        let share = (Double(value) / Double(maximum)).squareRoot()
        return edge.penWidthPt + (edge.maxPenWidthPt - edge.penWidthPt) * share
    }

    /// `text` as HTML-like label markup in `font`: its family as FACE, its weight and style as
    /// `<B>` and `<I>` (so the SVG names a real family, with weight and style as attributes).
    /// Empty text is written as one space: an empty `<FONT>`, `<B>` or `<I>` is a syntax error
    /// in Graphviz's HTML-like labels, and 2.43 then frees the label twice (FuzzDOT,
    /// crash-273026f0; valgrind shows the invalid read on `dot -Tsvg` too).
    static func html(_ text: String, font: FontStyle, color: String? = nil) -> String {
        var inner = text.isEmpty ? " " : DOTWriter.html(text)
        if font.italic { inner = "<I>" + inner + "</I>" }
        if font.bold { inner = "<B>" + inner + "</B>" }
        let colour = color.map { " COLOR=\"\($0)\"" } ?? ""
        return "<FONT FACE=\"\(DOTWriter.html(font.family))\" POINT-SIZE=\"\(DOTWriter.number(font.sizePt))\"\(colour)>" + inner + "</FONT>"
    }

    /// A cell holding a box of exactly `width` × `height` points drawn by `attributes` (a
    /// fill, a border): the box sits in a fixed-size table, because Graphviz fills a cell's
    /// whole allotted area and spreads a table over its cell, but places a fixed table as it is.
    static func fixedBox(width: Int, height: Int, _ attributes: String, align: String = "RIGHT") -> String {
        "<TD ALIGN=\"\(align)\"><TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"\(width)\" HEIGHT=\"\(height)\" ALIGN=\"\(align)\" "
            + "BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"\(width)\" HEIGHT=\"\(height)\" "
            + attributes + "></TD></TR></TABLE></TD>"
    }

    /// Graphviz draws an edge whose colour is a list without fractions ("a:b:c") as one line
    /// per colour, each with the edge's pen, their centres 2 points apart whatever the pen
    /// (`SEP` in Graphviz's `emit.c`), so a list of n colours drawn with pen p is
    /// (n − 1) × 2 + p points wide overall.
    static let strandSeparation = 2.0
    /// The pen of each side of an outlined (hollow) arrow: 1 point, as the legend sample's borders.
    static let outlineWall = 1.0
    /// The widths an outlined arrow can be drawn at exactly, sides `outlineWall` thick on the
    /// outer strands of a colour list with invisible strands between (`outlineColors`):
    /// 3, 5, 7 and 9 points (2 to 5 strands). A hollow shaft cannot be narrower than 3 points.
    static let outlineWidths = [3, 5, 7, 9]

    /// Overall width of an edge drawn as `strands` parallel lines with pen `pen`.
    static func strandsWidth(strands: Int, pen: Double) -> Double { Double(max(strands, 1) - 1) * strandSeparation + pen }

    /// The colour list of an outlined arrow `width` points wide overall (one of `outlineWidths`):
    /// `color` on the outer strands, `invis` between, drawn with pen `outlineWall`.
    static func outlineColors(_ color: RGBColor, width: Int) -> String {
        let strands = max(2, Int(((Double(width) - outlineWall) / strandSeparation).rounded()) + 1)
        return ([color.hex] + Array(repeating: "invis", count: strands - 2) + [color.hex]).joined(separator: ":")
    }

    /// Line-width classes for counts from 1 to `maximum`: up to four classes, their upper
    /// bounds growing with the square of the class (areas, not lengths, are what the eye
    /// compares), each drawn in whole points from the theme's edge width to its maximum, so
    /// that a legend sample (an HTML-like cell, whole points tall) is exactly the line's width.
    /// A figure that draws `outlined` arrows takes its widths from `outlineWidths` instead, so
    /// that an outlined arrow and a solid one of a class are equally wide.
    func lineClasses(maximum: Int, outlined: Bool = false) -> [LineClass] {
        let thinnest = max(1, Int(theme.graph.edge.penWidthPt.rounded()))
        let thickest = max(thinnest, Int(theme.graph.edge.maxPenWidthPt.rounded()))
        let count = min(4, max(1, maximum), thickest - thinnest + 1)
        var classes: [LineClass] = []
        var lower = 1
        for i in 1...count {
            let share = Double(i) / Double(count)
            let upper = i == count ? max(1, maximum) : max(lower, Int((Double(maximum) * share * share).rounded()))
            guard upper >= lower else { continue }
            let width = outlined ? Self.outlineWidths[i - 1]
                : count == 1 ? thinnest : thinnest + Int((Double(thickest - thinnest) * Double(i - 1) / Double(count - 1)).rounded())
            classes.append(LineClass(lower: lower, upper: upper, widthPt: width))
            lower = upper + 1
            if lower > maximum { break }
        }
        return classes
    }

    /// Graphviz's arrowhead (`arrowsize` 1) is 10 points long; its half-width is 0.35 of the
    /// length, widened by `penwidth / 4` past 4 points (Graphviz 2.43's `arrow_type_normal`).
    static func arrowheadShape(penWidth: Double) -> (lengthPerSize: Double, halfWidth: Double) {
        (10, 0.35 * max(1, penWidth / 4))
    }

    /// The opening left inside a hollow arrowhead of `arrowSize` drawn with a pen `penWidth`
    /// points wide: the radius of the circle inscribed in the triangle, less half the pen.
    static func hollowOpening(arrowSize: Double, penWidth: Double) -> Double {
        let shape = arrowheadShape(penWidth: penWidth)
        let length = shape.lengthPerSize * arrowSize, k = shape.halfWidth
        let inradius = k * length / (k + (1 + k * k).squareRoot())
        return inradius - penWidth / 2
    }

    /// The smallest opening a hollow head keeps, in points, for a pen `penWidth` wide: wide
    /// enough to read as hollow beside a filled head of the same line.
    static func minimumOpening(penWidth: Double) -> Double { max(0.75, 0.35 * penWidth) }

    /// The arrowhead size of a line `penWidth` points wide: the theme's, or larger, so that a
    /// hollow head keeps its opening at every line width (a thick pen otherwise fills it and
    /// the head reads as filled). Filled and hollow heads of one width class get one size, so
    /// head size never stands for anything but the line's width.
    ///
    /// In a figure of `outlined` arrows the hollow heads are drawn with the outline's side pen
    /// (`outlineWall`), so the head need only keep that pen's opening and be wider than the
    /// shaft by a point on each side: a smaller head than a hollow head drawn with the class's
    /// pen would need (a 9 pt class is three times as wide as the paper sheet's widest).
    func arrowSize(penWidth: Double, outlined: Bool = false) -> Double {
        let base = theme.graph.edge.arrowSize
        if outlined {
            let pen = Self.outlineWall, k = Self.arrowheadShape(penWidth: pen).halfWidth
            let open = (Self.minimumOpening(penWidth: pen) + pen / 2) * (k + (1 + k * k).squareRoot()) / k / Self.arrowheadShape(penWidth: pen).lengthPerSize
            let wider = (penWidth / 2 + 1) / (k * Self.arrowheadShape(penWidth: pen).lengthPerSize)
            return max(base, (max(open, wider) * 100).rounded(.up) / 100)
        }
        let shape = Self.arrowheadShape(penWidth: penWidth)
        let k = shape.halfWidth
        // inradius = k·L / (k + √(1+k²)) must reach the opening plus half the pen.
        let needed = (Self.minimumOpening(penWidth: penWidth) + penWidth / 2) * (k + (1 + k * k).squareRoot()) / k / shape.lengthPerSize
        return max(base, (needed * 100).rounded(.up) / 100)
    }

    /// A range of counts drawn at one line width.
    struct LineClass: Equatable {
        var lower: Int
        var upper: Int
        var widthPt: Int

        var label: String { lower == upper ? "\(lower)" : "\(lower)–\(upper)" }
    }

    /// The width of a line for `count` among `classes`.
    static func lineWidth(_ count: Int, classes: [LineClass]) -> Int {
        (classes.first { count <= $0.upper } ?? classes.last)?.widthPt ?? 1
    }

    /// Approximate width in points of `text` in `font`: DejaVu's average advance is about
    /// 0.6 em (serif and sans alike), wide enough to never underestimate Latin text.
    static func textWidth(_ text: String, font: FontStyle) -> Double {
        Double(text.count) * font.sizePt * 0.6 * (font.bold ? 1.08 : 1)
    }
}

extension FontStyle {
    /// The same family and size, upright and of normal weight (for glyphs).
    var plain: FontStyle {
        var font = self
        font.bold = false
        font.italic = false
        return font
    }
}
