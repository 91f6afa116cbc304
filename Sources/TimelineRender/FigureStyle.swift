import Drawing

/// Everything a timeline figure's layout needs to know about its look, in points and paint
/// colours: taken from the run's `Theme` (see `FigureStyle(theme:categories:)`), so the
/// layout code itself holds no magic numbers or colours.
public struct FigureStyle: Sendable, Hashable {
    /// Name of the theme spec ("paper", "paper,colorblind"), for captions.
    public var name: String
    public var pageWidth: Double
    public var margin: Double
    public var dpi: Double
    public var fontFamily: String
    public var titleSize: Double
    public var labelSize: Double
    public var tickSize: Double
    public var noteSize: Double
    public var ink: PaintColor
    public var paper: PaintColor
    public var muted: PaintColor
    public var grid: PaintColor
    public var axisWidth: Double
    public var gridWidth: Double
    public var laneHeight: Double
    public var laneFill: PaintColor
    /// Whether the figure carries its title and reading note (journals put them in the caption).
    public var showTitle: Bool = true
    /// Whether every other lane is shaded with `laneFill`.
    public var laneStripes: Bool = true
    public var markSize: Double
    public var markStrokeWidth: Double
    public var arcWidth: Double
    public var arcOpacity: Double
    public var bandFill: PaintColor
    public var bandLine: PaintColor
    public var bandLabel: PaintColor
    /// The figure's exact height in points (`page.height_mm`, `--height`); nil lets the
    /// content decide. Lanes share what the plot is given, down to `laneHeight` each; past
    /// that the lane budget shrinks.
    public var pageHeight: Double? = nil
    /// Whether the figure is exactly `pageWidth` × `pageHeight` (`page.exact_size`, slides):
    /// content that would be taller is laid out larger and scaled to the page (`ExactPage`).
    public var exactSize: Bool = false
    /// A title given by the user (`--title`), replacing the figure's own.
    public var titleText: String? = nil
    /// Fonts of each role, from the theme's `[fonts.*]`; nil falls back to `fontFamily` and the sizes above.
    public var roleFonts: RoleFonts? = nil
    public var axisColor: PaintColor? = nil
    public var tickLength: Double = 3
    public var minorTickLength: Double = 1.6
    public var tickLabelGap: Double = 1.2
    /// Least width of the lane-label gutter, in points.
    public var laneLabelWidth: Double = 0
    public var separatorColor: PaintColor? = nil
    public var separatorWidth: Double = 0
    /// Draw marks whose date is known only within bounds hollow.
    public var hollowUncertain: Bool = false
    public var rangeWidth: Double? = nil
    public var rangeOpacity: Double = 1
    public var arcColor: PaintColor? = nil
    public var arcColorBySender: Bool = true
    public var arcHeightRatio: Double = 0.3
    public var arcMaxHeight: Double = .infinity
    public var inferredDash: [Double] = []
    public var gridShow: Bool = true
    public var gridDash: [Double] = []
    public var legendSwatch: Double? = nil
    public var legendGap: Double? = nil
    public var legendFrame: Bool = false
    /// The figure budgets (`[timeline.budget]`): past them, figures aggregate and say so.
    public var budget = TimelineBudget()
    /// The style of people past the palette ("others").
    public var otherSeries: SeriesStyle? = nil
    /// The style of the unidentified people drawn as one (`CategoryStyles.unidentified`):
    /// neither a palette entry nor "others".
    public var unidentifiedSeries: SeriesStyle? = nil
    /// Style per category key (person id, topic id), filled from `CategoryStyles`.
    public var series: [String: SeriesStyle]
    /// Used for keys absent from `series`, in order.
    public var fallback: [SeriesStyle]

    public init(name: String, pageWidth: Double, margin: Double, dpi: Double, fontFamily: String,
                titleSize: Double, labelSize: Double, tickSize: Double, noteSize: Double,
                ink: PaintColor, paper: PaintColor, muted: PaintColor, grid: PaintColor,
                axisWidth: Double, gridWidth: Double, laneHeight: Double, laneFill: PaintColor,
                markSize: Double, markStrokeWidth: Double, arcWidth: Double, arcOpacity: Double,
                bandFill: PaintColor, bandLine: PaintColor, bandLabel: PaintColor,
                series: [String: SeriesStyle], fallback: [SeriesStyle]) {
        self.name = name
        self.pageWidth = pageWidth
        self.margin = margin
        self.dpi = dpi
        self.fontFamily = fontFamily
        self.titleSize = titleSize
        self.labelSize = labelSize
        self.tickSize = tickSize
        self.noteSize = noteSize
        self.ink = ink
        self.paper = paper
        self.muted = muted
        self.grid = grid
        self.axisWidth = axisWidth
        self.gridWidth = gridWidth
        self.laneHeight = laneHeight
        self.laneFill = laneFill
        self.markSize = markSize
        self.markStrokeWidth = markStrokeWidth
        self.arcWidth = arcWidth
        self.arcOpacity = arcOpacity
        self.bandFill = bandFill
        self.bandLine = bandLine
        self.bandLabel = bandLabel
        self.series = series
        self.fallback = fallback.isEmpty ? [SeriesStyle(color: ink, dash: [], shape: .circle)] : fallback
    }

    public var titleFont: FontSpec { roleFonts?.title ?? FontSpec(family: fontFamily, size: titleSize, bold: true) }
    public var labelFont: FontSpec { roleFonts?.label ?? FontSpec(family: fontFamily, size: labelSize) }
    public var tickFont: FontSpec { roleFonts?.tick ?? FontSpec(family: fontFamily, size: tickSize) }
    public var legendFont: FontSpec { roleFonts?.legend ?? labelFont }
    public var noteFont: FontSpec { roleFonts?.note ?? FontSpec(family: fontFamily, size: noteSize) }
    public var bandFont: FontSpec {
        var f = noteFont
        f.italic = true
        return f
    }
    /// The smallest text the figure may hold, in points (issue: text at 6 pt or more in print).
    public static let minimumTextSize = 6.0

    /// The style of a category; keys without a pinned style take the fallback list in the
    /// order of `keys` (so the result depends on the run's key list, not on chance).
    public func style(for key: String, among keys: [String]) -> SeriesStyle {
        if let s = series[key] { return s }
        let unpinned = keys.filter { series[$0] == nil }
        let i = unpinned.firstIndex(of: key) ?? 0
        return fallback[i % fallback.count]
    }
}

/// The fonts of a figure's roles: title, lane labels, tick labels, legend, notes.
public struct RoleFonts: Sendable, Hashable {
    public var title: FontSpec
    public var label: FontSpec
    public var tick: FontSpec
    public var legend: FontSpec
    public var note: FontSpec

    public init(title: FontSpec, label: FontSpec, tick: FontSpec, legend: FontSpec, note: FontSpec) {
        self.title = title
        self.label = label
        self.tick = tick
        self.legend = legend
        self.note = note
    }
}

/// How much a timeline may hold before it aggregates (`[timeline.budget]` of the theme).
public struct TimelineBudget: Sendable, Hashable {
    /// Lanes of people or topics; past it, the busiest keep theirs and the rest share one
    /// "others" lane.
    public var lanes: Int = 12
    /// Legend entries naming people or topics; past it, one "others" entry.
    public var legendEntries: Int = 8
    /// Marks (and reply curves) of one figure; past it, marks on the same spot are drawn once
    /// and reply curves are left out; bars are counted by quarter or year, not month.
    public var marks: Int = 20_000

    public init(lanes: Int = 12, legendEntries: Int = 8, marks: Int = 20_000) {
        self.lanes = lanes
        self.legendEntries = legendEntries
        self.marks = marks
    }
}
