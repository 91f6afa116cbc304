import Foundation
import Correspondence
import Drawing

/// A lane per topic: a tick per message on the topic, over a strip whose height is the
/// topic's messages per month (one scale for all lanes, so lanes compare), so a topic's
/// thread and its intensity read at a glance. Messages with no topic get a lane of their own.
struct TopicsTimeline {
    let lanes: TopicLanes
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer

    static let noTopic = TopicLanes.noTopic
    /// The lane shared by the topics past the budget.
    static let othersLane = "(other topics)"

    init(data: TimelineData, style: FigureStyle, events: EventCalendar, measurer: TextMeasurer, range: (from: Day, to: Day)) {
        self.init(lanes: TopicLanes(data: data, range: range), style: style, events: events, measurer: measurer)
    }

    init(lanes: TopicLanes, style: FigureStyle, events: EventCalendar, measurer: TextMeasurer) {
        self.lanes = lanes
        self.style = style
        self.events = events
        self.measurer = measurer
    }

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let range = lanes.range
        let shownCount = lanes.shown

        // Lanes within the budget (and the fixed height): the busiest topics keep theirs, the
        // rest (and the no-topic lane, if it does not fit) share "other topics".
        let all = lanes.lanes.indices
        let topical = all.filter { lanes.lanes[$0].id != Self.noTopic }
        let noTopicLane = all.first { lanes.lanes[$0].id == Self.noTopic }
        let busiest = topical.sorted { (-lanes.days[$0].count, $0) < (-lanes.days[$1].count, $1) }
        let title = "Topics of the correspondence, \(FigureBuilder.yearSpan(range.from, range.to))"
        let note = "\(shownCount) letters of \(lanes.sourceName), \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)); a letter on several topics is in each of their lanes. Numbers: letters per topic."
        var y = b.title(title, note: note, top: style.margin)
        func plan(limit: Int) -> (kept: [Int], folded: [Int]) {
            let wanted = topical.count + (noTopicLane == nil ? 0 : 1)
            guard wanted > limit else { return (Array(all), []) }
            let keep = Array(busiest.prefix(max(1, limit - 1))).sorted()
            return (keep, all.filter { !keep.contains($0) })
        }
        let lanePlan = plan(limit: style.budget.lanes)
        func label(_ i: Int) -> String { "\(lanes.lanes[i].label) (\(lanes.days[i].count))" }
        func foldedLabel(_ folded: [Int]) -> String {
            let ids = Set(folded.flatMap { lanes.ids[$0] })
            return "other topics (\(folded.count), \(ids.count) letters)"
        }
        // Dated from one side only (TEI/CMIF notBefore or notAfter alone): a tick at the known
        // day with a dotted whisker toward the open side, as in the correspondents timeline.
        let openLater = lanes.open.values.reduce(0) { $0 + ($1 ? 1 : 0) }
        let openEarlier = lanes.open.count - openLater
        let openSamples = [(openLater, true), (openEarlier, false)].filter { $0.0 > 0 }.map {
            LegendEntry(.openDate(style.ink, later: $0.1, shape: .bar), FigureBuilder.openDateLegend(later: $0.1))
        }
        let legendGuess = [LegendEntry(.mark(.bar, fill: nil, stroke: style.ink), "a letter on the topic (lane label: how many)"),
                           LegendEntry(.rect(style.ink), "1 letter in the month"), LegendEntry(.rect(style.ink), "00"),
                           LegendEntry(.rect(style.ink), "000 (busiest month of any topic)")]
            + openSamples + b.eventLegendEstimate(events, from: range.from, to: range.to)
        let candidate = lanePlan.kept.map(label) + (lanePlan.folded.isEmpty ? [] : [foldedLabel(lanePlan.folded)])
        // Lane labels take at most two fifths of the width (a column figure keeps a plot to
        // read); a longer label is wrapped onto lines of its own, never cut.
        let maxGutter = (b.right - b.left) * 0.4
        let gutter = min(b.laneGutter(candidate), maxGutter)
        func labelLines(_ s: String) -> [String] {
            b.laneGutter([s]) <= gutter ? [s] : b.wrap(s, font: style.labelFont, width: gutter - style.labelSize)
        }
        let lineHeight = measurer.measure("Xg", font: style.labelFont).height
        let mostLines = candidate.map { labelLines($0).count }.max() ?? 1
        let planned = b.planPlot(from: range.from, to: range.to, gutter: gutter, valueAxis: false, events: events.events,
                                 below: y, reserveBelow: style.labelSize + b.legendHeight(legendGuess))
        let minLane = max(style.laneHeight * 1.35, Double(mostLines) * lineHeight + 2)
        // Lane contents: kept lanes as they are, the folded ones merged (each letter once).
        var laneIDs: [String] = lanePlan.kept.map { lanes.lanes[$0].id }
        var laneLabels: [String] = lanePlan.kept.map(label)
        var days: [[Int]] = lanePlan.kept.map { lanes.days[$0] }
        var ids: [[String]] = lanePlan.kept.map { lanes.ids[$0] }
        if !lanePlan.folded.isEmpty {
            var seen = Set<String>(), d: [Int] = [], n: [String] = []
            for i in lanePlan.folded {
                for (day, id) in zip(lanes.days[i], lanes.ids[i]) where seen.insert(id).inserted { d.append(day); n.append(id) }
            }
            laneIDs.append(Self.othersLane)
            laneLabels.append(foldedLabel(lanePlan.folded))
            days.append(d)
            ids.append(n)
        }
        let keys = laneIDs
        // Past the marks budget, a lane's letters are counted in a flat grid of bins: one disc
        // per lane and bin with its number (`FigureBuilder.countBins`), not a tick per letter.
        let tickCount = days.reduce(0) { $0 + $1.count }
        var counted: (bins: TimeBins, cells: [FigureBuilder.CountedCell])?
        var flatIDs: [String] = []
        if tickCount > style.budget.marks {
            var points: [(row: Int, day: Day, entry: Int, key: String)] = []
            points.reserveCapacity(tickCount)
            flatIDs.reserveCapacity(tickCount)
            for (i, list) in days.enumerated() {
                for (o, id) in zip(list, ids[i]) {
                    points.append((i, Day(ordinal: o), flatIDs.count, laneIDs[i]))
                    flatIDs.append(id)
                }
            }
            counted = b.countBins(scale: planned.scale, rows: keys.count, points: points)
        }
        let countStep = counted.map { b.countStep($0.cells) } ?? 0
        // A disc row above the month strip (which takes 0.32 of the lane).
        let laneFloor = counted == nil ? minLane : max(minLane, (countStep + 3) / 0.66)
        let laneH = planned.available.map { max(laneFloor, $0 / Double(max(keys.count, 1))) } ?? laneFloor
        let plot = b.frame(planned, height: Double(max(keys.count, 1)) * laneH)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotBottom = plot.bottom

        // Monthly counts per topic, on one scale.
        let months = FigureBuilder.months(from: scale.firstDay, to: scale.lastDay)
        // Month index of each day of the scale (days outside it are worked out one by one).
        let firstOrdinal = months[0].ordinal, lastOrdinal = scale.lastDay.ordinal
        var monthOfDay: [Int] = []
        monthOfDay.reserveCapacity(max(0, lastOrdinal - firstOrdinal + 1))
        if firstOrdinal <= lastOrdinal {
            for o in firstOrdinal...lastOrdinal { monthOfDay.append(FigureBuilder.monthIndex(Day(ordinal: o), from: months[0])) }
        }
        let counts: [[Int]] = days.map { list in
            var c = Array(repeating: 0, count: months.count)
            for o in list {
                let i = o >= firstOrdinal && o <= lastOrdinal ? monthOfDay[o - firstOrdinal]
                    : FigureBuilder.monthIndex(Day(ordinal: o), from: months[0])
                if c.indices.contains(i) { c[i] += 1 }
            }
            return c
        }
        let peak = max(1, counts.lazy.compactMap { $0.max() }.max() ?? 1)
        let stripH = laneH * 0.32
        let tickH = laneH * 0.4
        let m = measurer.measure("X", font: style.labelFont)
        for (i, laneID) in laneIDs.enumerated() {
            let top = plotTop + Double(i) * laneH
            let base = top + laneH - 1
            let s = laneID == Self.noTopic || laneID == Self.othersLane ? SeriesStyle(color: style.muted, dash: [], shape: .bar) : style.series(laneID)
            if i > 0 { b.line(Point(x: scale.x0, y: top), Point(x: scale.x1, y: top), color: style.grid, width: style.gridWidth) }
            let lines = labelLines(laneLabels[i])
            if lines.count == 1 {
                b.text(laneLabels[i], x: scale.x0 - style.labelSize * 0.6, baseline: top + laneH / 2 + m.ascent * 0.35, font: style.labelFont, anchor: .end)
            } else {
                let font = measurer.measure("Xg", font: style.labelFont)
                let firstBaseline = top + laneH / 2 - Double(lines.count) * lineHeight / 2 + font.ascent
                for (k, line) in lines.enumerated() {
                    b.text(line, x: scale.x0 - style.labelSize * 0.6, baseline: firstBaseline + Double(k) * lineHeight, font: style.labelFont, anchor: .end)
                }
            }
            // Density strip: a cell per month, darker the more messages, on one ramp of the ink
            // for all lanes (the legend's): a ramp of each topic's colour would make a light
            // topic's busiest month paler than a dark topic's quiet one.
            let c = counts[i]
            for (j, month) in months.enumerated() where c[j] > 0 {
                let a = max(scale.xStart(month), scale.x0)
                let next = j + 1 < months.count ? months[j + 1] : scale.lastDay.adding(days: 1)
                let z = min(scale.xStart(next), scale.x1)
                b.addMiddle(.rect(SceneRect(rect: Rect(x: a, y: base - stripH, width: z - a, height: stripH),
                                            fill: Self.intensity(style.ink, count: c[j], peak: peak))))
            }
            // A tick per message above the strip, as one run (the lane's ids are shared, not copied).
            let tickY = top + tickH / 2 + 1.5
            let laneDays = days[i]
            if let counted {
                let box = b.countBox(counted.cells)
                for cell in counted.cells where cell.row == i {
                    b.countedDisc(cell.count, at: Point(x: counted.bins.centerX(cell.bin), y: top + countStep / 2 + 1), fill: s.color,
                                  diameter: box, messageID: flatIDs[cell.first])
                }
            } else if !laneDays.isEmpty {
                let look = SceneMark(center: Point(x: 0, y: 0), shape: .bar, size: tickH, fill: nil, stroke: s.color,
                                     strokeWidth: style.markStrokeWidth * 1.2)
                b.addFront(.marks(SceneMarkRun(look: look, centers: laneDays.map { Point(x: scale.x(ordinal: Double($0) + 0.5), y: tickY) },
                                               messageIDs: ids[i])))
                if !lanes.open.isEmpty {
                    for (o, id) in zip(laneDays, ids[i]) {
                        guard let later = lanes.open[id] else { continue }
                        b.addFront(contentsOf: b.openWhisker(from: Point(x: scale.x(ordinal: Double(o) + 0.5), y: tickY), later: later,
                                                             color: s.color, clearance: FigureBuilder.tickClearance(style),
                                                             within: scale.x0...scale.x1))
                    }
                }
            }
        }

        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        var legend: [LegendEntry] = [
            counted.map { LegendEntry(.mark(.circle, fill: style.ink, stroke: style.ink), "letters binned by \($0.bins.span); numbers are counts (lane label: all)") }
                ?? LegendEntry(.mark(.bar, fill: nil, stroke: style.ink), "a letter on the topic (lane label: how many)"),
            LegendEntry(.rect(Self.intensity(style.ink, count: 1, peak: peak)), "1 letter in the month"),
            LegendEntry(.rect(Self.intensity(style.ink, count: max(1, (peak + 1) / 2), peak: peak)), "\(max(1, (peak + 1) / 2))"),
            LegendEntry(.rect(Self.intensity(style.ink, count: peak, peak: peak)), "\(peak) (busiest month of any topic)"),
        ]
        if counted == nil { legend += openSamples }
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: b.finalHeight(contentBottom: y))
        var caption = "Topic threads in \(shownCount) letters, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): "
            + "one lane per topic found (\(keys.count) lanes), "
            + (counted.map { "letters binned by \($0.bins.span), one disc per lane and bin (\($0.cells.count) discs), numbers are counts (the figure would hold more than \(style.budget.marks) ticks)," }
                ?? "a tick per letter on the topic")
            + " over a strip of its letters per month "
            + "(darker = more; one scale for all lanes, the busiest month has \(peak)). "
        if !lanePlan.folded.isEmpty { caption += "The \(lanePlan.folded.count) quieter topics share the last lane. " }
        caption += counted != nil ? (lanes.open.isEmpty ? "" : "A letter dated from one side only is counted at its known day. ")
            : FigureBuilder.openDateSentence(openLater, later: true) + FigureBuilder.openDateSentence(openEarlier, later: false)
        caption += b.eventSentence(labels)
        return TimelineFigure(kind: .topics, scene: scene, title: style.titleText ?? title, caption: caption.trimmingCharacters(in: .whitespaces),
                              messages: shownCount, from: range.from, to: range.to, legend: legend)
    }

    /// The strip colour of a month: `color` (the ink, for every lane), from very light
    /// (1 message) to full (the busiest month), linear in the count.
    static func intensity(_ color: PaintColor, count: Int, peak: Int) -> PaintColor {
        let f = Double(count) / Double(max(peak, 1))
        return color.lightened(0.88 - 0.88 * f)
    }
}
