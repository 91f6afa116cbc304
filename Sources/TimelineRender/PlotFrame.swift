import Correspondence

/// The frame every timeline figure shares: a left gutter (lane labels, or a value axis's tick
/// labels and title), the time scale, the event labels and bands, and the plot area below them.
struct PlotFrame {
    let scale: TimeScale
    /// The event labels placed above the plot (for the legend and caption).
    let events: FigureBuilder.EventLabels
    let top: Double
    let height: Double
    var bottom: Double { top + height }
}

extension FigureBuilder {
    /// The frame of a swimlane figure below `y` for the days `from`...`to`: `laneLabels` in
    /// the gutter, `laneCount` lanes `laneHeight` high; the event bands are drawn in it.
    func lanePlot(from: Day, to: Day, laneLabels: [String], laneCount: Int, laneHeight: Double, events: [HistoricalEvent],
                  below y: Double) -> PlotFrame {
        let gutter = widest(laneLabels, font: style.labelFont) + style.labelSize
        return plotFrame(from: from, to: to, gutter: gutter, valueAxis: false, height: Double(max(laneCount, 1)) * laneHeight,
                         events: events, below: y)
    }

    /// The frame of a chart with a value axis (latency, volume) below `y`: a gutter for the
    /// tick labels and the axis title, and a plot ten lanes high.
    func valuePlot(from: Day, to: Day, tickLabels: [String], axisTitle: String, events: [HistoricalEvent],
                   below y: Double) -> PlotFrame {
        let titleHeight = measurer.measure(axisTitle, font: style.labelFont).height
        let gutter = titleHeight + 4 + widest(tickLabels, font: style.tickFont) + 6
        return plotFrame(from: from, to: to, gutter: gutter, valueAxis: true, height: style.laneHeight * 10, events: events, below: y)
    }

    /// The time scale right of `gutter`, the event labels above a plot `height` high, and the
    /// event bands through it.
    private func plotFrame(from: Day, to: Day, gutter: Double, valueAxis: Bool, height: Double, events: [HistoricalEvent],
                           below y: Double) -> PlotFrame {
        let (padFrom, padTo) = FigureBuilder.paddedRange(from, to)
        let scale = timeScale(from: padFrom, to: padTo, x0: left + gutter, x1: right - style.tickSize, valueAxis: valueAxis)
        let labels = placeEventLabels(events, scale: scale, valueAxis: valueAxis)
        let labelsTop = y + style.labelSize * 0.8
        let plot = PlotFrame(scale: scale, events: labels, top: labelsTop + labels.height, height: height)
        drawEvents(labels, scale: scale, labelsTop: labelsTop, plotTop: plot.top, plotBottom: plot.bottom)
        return plot
    }

    /// The value axis of `plot`: labelled ticks placed by `yOf`, grid lines, and `title`.
    func valueAxis(_ plot: PlotFrame, ticks: [Double], labels: [String], yOf: (Double) -> Double, title: String) {
        valueAxis(ticks: zip(ticks, labels).map { ($0, $1) }, x: plot.scale.x0, gridRight: plot.scale.x1,
                  yTop: plot.top, yBottom: plot.bottom, yOf: yOf, title: title,
                  titleX: left + measurer.measure(title, font: style.labelFont).ascent)
    }
}
