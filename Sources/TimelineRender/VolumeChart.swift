import Correspondence

/// Messages of the corpus per month as bars stacked by correspondent (messages to several
/// correspondents at once in a stack of their own), on a y axis from zero.
struct VolumeChart {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    /// Counts per month (index from the first month of the range) per category.
    static func monthlyCounts(_ entries: [TimelineEntry], months: [Day], assign: LaneAssignment) -> [[String: Int]] {
        var out = Array(repeating: [String: Int](), count: months.count)
        guard let first = months.first else { return out }
        for e in entries {
            let i = FigureBuilder.monthIndex(e.day, from: first)
            if out.indices.contains(i) { out[i][assign.category(of: e), default: 0] += 1 }
        }
        return out
    }

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let assign = LaneAssignment(principal: data.principal)
        let shown = data.corpusEntries.filter { $0.day >= range.from && $0.day <= range.to }
        var categories = assign.orderedLanes(shown).filter { $0 != LaneAssignment.jointKey }
        if shown.contains(where: { assign.category(of: $0) == LaneAssignment.jointKey }) { categories.append(LaneAssignment.jointKey) }
        let keys = data.personKeys + categories.filter { !data.personKeys.contains($0) }
        func seriesStyle(_ c: String) -> SeriesStyle {
            LaneAssignment.isSpecial(c) ? SeriesStyle(color: c == LaneAssignment.jointKey ? style.muted : style.muted.lightened(0.5), dash: [], shape: .square)
                : style.style(for: c, among: keys)
        }
        func label(_ c: String) -> String { LaneAssignment.name(c, in: data) }

        let principalName = assign.principal.map { data.name($0) } ?? "the writer"
        let title = "Messages per month, \(FigureBuilder.yearSpan(range.from, range.to)), by correspondent"
        let note = "\(shown.count) messages of \(data.sourceName) (\(principalName)'s correspondence), \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)), counted by the month of their date (the middle of the bounds when the day is unknown); stacked by the correspondent of \(principalName) they were exchanged with."
        var y = b.title(title, note: note, top: style.margin)

        let firstMonth = Day(year: range.from.year, month: range.from.month, day: 1) ?? range.from
        let months = FigureBuilder.months(from: firstMonth, to: range.to)
        let counts = Self.monthlyCounts(shown, months: months, assign: assign)
        let peak = counts.map { $0.values.reduce(0, +) }.max() ?? 0
        let ticks = FigureBuilder.niceTicks(maxValue: Double(peak))
        let tickLabels = ticks.map { String(Int($0)) }
        let axisTitle = "Messages per month"
        let lastMonthEnd = (months.last.map { Day(year: $0.year, month: $0.month, day: Day.daysIn(month: $0.month, year: $0.year)) } ?? range.to) ?? range.to
        let plot = b.valuePlot(from: firstMonth, to: lastMonthEnd, tickLabels: tickLabels, axisTitle: axisTitle,
                               events: events.events, below: y)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotH = plot.height, plotBottom = plot.bottom
        let top = ticks.last ?? 1
        let yOf = { (v: Double) in plotBottom - v / top * plotH }
        b.valueAxis(plot, ticks: ticks, labels: tickLabels, yOf: yOf, title: axisTitle)

        let hatches = b.hatches(for: categories.map { seriesStyle($0).color })
        let hatchOf = Dictionary(uniqueKeysWithValues: zip(categories, hatches))
        for (i, month) in months.enumerated() {
            let next = i + 1 < months.count ? months[i + 1] : lastMonthEnd.adding(days: 1)
            let a = scale.xStart(month), z = scale.xStart(next)
            let w = (z - a) * 0.78
            var base = 0
            for c in categories {
                guard let n = counts[i][c], n > 0 else { continue }
                let r = Rect(x: a + (z - a - w) / 2, y: yOf(Double(base + n)), width: w, height: yOf(Double(base)) - yOf(Double(base + n)))
                b.addMiddle(.rect(SceneRect(rect: r, fill: seriesStyle(c).color, stroke: style.paper, strokeWidth: w > 3 ? 0.25 : 0,
                                            hatch: hatchOf[c] ?? nil)))
                base += n
            }
        }
        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        var legend = categories.map { c in
            LegendEntry((hatchOf[c] ?? nil).map { .hatched(seriesStyle(c).color, $0) } ?? .rect(seriesStyle(c).color), label(c))
        }
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: (y + style.margin).rounded(.up))
        let caption = "Messages per month of \(principalName)'s correspondence, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): "
            + "\(shown.count) messages of the corpus, stacked by correspondent (bottom to top in legend order); the busiest month has \(peak). "
            + "Inferred incoming messages are not counted. " + b.eventSentence(labels)
        return TimelineFigure(kind: .volume, scene: scene, title: title, caption: caption, messages: shown.count, from: range.from, to: range.to)
    }
}
