import Correspondence

/// A lane per topic: a tick per message on the topic, over a strip whose height is the
/// topic's messages per month (one scale for all lanes, so lanes compare), so a topic's
/// thread and its intensity read at a glance. Messages with no topic get a lane of their own.
struct TopicsTimeline {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    static let noTopic = "(no topic)"

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let shown = data.corpusEntries.filter { $0.date.best >= range.from && $0.date.best <= range.to }
        var lanes = data.topics.map { (id: $0.id, label: $0.label) }
        var byTopic: [String: [TimelineEntry]] = [:]
        for e in shown {
            if e.topics.isEmpty { byTopic[Self.noTopic, default: []].append(e) }
            for t in e.topics { byTopic[t, default: []].append(e) }
        }
        // Topics the lexicon does not list still get a lane (after the listed ones).
        let known = Set(lanes.map(\.id))
        for t in byTopic.keys.sorted() where !known.contains(t) && t != Self.noTopic { lanes.append((t, t)) }
        if byTopic[Self.noTopic] != nil { lanes.append((Self.noTopic, "no topic found")) }
        let laneLabels = lanes.map { "\($0.label) (\(byTopic[$0.id]?.count ?? 0))" }
        let keys = lanes.map(\.id)

        let title = "Topics of the correspondence, \(FigureBuilder.yearSpan(range.from, range.to))"
        let note = "\(shown.count) messages of \(data.sourceName), \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)); a message on several topics is in each of their lanes. Numbers: messages per topic."
        var y = b.title(title, note: note, top: style.margin)

        let gutter = b.widest(laneLabels, font: style.labelFont) + style.labelSize
        let (padFrom, padTo) = FigureBuilder.paddedRange(range.from, range.to)
        let scale = b.timeScale(from: padFrom, to: padTo, x0: b.left + gutter, x1: b.right - style.tickSize)
        let labels = b.placeEventLabels(events.events, scale: scale)
        y += style.labelSize * 0.8
        let labelsTop = y
        y += labels.height
        let plotTop = y
        let laneH = style.laneHeight * 1.35
        let plotBottom = plotTop + Double(max(lanes.count, 1)) * laneH
        b.drawEvents(labels, scale: scale, labelsTop: labelsTop, plotTop: plotTop, plotBottom: plotBottom)

        // Monthly counts per topic, on one scale.
        let months = FigureBuilder.months(from: scale.firstDay, to: scale.lastDay)
        var counts: [String: [Int]] = [:]
        for (id, list) in byTopic {
            var c = Array(repeating: 0, count: months.count)
            for e in list {
                let i = FigureBuilder.monthIndex(e.date.best, from: months[0])
                if c.indices.contains(i) { c[i] += 1 }
            }
            counts[id] = c
        }
        let peak = max(1, counts.values.flatMap { $0 }.max() ?? 1)
        let stripH = laneH * 0.5
        let tickH = laneH * 0.32
        let m = measurer.measure("X", font: style.labelFont)
        for (i, lane) in lanes.enumerated() {
            let top = plotTop + Double(i) * laneH
            let base = top + laneH - 1
            let s = lane.id == Self.noTopic ? SeriesStyle(color: style.muted, dash: [], shape: .bar) : style.style(for: lane.id, among: keys)
            if i > 0 { b.line(Point(x: scale.x0, y: top), Point(x: scale.x1, y: top), color: style.grid, width: style.gridWidth) }
            b.text(laneLabels[i], x: scale.x0 - style.labelSize * 0.6, baseline: top + laneH / 2 + m.ascent * 0.35, font: style.labelFont, anchor: .end)
            // Density strip: a step area of the monthly counts.
            if let c = counts[lane.id] {
                var elements: [PathElement] = [.move(Point(x: scale.x0, y: base))]
                for (j, month) in months.enumerated() {
                    let a = max(scale.xStart(month), scale.x0)
                    let next = j + 1 < months.count ? months[j + 1] : scale.lastDay.adding(days: 1)
                    let z = min(scale.xStart(next), scale.x1)
                    let h = Double(c[j]) / Double(peak) * stripH
                    elements.append(.line(Point(x: a, y: base - h)))
                    elements.append(.line(Point(x: z, y: base - h)))
                }
                elements += [.line(Point(x: scale.x1, y: base)), .close]
                b.addMiddle(.path(ScenePath(elements: elements, fill: s.color.lightened(0.6), stroke: s.color.lightened(0.25), strokeWidth: style.gridWidth)))
            }
            b.line(Point(x: scale.x0, y: base), Point(x: scale.x1, y: base), color: style.muted.lightened(0.3), width: style.gridWidth)
            // A tick per message above the strip.
            let tickY = top + tickH / 2 + 1.5
            for e in byTopic[lane.id] ?? [] {
                b.addFront(.mark(SceneMark(center: Point(x: scale.x(e.date.best), y: tickY), shape: .bar, size: tickH,
                                           fill: nil, stroke: s.color, strokeWidth: style.markStrokeWidth * 1.2, messageID: e.id)))
            }
        }

        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        var legend: [LegendEntry] = [
            LegendEntry(.mark(.bar, fill: nil, stroke: style.ink), "a message on the topic"),
            LegendEntry(.rect(style.muted.lightened(0.6)), "messages per month (tallest strip = \(peak))"),
        ]
        if !labels.events.isEmpty { legend.append(LegendEntry(.band(style.bandFill), "event (dashed line: one day)")) }
        if !labels.omitted.isEmpty { legend.append(LegendEntry(.band(style.bandFill), "+\(labels.omitted.count) more events unlabelled")) }
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: (y + style.margin).rounded(.up))
        let caption = "Topic threads in \(shown.count) messages, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): "
            + "one lane per topic of the lexicon (\(lanes.count) lanes), a tick per message on the topic over a strip of its messages per month "
            + "(one scale for all lanes; the tallest month has \(peak)). " + b.eventSentence(labels)
        return TimelineFigure(kind: .topics, scene: scene, title: title, caption: caption, messages: shown.count, from: range.from, to: range.to)
    }
}
