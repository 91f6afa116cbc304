import Styling
import Drawing

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

    /// The timeline look of `theme` with the run's category styles (`theme.peopleStyles` or
    /// `theme.topicStyles` of every key of the run, ranked). The figure is `page.width_mm` by
    /// `page.height_mm` of the theme unless `widthMM`/`heightMM` say otherwise. `name` is the
    /// theme spec, repeated in captions.
    public init(theme: Theme, categories: CategoryStyles, name: String, widthMM: Double? = nil, heightMM: Double? = nil) {
        let mm = FigureStyle.pointsPerMM
        let t = theme.timeline
        let paper = PaintColor(theme.colors.paper)
        let band = PaintColor(t.bands.fill)
        let bandFill = band.mixedOver(paper, opacity: t.bands.opacity)
        var series: [String: SeriesStyle] = [:]
        for key in categories.named { series[key] = SeriesStyle(categories[key]) }
        func font(_ f: FontStyle) -> FontSpec { FontSpec(family: f.family, size: f.sizePt, bold: f.bold, italic: f.italic) }
        self.init(
            name: name,
            pageWidth: (widthMM ?? theme.page.widthMM) * mm,
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
        pageHeight = (heightMM ?? theme.page.heightMM) * mm
        exactSize = theme.page.exactSize
        roleFonts = RoleFonts(title: font(theme.fonts.title), label: font(theme.fonts.label), tick: font(theme.fonts.tick),
                              legend: font(theme.fonts.legend), note: font(theme.fonts.note))
        axisColor = PaintColor(t.axis.color)
        tickLength = t.axis.tickLengthMM * mm
        minorTickLength = t.axis.minorTickLengthMM * mm
        tickLabelGap = t.axis.labelGapMM * mm
        laneLabelWidth = t.lane.labelWidthMM * mm
        separatorColor = PaintColor(t.lane.separator)
        separatorWidth = t.lane.separatorWidthPt
        hollowUncertain = t.mark.hollowUncertain
        rangeWidth = t.mark.rangeWidthPt
        rangeOpacity = t.mark.rangeOpacity
        arcColor = PaintColor(t.arc.color)
        arcColorBySender = t.arc.colorBySender
        arcHeightRatio = t.arc.heightRatio
        arcMaxHeight = t.arc.maxHeightMM * mm
        inferredDash = t.arc.inferredDash.lengths
        gridShow = t.gridlines.show
        gridDash = t.gridlines.dash.lengths
        legendSwatch = theme.legend.swatchMM * mm
        legendGap = theme.legend.gapMM * mm
        legendFrame = theme.legend.frame
        budget = TimelineBudget(lanes: t.budget.lanes, legendEntries: t.budget.legendEntries, marks: t.budget.marks)
        otherSeries = SeriesStyle(categories.other)
        unidentifiedSeries = SeriesStyle(categories.unidentified)
    }

    /// The style of a person or topic: its own when named, the unidentified group's for it,
    /// "others" otherwise.
    func series(_ key: String) -> SeriesStyle {
        if let s = series[key] { return s }
        if isUnidentified(key), let u = unidentifiedSeries { return u }
        return otherSeries ?? fallback[0]
    }

    /// Whether `key` has a palette look of its own (is neither "others" nor the unidentified group).
    func isNamed(_ key: String) -> Bool { series[key] != nil }

    /// Whether `key` is the unidentified people drawn as one, with a look of its own.
    func isUnidentified(_ key: String) -> Bool { key == CategoryStyles.unidentifiedKey && unidentifiedSeries != nil }
}

extension PaintColor {
    /// This colour at `opacity` over `base`, as an opaque colour (prints the same everywhere).
    func mixedOver(_ base: PaintColor, opacity: Double) -> PaintColor {
        let a = min(max(opacity, 0), 1)
        return PaintColor(red: base.red + (red - base.red) * a, green: base.green + (green - base.green) * a,
                          blue: base.blue + (blue - base.blue) * a)
    }
}
