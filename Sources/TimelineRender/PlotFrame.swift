import Correspondence
import Drawing

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

/// A time scale and its event labels, before the plot's height is chosen: the figure first
/// learns how much height the plot may have (`available`), then draws the frame.
struct PlotPlan {
    let scale: TimeScale
    let events: FigureBuilder.EventLabels
    let labelsTop: Double
    let top: Double
    /// Height left for the plot when the figure has a fixed height (nil when it has none).
    let available: Double?
}

extension FigureBuilder {
    /// Plans the frame below `y` for the days `from`...`to`, with `gutter` points of labels at
    /// the left; `reserveBelow` is what goes under the plot besides the time axis (the legend).
    /// `whiskers` gives the earliest letter dated only "not after" a day and the latest dated
    /// only "not before" one, and how far an open date's whisker reaches (in points): the days
    /// are padded so that those whiskers fit inside the plot.
    func planPlot(from: Day, to: Day, gutter: Double, valueAxis: Bool, events: [HistoricalEvent], below y: Double,
                  reserveBelow: Double, whiskers: (earliest: Day?, latest: Day?, reach: Double)? = nil) -> PlotPlan {
        var (padFrom, padTo) = FigureBuilder.paddedRange(from, to)
        let x0 = left + max(gutter, valueAxis ? 0 : style.laneLabelWidth), x1 = right - style.tickSize
        if let w = whiskers, w.earliest != nil || w.latest != nil {
            // Points to days on the final scale (the data's days take what the room leaves),
            // then the room each end still needs beyond the data.
            let span = Double(max(1, from.days(to: to)))
            let perPoint = span / max(1, x1 - x0 - 2 * w.reach)
            let before = w.earliest.map { max(0, w.reach - Double(from.days(to: $0)) / perPoint) } ?? 0
            let after = w.latest.map { max(0, w.reach - Double($0.days(to: to)) / perPoint) } ?? 0
            padFrom = min(padFrom, from.adding(days: -Int((before * perPoint).rounded(.up))))
            padTo = max(padTo, to.adding(days: Int((after * perPoint).rounded(.up))))
        }
        let scale = timeScale(from: padFrom, to: padTo, x0: x0, x1: x1, valueAxis: valueAxis)
        let labels = placeEventLabels(events, scale: scale, valueAxis: valueAxis)
        let labelsTop = y + style.labelSize * 0.8
        let top = labelsTop + labels.height
        let available = style.pageHeight.map { $0 - style.margin - top - axisHeight(scale) - reserveBelow }
        return PlotPlan(scale: scale, events: labels, labelsTop: labelsTop, top: top, available: available)
    }

    /// Draws the event bands of `plan` through a plot `height` high.
    func frame(_ plan: PlotPlan, height: Double) -> PlotFrame {
        let plot = PlotFrame(scale: plan.scale, events: plan.events, top: plan.top, height: height)
        drawEvents(plan.events, scale: plan.scale, labelsTop: plan.labelsTop, plotTop: plot.top, plotBottom: plot.bottom)
        return plot
    }

    /// The gutter of a swimlane figure: its widest lane label and a space.
    func laneGutter(_ laneLabels: [String]) -> Double {
        widest(laneLabels, font: style.labelFont) + style.labelSize
    }

    /// The gutter of a value chart: the axis title, the widest tick label and a space.
    func valueGutter(tickLabels: [String], axisTitle: String) -> Double {
        measurer.measure(axisTitle, font: style.labelFont).height + 4 + widest(tickLabels, font: style.tickFont) + 6
    }

    /// The frame of a chart with a value axis (latency, volume) below `y`: the plot takes the
    /// height left by the figure's fixed height, or ten lanes high without one.
    func valuePlot(from: Day, to: Day, tickLabels: [String], axisTitle: String, events: [HistoricalEvent],
                   below y: Double, reserveBelow: Double) -> PlotFrame {
        valueFrame(valuePlan(from: from, to: to, tickLabels: tickLabels, axisTitle: axisTitle, events: events, below: y, reserveBelow: reserveBelow),
                   axisTitle: axisTitle)
    }

    /// `valuePlot` in two steps, for a chart that must know its time scale before it chooses
    /// the plot's height (the latency chart's counted bins): the plan...
    func valuePlan(from: Day, to: Day, tickLabels: [String], axisTitle: String, events: [HistoricalEvent],
                   below y: Double, reserveBelow: Double) -> PlotPlan {
        planPlot(from: from, to: to, gutter: valueGutter(tickLabels: tickLabels, axisTitle: axisTitle), valueAxis: true,
                 events: events, below: y, reserveBelow: reserveBelow)
    }

    /// ...then the frame, as tall as `valuePlot` makes it and at least `atLeast`.
    func valueFrame(_ plan: PlotPlan, axisTitle: String, atLeast: Double = 0) -> PlotFrame {
        // At least as tall as its axis title, which reads along the plot's left side.
        let height = max(plan.available ?? style.laneHeight * 10, style.labelSize * 4, measurer.width(axisTitle, font: style.labelFont) + style.labelSize,
                         atLeast)
        return frame(plan, height: height)
    }

    /// The value axis of `plot`: labelled ticks placed by `yOf`, grid lines, and `title`.
    func valueAxis(_ plot: PlotFrame, ticks: [Double], labels: [String], yOf: (Double) -> Double, title: String) {
        valueAxis(ticks: zip(ticks, labels).map { ($0, $1) }, x: plot.scale.x0, gridRight: plot.scale.x1,
                  yTop: plot.top, yBottom: plot.bottom, yOf: yOf, title: title,
                  titleX: left + measurer.measure(title, font: style.labelFont).ascent)
    }

    /// The scene's final height: the style's page height, or the content's when it needs more
    /// (nothing is ever cut off; budgets keep the content small).
    func finalHeight(contentBottom y: Double) -> Double {
        let natural = (y + style.margin).rounded(.up)
        return style.pageHeight.map { max($0, natural) } ?? natural
    }
}
