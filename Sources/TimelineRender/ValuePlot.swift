import Correspondence

/// The frame shared by the charts with a value axis (latency, volume): a gutter for the tick
/// labels and the axis title, the time scale, the event labels and bands, and a plot area ten
/// lanes high.
struct ValuePlot {
    let scale: TimeScale
    /// The event labels placed above the plot (for the legend and caption).
    let events: FigureBuilder.EventLabels
    let top: Double
    let height: Double
    var bottom: Double { top + height }
}

extension FigureBuilder {
    /// Lays out the frame below `y` for the days `from`...`to` and draws the event bands in it.
    func valuePlot(from: Day, to: Day, tickLabels: [String], axisTitle: String, events: [HistoricalEvent],
                   below y: Double) -> ValuePlot {
        let titleHeight = measurer.measure(axisTitle, font: style.labelFont).height
        let gutter = titleHeight + 4 + widest(tickLabels, font: style.tickFont) + 6
        let (padFrom, padTo) = FigureBuilder.paddedRange(from, to)
        let scale = timeScale(from: padFrom, to: padTo, x0: left + gutter, x1: right - style.tickSize, valueAxis: true)
        let labels = placeEventLabels(events, scale: scale, valueAxis: true)
        let labelsTop = y + style.labelSize * 0.8
        let plot = ValuePlot(scale: scale, events: labels, top: labelsTop + labels.height, height: style.laneHeight * 10)
        drawEvents(labels, scale: scale, labelsTop: labelsTop, plotTop: plot.top, plotBottom: plot.bottom)
        return plot
    }

    /// The value axis of `plot`: labelled ticks placed by `yOf`, grid lines, and `title`.
    func valueAxis(_ plot: ValuePlot, ticks: [Double], labels: [String], yOf: (Double) -> Double, title: String) {
        valueAxis(ticks: zip(ticks, labels).map { ($0, $1) }, x: plot.scale.x0, gridRight: plot.scale.x1,
                  yTop: plot.top, yBottom: plot.bottom, yOf: yOf, title: title,
                  titleX: left + measurer.measure(title, font: style.labelFont).ascent)
    }
}
