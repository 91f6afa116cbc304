import Styling

extension PaintColor {
    /// The theme's colour, opaque.
    public init(_ c: RGBColor) {
        self.init(red: c.red, green: c.green, blue: c.blue)
    }
}

extension SeriesStyle {
    public init(_ c: CategoryStyle) {
        self.init(color: PaintColor(c.color), dash: c.dash.lengths, shape: MarkShape(themeName: c.marker.rawValue))
    }
}

extension FigureStyle {
    static let pointsPerMM = 72 / 25.4

    /// The timeline look of `theme` at the wide (double-column) width, with the run's category
    /// styles (`theme.peopleStyles` or `theme.topicStyles` of every key of the run). `name` is
    /// the theme spec, repeated in captions.
    public init(theme: Theme, categories: CategoryStyles, name: String) {
        let mm = FigureStyle.pointsPerMM
        let t = theme.timeline
        let paper = PaintColor(theme.colors.paper)
        let band = PaintColor(t.bands.fill)
        let bandFill = band.mixedOver(paper, opacity: t.bands.opacity)
        var series: [String: SeriesStyle] = [:]
        for key in categories.keys { series[key] = SeriesStyle(categories[key]) }
        self.init(
            name: name,
            pageWidth: theme.page.wideWidthMM * mm,
            margin: max(theme.page.marginLeftMM, theme.page.marginRightMM, theme.page.marginTopMM, theme.page.marginBottomMM, 1) * mm,
            dpi: Double(theme.page.dpi),
            fontFamily: theme.fonts.label.family,
            titleSize: theme.fonts.title.sizePt,
            labelSize: theme.fonts.label.sizePt,
            tickSize: theme.fonts.tick.sizePt,
            noteSize: theme.fonts.note.sizePt,
            ink: PaintColor(theme.colors.ink),
            paper: paper,
            muted: PaintColor(theme.colors.muted),
            grid: PaintColor(t.gridlines.color),
            axisWidth: t.axis.widthPt,
            gridWidth: t.gridlines.widthPt,
            laneHeight: t.lane.heightMM * mm,
            laneFill: PaintColor(t.lane.stripe),
            markSize: t.mark.sizePt,
            markStrokeWidth: t.mark.strokePt,
            arcWidth: t.arc.widthPt,
            arcOpacity: t.arc.opacity,
            bandFill: bandFill,
            bandLine: band.mixedOver(paper, opacity: min(1, t.bands.opacity * 4)),
            bandLabel: PaintColor(t.bands.labelColor),
            series: series,
            fallback: [SeriesStyle(categories.other)])
        laneStripes = t.lane.stripes
        showTitle = theme.page.showTitle
    }
}

extension PaintColor {
    /// This colour at `opacity` over `base`, as an opaque colour (prints the same everywhere).
    func mixedOver(_ base: PaintColor, opacity: Double) -> PaintColor {
        let a = min(max(opacity, 0), 1)
        return PaintColor(red: base.red + (red - base.red) * a, green: base.green + (green - base.green) * a,
                          blue: base.blue + (blue - base.blue) * a)
    }
}
