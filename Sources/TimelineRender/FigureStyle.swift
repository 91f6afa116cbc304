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

    public var titleFont: FontSpec { FontSpec(family: fontFamily, size: titleSize, bold: true) }
    public var labelFont: FontSpec { FontSpec(family: fontFamily, size: labelSize) }
    public var tickFont: FontSpec { FontSpec(family: fontFamily, size: tickSize) }
    public var noteFont: FontSpec { FontSpec(family: fontFamily, size: noteSize) }
    public var bandFont: FontSpec { FontSpec(family: fontFamily, size: noteSize, italic: true) }

    /// The style of a category; keys without a pinned style take the fallback list in the
    /// order of `keys` (so the result depends on the run's key list, not on chance).
    public func style(for key: String, among keys: [String]) -> SeriesStyle {
        if let s = series[key] { return s }
        let unpinned = keys.filter { series[$0] == nil }
        let i = unpinned.firstIndex(of: key) ?? 0
        return fallback[i % fallback.count]
    }
}
