import Foundation
import Analysis
import Correspondence
import Drawing

/// The swimlane figure: a lane per correspondent of the central person (per person when the
/// corpus has none). In a lane, letters its person wrote lie above the line and letters to
/// them below; a mark takes its writer's colour and shape (the same encoding as the replies
/// graph). Letters between two correspondents (neither written by nor to the central person)
/// are ringed and drawn in both lanes. Inferred incoming messages are hollow, dates known only
/// within bounds are ranges, and curves join a cited message to its answer. Past the lane
/// budget, the busiest lanes stay and the rest share one "others" lane.
struct CorrespondentsTimeline {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    /// The key of the lane shared by the people past the budget.
    static let othersLane = "(others)"

    /// - Complexity: O(n log n) in the entries drawn (one pass to assign lanes, one to place
    ///   marks, a sort of the lanes).
    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let principal = data.principal
        let assign = LaneAssignment(principal: principal)
        let inRange = { (e: TimelineEntry) in e.day >= range.from && e.day <= range.to }
        let shown = data.entries.allSatisfy(inRange) ? data.entries : data.entries.filter(inRange)
        let entryLanes = EntryLanes(shown, assignment: assign)
        let corpusCount = shown.reduce(0) { $0 + ($1.inferred ? 0 : 1) }
        let inferredCount = shown.count - corpusCount
        let principalName = principal.id.map { data.name($0) }

        // Letters per lane, and how many lanes the budget (and a fixed height) allows.
        var perLane = [Int](repeating: 0, count: entryLanes.keys.count)
        for l in entryLanes.lane { perLane[Int(l)] += 1 }
        let busiest = entryLanes.keys.indices.sorted { (-perLane[$0], entryLanes.keys[$0]) < (-perLane[$1], entryLanes.keys[$1]) }

        // Title and reading note.
        let title = principalName.map { "\(Principal.titleWords(centre: $0)), \(yearSpan)" } ?? "Letters by correspondent, \(yearSpan)"
        let rows = "Above each lane's line: letters its person wrote; below: letters to them; colour and shape: the writer."
        let note = "\(corpusCount) letters of \(data.sourceName)" + (inferredCount > 0 ? " and \(inferredCount) incoming ones known only from citations" : "")
            + ", \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)). " + rows
        var y = b.title(title, note: note, top: style.margin)

        // Which letters are between two others, and the writers drawn (for the legend).
        var thirdParty = [Bool](repeating: false, count: shown.count)
        var writers: [String: Int] = [:]
        for i in shown.indices {
            writers[shown[i].sender, default: 0] += 1
            if principal.relation(writer: shown[i].sender, addressees: shown[i].recipients) == .betweenOthers { thirdParty[i] = true }
        }
        let anyThirdParty = thirdParty.contains(true)
        let anyUncertain = shown.contains { $0.span.from != $0.span.to }
        // Dated only from one side (TEI/CMIF notBefore or notAfter alone): drawn at that day.
        let openLater = shown.reduce(0) { $0 + ($1.date.isOpen && $1.date.notAfter == nil ? 1 : 0) }
        let openEarlier = shown.reduce(0) { $0 + ($1.date.isOpen && $1.date.notBefore == nil ? 1 : 0) }

        // Lanes: at most the budget; a fixed height may allow fewer (each at least the theme's
        // lane height). Past that, the busiest keep their lane and the rest share "others".
        func lanesPlan(limit: Int) -> (kept: [Int], others: [Int]) {
            guard entryLanes.keys.count > limit else { return (Array(entryLanes.keys.indices), []) }
            let keep = max(1, limit - 1)
            return (Array(busiest.prefix(keep)).sorted(), Array(busiest.dropFirst(keep)))
        }
        let budgetPlan = lanesPlan(limit: style.budget.lanes)
        func othersLabel(_ others: [Int]) -> String {
            // Letters, not marks: a letter between two people of the shared lane is in it twice
            // (above for its writer, below for its addressee) but counts once.
            let folded = Set(others.map { Int32($0) })
            let letters = shown.indices.reduce(0) { n, i in n + (entryLanes.slots(of: i).contains { folded.contains(entryLanes.lane[$0]) } ? 1 : 0) }
            return "others (\(others.count) \(others.count == 1 ? "person" : "people"), \(letters) letter\(letters == 1 ? "" : "s"))"
        }
        let candidateLabels = budgetPlan.kept.map { LaneAssignment.name(entryLanes.keys[$0], in: data) }
            + (budgetPlan.others.isEmpty ? [] : [othersLabel(budgetPlan.others)])

        // The legend is known before the plot, so a fixed-height figure can size its lanes.
        let arcsWanted = entryLanes.lane.count <= style.budget.marks
        // Past the marks budget, letters are counted in a flat grid of bins: one disc per lane
        // row and bin with its number (`FigureBuilder.countBins`), no ranges, rings or curves.
        let binned = !arcsWanted
        // A counted mark keeps its writer's shape (grey print tells writers apart by it), made
        // as much larger than a disc as the shape needs to hold its number.
        let countRoom = { (writer: String) in FigureBuilder.textRoom(style.series(writer).shape) }
        var legend = writerLegend(writers, principal: principal)
        // Binned, the reading note says so too (planned with the longest wording: the bin's
        // length is known once the scale is).
        legend.append(LegendEntry(.none, CorrespondentsTimeline.rowsNote(binned ? "00000 days" : nil, mixed: true)))
        if anyThirdParty && !binned {
            // A filled sample with the ring: an empty ring would read as the hollow marks.
            legend.append(LegendEntry(.ringed(style.muted, ring: style.ink), principalName.map { "ringed: a letter between two of \($0)'s correspondents, in both lanes" } ?? "ringed"))
        }
        if inferredCount > 0 && !binned { legend.append(LegendEntry(.mark(.circle, fill: style.paper, stroke: style.muted), "hollow: incoming letter known only from a citation")) }
        if anyUncertain && !binned {
            // With `hollow_uncertain` the mark on a range is hollow, and the legend says so.
            let least = "bars at least \(FigureBuilder.millimetres(b.minimumRangeWidth)) wide"
            legend.append(LegendEntry(.range(style.ink, hollow: style.hollowUncertain),
                                      style.hollowUncertain ? "hollow mark on a bar: date known only within bounds (mark at the middle; \(least))"
                                                            : "date known within bounds (mark at the middle; \(least))"))
        }
        // Open dates: a sample only for the side drawn.
        if openLater > 0 && !binned { legend.append(LegendEntry(.openDate(style.ink, later: true, shape: .circle), FigureBuilder.openDateLegend(later: true))) }
        if openEarlier > 0 && !binned { legend.append(LegendEntry(.openDate(style.ink, later: false, shape: .circle), FigureBuilder.openDateLegend(later: false))) }
        let arcLegend = LegendEntry(.line(style.arcColor ?? style.ink, dash: [], width: style.arcWidth * 1.5), "cited letter → answer")
        let eventEstimate = b.eventLegendEstimate(events, from: range.from, to: range.to)
        // Lane labels take at most two fifths of the width (as in the topics figure), so a
        // column figure keeps a plot to read; a longer label is wrapped, never cut.
        let gutter = min(b.laneGutter(candidateLabels), (b.right - b.left) * 0.4)
        func labelLines(_ s: String) -> [String] {
            b.laneGutter([s]) <= gutter ? [s] : b.wrap(s, font: style.labelFont, width: gutter - style.labelSize)
        }
        let lineHeight = measurer.measure("Xg", font: style.labelFont).height
        // An open date's whisker fits inside the plot: room for it before the first day and after the last.
        let openEnds = binned ? nil : (earliest: shown.lazy.filter { $0.date.isOpen && $0.date.notBefore == nil }.map(\.day).min(),
                                       latest: shown.lazy.filter { $0.date.isOpen && $0.date.notAfter == nil }.map(\.day).max(),
                                       reach: b.openWhiskerReach + style.markSize)
        let plan = b.planPlot(from: range.from, to: range.to, gutter: gutter, valueAxis: false, events: events.events,
                              below: y, reserveBelow: style.labelSize + b.legendHeight(legend + [arcLegend] + eventEstimate),
                              whiskers: openEnds)
        // Lanes share the height the page leaves (never less than the theme's lane height);
        // the lane budget alone decides how many there are.
        let lanePlan = budgetPlan
        var laneOf = [Int](repeating: -1, count: entryLanes.keys.count)
        for (position, k) in lanePlan.kept.enumerated() { laneOf[k] = position }
        let othersIndex = lanePlan.others.isEmpty ? nil : lanePlan.kept.count
        if let othersIndex { for k in lanePlan.others { laneOf[k] = othersIndex } }
        let laneCount = lanePlan.kept.count + (othersIndex == nil ? 0 : 1)
        let laneNames = lanePlan.kept.map { LaneAssignment.name(entryLanes.keys[$0], in: data) } + (othersIndex == nil ? [] : [othersLabel(lanePlan.others)])
        // Marks of letters dated from one side only, moved apart (`OpenDateSpacing`), on the
        // plan's scale (the frame keeps it).
        let markX = shown.map { plan.scale.x($0.day) }
        var openRows: [Int: [OpenDateSpacing.Mark]] = [:]
        if !binned {
            for index in shown.indices where shown[index].date.isOpen {
                for slot in entryLanes.slots(of: index) {
                    let row = laneOf[Int(entryLanes.lane[slot])] * 2 + (entryLanes.wroteIt[slot] ? 0 : 1)
                    openRows[row, default: []].append(.init(key: slot, x: markX[index], later: shown[index].date.notAfter == nil))
                }
            }
        }
        let spacing = OpenDateSpacing(rows: openRows, apart: style.markSize + style.markStrokeWidth + 1)
        // Marks that would cover each other are stacked away from the lane's line; a lane grows
        // to hold its stacks, up to the height the plot may take: a value chart's ten lanes, or
        // what an exact page leaves (past that a column figure would be a tower of stacks).
        var stacking = MarkStacking(rows: [:], size: style.markSize)
        if !binned {
            var stackRows: [Int: [MarkStacking.Mark]] = [:]
            for index in shown.indices {
                for slot in entryLanes.slots(of: index) {
                    let row = laneOf[Int(entryLanes.lane[slot])] * 2 + (entryLanes.wroteIt[slot] ? 0 : 1)
                    stackRows[row, default: []].append(.init(key: slot, x: spacing.moved[slot] ?? markX[index]))
                }
            }
            let tenLanes = max(10, Double(laneCount)) * style.laneHeight
            let plotRoom = style.exactSize ? plan.available ?? tenLanes : max(plan.available ?? 0, tenLanes)
            let limit = MarkStacking.levels(room: plotRoom / Double(max(laneCount, 1)) / 2, first: style.markSize * 1.2,
                                            size: style.markSize, stroke: style.markStrokeWidth)
            stacking = MarkStacking(rows: stackRows, size: style.markSize, limit: limit)
        }
        let stackedHalf = stacking.levels > 1 ? stacking.reach(first: style.markSize * 1.2, size: style.markSize, stroke: style.markStrokeWidth) : 0
        // The counted bins, on the plan's scale (the frame keeps it).
        var counted: (bins: TimeBins, cells: [FigureBuilder.CountedCell])?
        if binned {
            var points: [(row: Int, day: Day, entry: Int, key: String)] = []
            points.reserveCapacity(entryLanes.lane.count)
            for index in shown.indices {
                for slot in entryLanes.slots(of: index) {
                    let row = laneOf[Int(entryLanes.lane[slot])] * 2 + (entryLanes.wroteIt[slot] ? 0 : 1)
                    points.append((row, shown[index].day, index, shown[index].sender))
                }
            }
            counted = b.countBins(scale: plan.scale, rows: laneCount * 2, points: points, room: countRoom)
        }
        let countStep = counted.map { b.countStep($0.cells, room: countRoom) } ?? 0
        let mostLines = laneNames.map { labelLines($0).count }.max() ?? 1
        let laneH = max(plan.available.map { max(style.laneHeight, $0 / Double(max(laneCount, 1))) } ?? style.laneHeight, 2 * countStep + 2,
                        mostLines > 1 ? Double(mostLines) * lineHeight + 2 : 0, 2 * stackedHalf)
        let plot = b.frame(plan, height: Double(max(laneCount, 1)) * laneH)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotBottom = plot.bottom

        // Lanes: label, centre line, marks.
        let laneCenters = (0..<laneCount).map { plotTop + (Double($0) + 0.5) * laneH }
        let offset = binned ? countStep / 2 + 0.5 : min(laneH * 0.22, style.markSize * 1.2)
        let tick = measurer.measure("X", font: style.labelFont)
        for i in 0..<laneCount {
            let cy = laneCenters[i]
            if style.laneStripes && i % 2 == 1 {
                b.addBackmost(.rect(SceneRect(rect: Rect(x: scale.x0, y: plotTop + Double(i) * laneH, width: scale.x1 - scale.x0, height: laneH), fill: style.laneFill)))
            }
            if i > 0 && style.separatorWidth > 0 {
                b.line(Point(x: scale.x0, y: plotTop + Double(i) * laneH), Point(x: scale.x1, y: plotTop + Double(i) * laneH),
                       color: style.separatorColor ?? style.grid, width: style.separatorWidth)
            }
            b.line(Point(x: scale.x0, y: cy), Point(x: scale.x1, y: cy), color: style.muted.lightened(0.45), width: style.gridWidth)
            let lines = labelLines(laneNames[i])
            let firstBaseline = cy + tick.ascent * 0.35 - Double(lines.count - 1) * lineHeight / 2
            for (k, line) in lines.enumerated() {
                b.text(line, x: scale.x0 - style.labelSize * 0.6, baseline: firstBaseline + Double(k) * lineHeight, font: style.labelFont,
                       color: i == othersIndex ? style.muted : nil, anchor: .end)
            }
        }

        // Marks, gathered per lane and look (writer's style, filled/hollow, ringed), so the
        // painter draws each group in one go. Past the marks budget, marks on the same spot
        // are kept once.
        func markCenter(_ i: Int, slot: Int) -> Point {
            let cy = laneCenters[laneOf[Int(entryLanes.lane[slot])]]
            let away = offset + stacking.shift(slot)
            return Point(x: spacing.moved[slot] ?? markX[i], y: entryLanes.wroteIt[slot] ? cy - away : cy + away)
        }
        struct Look: Hashable { var lane: Int; var writer: String; var hollow: Bool; var ringed: Bool }
        var groups: [Look: [(entry: Int32, slot: Int32)]] = [:]
        var groupOrder: [Look] = []
        var rangeLines = Array(repeating: [SceneItem](), count: laneCount)
        let thin = !arcsWanted
        var seenSpot = Set<SpotKey>()
        let rangeWidth = style.rangeWidth ?? style.markStrokeWidth
        // A bar shorter than its mark would hide under it: drawn at least `minimumRangeWidth`
        // wide about its middle, as the legend says; the caption counts them.
        var widenedRanges = 0
        for index in shown.indices where !binned {
            let drawn = shown[index].span, writer = shown[index].sender
            let s = style.series(writer)
            let hollow = shown[index].inferred || (style.hollowUncertain && drawn.from != drawn.to)
            for slot in entryLanes.slots(of: index) {
                let li = laneOf[Int(entryLanes.lane[slot])]
                let c = markCenter(index, slot: slot)
                if thin, !seenSpot.insert(SpotKey(x: Int((c.x * 2).rounded()), y: Int((c.y * 2).rounded()), writer: writer, hollow: hollow)).inserted { continue }
                if drawn.from != drawn.to {
                    var a = max(scale.xStart(drawn.from), scale.x0), z = min(scale.xEnd(drawn.to), scale.x1)
                    if z - a < b.minimumRangeWidth {
                        let half = b.minimumRangeWidth / 2
                        a = min(max(c.x - half, scale.x0), scale.x1 - 2 * half)
                        z = a + 2 * half
                        widenedRanges += 1
                    }
                    let color = b.rangeColor(s.color)
                    rangeLines[li].append(.line(SceneLine(from: Point(x: a, y: c.y), to: Point(x: z, y: c.y), color: color, width: rangeWidth)))
                    rangeLines[li].append(.line(SceneLine(from: Point(x: a, y: c.y - 1.5), to: Point(x: a, y: c.y + 1.5), color: color, width: style.markStrokeWidth)))
                    rangeLines[li].append(.line(SceneLine(from: Point(x: z, y: c.y - 1.5), to: Point(x: z, y: c.y + 1.5), color: color, width: style.markStrokeWidth)))
                }
                if shown[index].date.isOpen {
                    rangeLines[li].append(contentsOf: b.openWhisker(from: c, later: shown[index].date.notAfter == nil,
                                                                    color: s.color, within: scale.x0...scale.x1))
                }
                let look = Look(lane: li, writer: style.isNamed(writer) || style.isUnidentified(writer) ? writer : CorrespondentsTimeline.othersLane, hollow: hollow, ringed: thirdParty[index])
                if groups[look] == nil { groupOrder.append(look) }
                groups[look, default: []].append((Int32(index), Int32(slot)))
            }
        }

        // Reply arcs: from the cited letter to its answer, within the first lane (in lane
        // order) that holds both; in the answer's writer's colour or the theme's arc colour,
        // dashed when either end is inferred. Left out past the marks budget.
        var arcs = 0
        var laneArcs = Array(repeating: [SceneItem](), count: laneCount)
        if arcsWanted {
            var entryOf: [String: Int32] = [:]
            entryOf.reserveCapacity(shown.count)
            for i in shown.indices.reversed() { entryOf[shown[i].id] = Int32(i) }
            for link in data.links {
                guard let answer = entryOf[link.from].map(Int.init), let cited = entryOf[link.to].map(Int.init) else { continue }
                var shared: (li: Int, cited: Int, answer: Int)?
                for qs in entryLanes.slots(of: answer) {
                    for ps in entryLanes.slots(of: cited) where laneOf[Int(entryLanes.lane[ps])] == laneOf[Int(entryLanes.lane[qs])] {
                        let li = laneOf[Int(entryLanes.lane[qs])]
                        if shared.map({ li < $0.li }) ?? true { shared = (li, ps, qs) }
                    }
                }
                guard let (li, ps, qs) = shared else { continue }
                let p = markCenter(cited, slot: ps), q = markCenter(answer, slot: qs)
                let mid = (p.x + q.x) / 2
                let elements: [PathElement]
                if abs(p.y - q.y) > 0.5 {
                    elements = [.move(p), .curve(Point(x: mid, y: p.y), Point(x: mid, y: q.y), q)]
                } else {
                    let h = min(laneH * 0.28, style.arcMaxHeight, max(1.5, abs(q.x - p.x) * style.arcHeightRatio))
                    let bulge = p.y < laneCenters[li] ? p.y - h : p.y + h
                    elements = [.move(p), .curve(Point(x: p.x, y: bulge), Point(x: q.x, y: bulge), q)]
                }
                let color = style.arcColorBySender ? style.series(shown[answer].sender).color : (style.arcColor ?? style.ink)
                let dash = shown[answer].inferred || shown[cited].inferred ? style.inferredDash : []
                laneArcs[li].append(.path(ScenePath(elements: elements, fill: nil, stroke: color.translucent(style.arcOpacity, keepingContrastOn: style.paper),
                                                    strokeWidth: style.arcWidth, dash: dash)))
                arcs += 1
            }
        }
        b.reserve(middle: rangeLines.reduce(0) { $0 + $1.count } + arcs)
        for li in 0..<laneCount { b.addMiddle(contentsOf: rangeLines[li]) }
        for list in laneArcs { b.addMiddle(contentsOf: list) }
        for look in groupOrder.sorted(by: { ($0.lane, $0.hollow ? 1 : 0) < ($1.lane, $1.hollow ? 1 : 0) }) {
            guard let group = groups[look] else { continue }
            let s = style.series(look.writer)
            let mark = SceneMark(center: Point(x: 0, y: 0), shape: s.shape, size: style.markSize,
                                 fill: look.hollow ? style.paper : s.color, stroke: s.color, strokeWidth: style.markStrokeWidth)
            let centers = group.map { markCenter(Int($0.entry), slot: Int($0.slot)) }
            b.addFront(.marks(SceneMarkRun(look: mark, centers: centers, messageIDs: group.map { shown[Int($0.entry)].id })))
            // A letter between two correspondents keeps its writer's look, ringed around it in
            // ink: a ring on the mark's own outline hid a dark writer's colour.
            if look.ringed { for c in centers { b.addFront(.mark(b.ring(around: c))) } }
        }

        // Counted bins: a disc per lane row and bin, in its writer's colour (grey when several
        // wrote), holding its number.
        if let counted {
            let box = b.countBox(counted.cells)
            for cell in counted.cells {
                let cy = laneCenters[cell.row / 2] + (cell.row % 2 == 0 ? -offset : offset)
                let look = style.series(cell.key)
                b.countedDisc(cell.count, at: Point(x: counted.bins.centerX(cell.bin), y: cy), fill: cell.mixed ? style.muted : look.color,
                              shape: cell.mixed ? .circle : look.shape, outlined: cell.mixed,
                              diameter: box * (cell.mixed ? 1 : countRoom(cell.key)), messageID: shown[cell.first].id)
            }
            if let i = legend.firstIndex(where: { $0.label == CorrespondentsTimeline.rowsNote("00000 days", mixed: true) }) {
                legend[i].label = CorrespondentsTimeline.rowsNote(counted.bins.span, mixed: counted.cells.contains(where: \.mixed))
            }
        }
        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        if arcs > 0 { legend.append(arcLegend) }
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: b.finalHeight(contentBottom: y))

        var caption = principalName.map { "Letters by correspondent of \($0), " } ?? "Letters by correspondent, "
        caption += "\(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): \(corpusCount) letters of the corpus"
        caption += inferredCount > 0 ? " and \(inferredCount) incoming letters known only because a letter cites them\(binned ? ", counted with the others" : " (hollow marks)")" : ""
        caption += laneCount == 1 ? ", in 1 lane" : ", in \(laneCount) lanes, one per correspondent"
        if let othersIndex { caption += " (the \(othersIndex) busiest; \(othersLabel(lanePlan.others)) share the last lane)" }
        caption += ". In each lane, letters its person wrote are above the line and letters to them below"
        if let counted {
            caption += ". The figure holds more than \(style.budget.marks) marks, so letters are binned by \(counted.bins.span): "
                + "one disc per lane row and bin (\(counted.cells.count) discs), numbers are counts, colour and shape are the writer's (an outlined disc: several writers)"
        } else {
            caption += "; a mark has its writer's colour and shape"
        }
        caption += !anyThirdParty ? ". " : binned ? "; letters between two correspondents are counted in both their lanes. "
            : "; letters between two correspondents are ringed and drawn in both their lanes. "
        caption += arcs > 0 ? "\(arcs) curves join a cited letter to its answer. "
            : arcsWanted ? "" : "Reply curves are left out: the figure holds more than \(style.budget.marks) marks. "
        caption += binned ? (anyUncertain || openLater + openEarlier > 0 ? "A letter dated within bounds is counted at the middle of its bounds, one dated from one side only at its known day. " : "")
            : anyUncertain ? "Dates known only within bounds are drawn as ranges with the mark at the middle\(style.hollowUncertain ? ", hollow" : "")"
                + (widenedRanges > 0 ? "; \(widenedRanges) range\(widenedRanges == 1 ? "" : "s") shorter than \(FigureBuilder.millimetres(b.minimumRangeWidth)) at this width "
                    + "\(widenedRanges == 1 ? "is" : "are") drawn that wide about \(widenedRanges == 1 ? "its" : "their") middle, so \(widenedRanges == 1 ? "its" : "their") ends show beyond the mark. " : ". ") : ""
        if !binned {
            caption += FigureBuilder.openDateSentence(openLater, later: true) + FigureBuilder.openDateSentence(openEarlier, later: false)
            caption += OpenDateSpacing.sentence(spacing.moved.count)
            caption += stacking.sentence
        }
        caption += b.eventSentence(labels)
        return TimelineFigure(kind: .correspondents, scene: scene, title: style.titleText ?? title, caption: caption.trimmingCharacters(in: .whitespaces),
                              messages: corpusCount, inferredMessages: inferredCount, from: range.from, to: range.to, legend: legend)
    }

    /// One legend entry per writer with a look of their own (the central person first, then
    /// by letters written), within the legend budget, and one for all other writers.
    private func writerLegend(_ writers: [String: Int], principal: Principal) -> [LegendEntry] {
        func sample(_ s: SeriesStyle) -> LegendEntry.Swatch { .mark(s.shape, fill: s.color, stroke: s.color) }
        let named = writers.keys.filter { style.isNamed($0) && !LaneAssignment.isSpecial($0) }
            .sorted { a, b in
                if (a == principal.id) != (b == principal.id) { return a == principal.id }
                return (-(writers[a] ?? 0), a) < (-(writers[b] ?? 0), b)
            }
        let shown = named.prefix(style.budget.legendEntries)
        var out = shown.map { w -> LegendEntry in
            let s = style.series(w)
            return LegendEntry(sample(s), "by \(data.name(w))")
        }
        // The unidentified people drawn as one have a look of their own, and an entry.
        if let group = writers.keys.first(where: style.isUnidentified), let s = style.unidentifiedSeries {
            out.append(LegendEntry(sample(s), "by \(data.name(group))"))
        }
        let rest = writers.keys.filter { !shown.contains($0) && !style.isUnidentified($0) }
        if !rest.isEmpty {
            let s = style.otherSeries ?? style.fallback[0]
            let letters = rest.reduce(0) { $0 + (writers[$1] ?? 0) }
            out.append(LegendEntry(sample(s), "by others (\(rest.count) \(rest.count == 1 ? "person" : "people"), \(letters) letter\(letters == 1 ? "" : "s"))"))
        }
        return out
    }

    /// The legend's reading note, and when the letters are binned (by `binnedBy`), how.
    static func rowsNote(_ binnedBy: String?, mixed: Bool) -> String {
        "above a lane's line: letters its person wrote; below: letters to them"
            + (binnedBy.map { "; letters binned by \($0), numbers are counts" + (mixed ? " (outlined disc: several writers)" : "") } ?? "")
    }

    private var yearSpan: String { FigureBuilder.yearSpan(range.from, range.to) }
}

/// A mark's spot (in half points), writer and fill, for drawing marks on one spot once.
private struct SpotKey: Hashable {
    var x: Int
    var y: Int
    var writer: String
    var hollow: Bool
}
