import Correspondence

/// The swimlane figure: a lane per correspondent of the principal, with the principal's
/// messages above the lane's line and the correspondent's below (inferred ones hollow),
/// dates known only within bounds drawn as ranges, and curves from a cited message to its
/// answer. Events of the period shade the background.
struct CorrespondentsTimeline {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let assign = LaneAssignment(principal: data.principal)
        let inRange = { (e: TimelineEntry) in e.day >= range.from && e.day <= range.to }
        let shown = data.entries.allSatisfy(inRange) ? data.entries : data.entries.filter(inRange)
        let entryLanes = EntryLanes(shown, assignment: assign)
        let lanes = entryLanes.keys
        let laneNames = lanes.map { LaneAssignment.name($0, in: data) }
        let corpusCount = shown.reduce(0) { $0 + ($1.inferred ? 0 : 1) }
        let inferredCount = shown.count - corpusCount
        let principalName = assign.principal.map { data.name($0) } ?? "the writer"

        // Title and reading note.
        let title = "\(principalName) and correspondents, \(yearSpan)"
        let note = "\(corpusCount) messages of \(data.sourceName)" + (inferredCount > 0 ? " and \(inferredCount) incoming ones known only from citations" : "")
            + ", \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)). Above each lane's line: messages from \(principalName); below: from the correspondent."
        var y = b.title(title, note: note, top: style.margin)

        // Lane labels in the left gutter, event labels above the plot.
        let laneH = style.laneHeight
        let plot = b.lanePlot(from: range.from, to: range.to, laneLabels: laneNames, laneCount: lanes.count, laneHeight: laneH,
                              events: events.events, below: y)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotBottom = plot.bottom

        // Lanes: label, centre line, marks.
        let keys = data.personKeys + lanes.filter { !data.personKeys.contains($0) }
        let laneCenters = lanes.indices.map { plotTop + (Double($0) + 0.5) * laneH }
        let offset = laneH * 0.2
        let tick = measurer.measure("X", font: style.labelFont)
        for i in lanes.indices {
            let cy = laneCenters[i]
            if style.laneStripes && i % 2 == 1 {
                b.addBackmost(.rect(SceneRect(rect: Rect(x: scale.x0, y: plotTop + Double(i) * laneH, width: scale.x1 - scale.x0, height: laneH), fill: style.laneFill)))
            }
            if i > 0 {
                b.line(Point(x: scale.x0, y: plotTop + Double(i) * laneH), Point(x: scale.x1, y: plotTop + Double(i) * laneH),
                       color: style.grid, width: style.gridWidth)
            }
            b.line(Point(x: scale.x0, y: cy), Point(x: scale.x1, y: cy), color: style.muted.lightened(0.45), width: style.gridWidth)
            b.text(laneNames[i], x: scale.x0 - style.labelSize * 0.6, baseline: cy + tick.ascent * 0.35, font: style.labelFont, anchor: .end)
        }

        // Marks are collected per lane (ranges, then filled, then hollow marks) so that the
        // painter can draw each lane's marks of one look in one go. Per lane only the entries'
        // indices are gathered; the scene's items are made once, in their final place.
        let laneStyles = lanes.map { laneStyle($0, keys) }
        let markX = shown.map { scale.x($0.day) }
        /// The centre of entry `i`'s mark in the lane at `slot`.
        func markCenter(_ i: Int, slot: Int) -> Point {
            let cy = laneCenters[Int(entryLanes.lane[slot])]
            return Point(x: markX[i], y: entryLanes.fromPrincipal[slot] ? cy - offset : cy + offset)
        }
        var rangeLines = Array(repeating: [SceneItem](), count: lanes.count)
        var filled = Array(repeating: [(entry: Int32, slot: Int32)](), count: lanes.count)
        var hollow = Array(repeating: [(entry: Int32, slot: Int32)](), count: lanes.count)
        for index in shown.indices {
            let inferred = shown[index].inferred, drawn = shown[index].span
            for slot in entryLanes.slots(of: index) {
                let li = Int(entryLanes.lane[slot])
                if drawn.from != drawn.to {
                    let my = markCenter(index, slot: slot).y
                    let s = laneStyles[li]
                    let a = max(scale.xStart(drawn.from), scale.x0), z = min(scale.xEnd(drawn.to), scale.x1)
                    let w = style.markStrokeWidth
                    rangeLines[li].append(.line(SceneLine(from: Point(x: a, y: my), to: Point(x: z, y: my), color: s.color, width: w)))
                    rangeLines[li].append(.line(SceneLine(from: Point(x: a, y: my - 1.5), to: Point(x: a, y: my + 1.5), color: s.color, width: w)))
                    rangeLines[li].append(.line(SceneLine(from: Point(x: z, y: my - 1.5), to: Point(x: z, y: my + 1.5), color: s.color, width: w)))
                }
                if inferred { hollow[li].append((Int32(index), Int32(slot))) } else { filled[li].append((Int32(index), Int32(slot))) }
            }
        }
        // Reply arcs: from the cited message to its answer, within the first lane (in lane
        // order) that holds both. Arcs are gathered per lane (in link order within a lane) so
        // that each lane's arcs, of one pen, are painted in one go.
        var entryOf: [String: Int32] = [:]
        entryOf.reserveCapacity(shown.count)
        // Backwards, so that an id's first entry is the one kept, with one hash per entry.
        for i in shown.indices.reversed() { entryOf[shown[i].id] = Int32(i) }
        var arcs = 0
        var laneArcs = Array(repeating: [SceneItem](), count: lanes.count)
        for link in data.links {
            guard let answer = entryOf[link.from].map(Int.init), let cited = entryOf[link.to].map(Int.init) else { continue }
            var shared: (li: Int32, cited: Int, answer: Int)?
            for qs in entryLanes.slots(of: answer) {
                for ps in entryLanes.slots(of: cited) where entryLanes.lane[ps] == entryLanes.lane[qs] {
                    if shared.map({ entryLanes.lane[qs] < $0.li }) ?? true { shared = (entryLanes.lane[qs], ps, qs) }
                }
            }
            guard let (lane, ps, qs) = shared else { continue }
            let li = Int(lane)
            let p = markCenter(cited, slot: ps), q = markCenter(answer, slot: qs)
            let mid = (p.x + q.x) / 2
            let elements: [PathElement]
            if abs(p.y - q.y) > 0.5 {
                elements = [.move(p), .curve(Point(x: mid, y: p.y), Point(x: mid, y: q.y), q)]
            } else {
                let h = min(laneH * 0.28, max(1.5, abs(q.x - p.x) * 0.3))
                let bulge = p.y < laneCenters[li] ? p.y - h : p.y + h
                elements = [.move(p), .curve(Point(x: p.x, y: bulge), Point(x: q.x, y: bulge), q)]
            }
            laneArcs[li].append(.path(ScenePath(elements: elements, fill: nil, stroke: laneStyles[li].color.withAlpha(style.arcOpacity), strokeWidth: style.arcWidth)))
            arcs += 1
        }
        // The marks go in front, a run per lane and look; ranges and arcs in the middle, for
        // which room is made at once, so a large corpus's scene is not copied as it grows.
        b.reserve(middle: rangeLines.reduce(0) { $0 + $1.count } + arcs)
        for li in lanes.indices {
            b.addMiddle(contentsOf: rangeLines[li])
            let s = laneStyles[li]
            for (group, fill) in [(filled[li], s.color), (hollow[li], style.paper)] where !group.isEmpty {
                let look = SceneMark(center: Point(x: 0, y: 0), shape: s.shape, size: style.markSize, fill: fill, stroke: s.color,
                                     strokeWidth: style.markStrokeWidth)
                b.addFront(.marks(SceneMarkRun(look: look, centers: group.map { markCenter(Int($0.entry), slot: Int($0.slot)) },
                                               messageIDs: group.map { shown[Int($0.entry)].id })))
            }
        }
        for list in laneArcs { b.addMiddle(contentsOf: list) }

        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        var legend: [LegendEntry] = [
            LegendEntry(.mark(.circle, fill: style.ink, stroke: style.ink), "message of the corpus"),
        ]
        if !style.showTitle {
            // The reading note is not printed: the legend says how the rows are split.
            legend.insert(LegendEntry(.none, "above a lane's line: from \(principalName); below: from the correspondent"), at: 0)
        }
        if inferredCount > 0 { legend.append(LegendEntry(.mark(.circle, fill: style.paper, stroke: style.ink), "inferred from a citation")) }
        if shown.contains(where: { $0.span.from != $0.span.to }) { legend.append(LegendEntry(.range(style.ink), "date known within bounds")) }
        if arcs > 0 { legend.append(LegendEntry(.line(style.ink.withAlpha(style.arcOpacity), dash: [], width: style.arcWidth * 1.5), "cited message → answer")) }
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: (y + style.margin).rounded(.up))

        let caption = "Messages by correspondent of \(principalName), \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): "
            + "\(corpusCount) messages of the corpus (filled marks) and \(inferredCount) incoming messages known only because a message cites them (hollow marks), "
            + "in \(lanes.count) lanes, one per correspondent; messages from \(principalName) above each lane's line, from the correspondent below. "
            + "\(arcs) curves join a cited message to its answer. Dates known only within bounds are drawn as ranges with the mark at the middle. "
            + b.eventSentence(labels)
        return TimelineFigure(kind: .correspondents, scene: scene, title: title, caption: caption, messages: corpusCount,
                              inferredMessages: inferredCount, from: range.from, to: range.to)
    }

    private var yearSpan: String {
        range.from.year == range.to.year ? "\(range.from.year)" : "\(range.from.year)–\(range.to.year)"
    }

    private func laneStyle(_ lane: String, _ keys: [String]) -> SeriesStyle {
        LaneAssignment.isSpecial(lane) ? SeriesStyle(color: style.muted, dash: [], shape: .circle) : style.style(for: lane, among: keys)
    }
}
