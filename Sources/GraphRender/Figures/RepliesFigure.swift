import Analysis
import Correspondence
import Drawing
import Styling

/// Messages in time. Each message is a small mark placed by its date on an honest time axis
/// (left to right), in the lane of the correspondent it was exchanged with: in each lane the
/// upper row holds what the correspondent wrote, the lower row what they received. Marks take
/// the writer's colour and marker shape (as in the correspondents timeline, so that writers
/// whose colours print alike in grey still differ); incoming messages known only from a
/// citation (inferred) are hollow; a date known only within bounds has a bar across its bounds,
/// the mark at the middle; a date known from one side only has a dotted whisker toward the open
/// side, as in the correspondents timeline. Lines join a
/// message to what it answers or cites, in the theme's line style for each kind of link.
/// Lanes and the title follow the corpus's central person (`CorpusAnalysis.principal`, the rule
/// every figure reads); the time axis is the timelines' `TimeScale`.
///
/// The figure has a budget (`graph.replies.marks`, `graph.replies.lanes`): past it, it draws
/// the slice `RepliesSlice` chooses from the data and names it in the title, and the lanes
/// past the budget share one "others" lane. Each row is a flat grid of bins one mark wide:
/// messages falling into one bin are one mark carrying their count (never a stack that would
/// read as a bar). The links are drawn here too (`LinkRouter`: curves that bend around other
/// marks), so Graphviz only draws (layout `nop2`); with `graphvizRoutesLinks` neato routes
/// them instead, about a hundred times slower.
struct RepliesFigure {
    let context: FigureContext
    var graphvizRoutesLinks = false

    /// One message or inferred message.
    private struct Item {
        var id: String
        var writer: String
        var lane: String
        /// True when the lane's correspondent wrote it (upper row).
        var byCorrespondent: Bool
        var day: Day
        var exactDate: Bool
        /// The date's bounds when they are days apart (an uncertain date), else nil.
        var bounds: (from: Day, to: Day)? = nil
        var inferred: Bool
        /// For a date known from one side only, whether the open side is later ("not before"
        /// alone); nil for any other date.
        var openLater: Bool? = nil
    }

    /// One drawn mark: the messages of one row that fall into one bin.
    private struct Group {
        var lane: Int
        var upper: Bool
        var bin: Int
        var firstID: String
        var writer: String
        var mixedWriters = false
        var count = 0
        var inferred = 0
        var uncertain = 0
        var firstDay: Day
        var lastDay: Day
        var x = 0.0
        var y = 0.0
    }

    /// Builds the figure.
    ///
    /// - Complexity: O(n log n) in messages and inferred messages (the slice choice, one sort
    ///   and one pass into a flat grid of bins); drawing is bounded by the grid (lanes × bins)
    ///   and link routing does bounded work per drawn link (`LinkRouter`).
    func figure() throws -> GraphFigure {
        let theme = context.theme
        let style = FigureStyle(theme: theme, wide: context.wide)
        let principal = context.analysis.principal
        let measurer = try TextMeasurer()
        let whole = context.analysis
        let budget = theme.graph.replies
        let labelFont = style.labelFont
        let noteFont = style.noteFont
        var countFont = labelFont
        countFont.sizePt = max(Self.textFloorPt, min(noteFont.sizePt, labelFont.sizePt) - 1)
        countFont.bold = false
        countFont.italic = false
        let width = style.drawingWidthPoints
        let mark = Self.markDiameter(style: style)
        /// Diameter of a mark standing for `count` messages: a counted disc is wide enough for its number.
        func diameter(_ count: Int) -> Double {
            count == 1 ? mark * 1.25 : max(mark * 1.25, FigureStyle.textWidth(String(count), font: countFont) + 3)
        }
        // About as many bins as the figure will have: the plot is most of the width.
        let binEstimate = Int(style.drawingWidthPoints * 0.6 / (diameter(99) + 2))
        let slice = RepliesSlice.choose(whole, budget: budget.marks, bins: binEstimate) { writer, addressees in
            let lane = principal.firstLane(writer: writer, addressees: addressees).person
            return Principal.isPlaceholder(lane) ? nil : lane
        }
        let analysis = slice.map { whole.filtered(from: $0.from, to: $0.to, correspondents: $0.correspondent.map { [$0] }) } ?? whole
        var words = context.filterDescription
        if let slice { words += (words.isEmpty ? "" : "; ") + slice.words(name: context.shortName(of:)) }
        let centre = principal.id.map { Principal.titleWords(centre: DisplayText.bounded(context.fullName(of: $0))) }
        let title = "Replies in time" + (centre.map { ": " + $0 } ?? "") + (words.isEmpty ? "" : " (\(words))")

        var items: [Item] = []
        items.reserveCapacity(analysis.messages.count + analysis.inferred.count)
        // Marks are placed in time: undated messages are left out (the caption counts them).
        let messages = analysis.messages
        for i in messages.indices {   // by position: only the fields used are read (DESIGN: a pass reads only the fields it uses)
            let date = messages[i].date
            guard let day = date.best else { continue }
            let lane = principal.firstLane(writer: messages[i].sender, addressees: messages[i].recipients)
            items.append(Item(id: messages[i].id, writer: messages[i].sender, lane: lane.person, byCorrespondent: lane.wroteIt,
                              day: day, exactDate: date.isExact, bounds: Self.range(date), inferred: false,
                              openLater: Self.openSide(date)))
        }
        for incoming in analysis.inferred {
            guard let day = incoming.date.best else { continue }
            // Inferred messages cited from inside the slice but dated outside it are not drawn.
            if let slice, day < slice.from || day > slice.to { continue }
            let lane = principal.firstLane(writer: incoming.sender, addressees: [incoming.recipient])
            items.append(Item(id: incoming.id, writer: incoming.sender, lane: lane.person, byCorrespondent: lane.wroteIt,
                              day: day, exactDate: incoming.date.isExact, bounds: Self.range(incoming.date), inferred: true,
                              openLater: Self.openSide(incoming.date)))
        }
        items.sort { $0.day != $1.day ? $0.day < $1.day : $0.id < $1.id }

        // Lanes: most marks first, then id; past the budget, the rest share the others' lane.
        var laneCounts: [String: Int] = [:]
        for item in items { laneCounts[item.lane, default: 0] += 1 }
        let ranked = laneCounts.keys.filter { $0 != Principal.unknownLane }.sorted { a, b in
            laneCounts[a]! != laneCounts[b]! ? laneCounts[a]! > laneCounts[b]! : a < b
        }
        // No more lanes than fit half the page's height (the rest is for the legend and the
        // axis), so Graphviz never shrinks the figure and its text stays at the theme's sizes.
        let laneHeight = 2 * (diameter(99) + 2) + labelFont.sizePt * 1.2
        let fitting = Int(style.maxHeightInches * 72 * 0.5 / laneHeight) - 2
        let keptLanes = Array(ranked.prefix(max(1, min(budget.lanes, fitting))))
        let othersCount = ranked.count - keptLanes.count
        var lanes = keptLanes
        if othersCount > 0 { lanes.append(Self.othersLane) }
        if laneCounts[Principal.unknownLane] != nil { lanes.append(Principal.unknownLane) }
        let laneIndex = Dictionary(uniqueKeysWithValues: lanes.enumerated().map { ($1, $0) })
        // Writers drawn in their own look: the central person, then the kept lanes, each only while its
        // look (colour and marker shape) is not taken by one before it (no look stands for two
        // people here); the rest are grey "others".
        var coloured: Set<String> = []
        var takenLooks: Set<String> = []
        for writer in (principal.id.map { [$0] } ?? []) + keptLanes
        where context.people.contains(writer) && takenLooks.insert(context.people[writer].color.hex + context.people[writer].marker.name).inserted {
            coloured.insert(writer)
        }
        func laneName(_ lane: String) -> String {
            switch lane {
            case Principal.unknownLane: return "unknown"
            case Self.othersLane: return "others (\(othersCount))"
            default: return context.shortName(of: lane)
            }
        }

        // Horizontal scale: lane labels on the left, then the time axis.
        // Lane labels get boxes a third wider than their measured text (plus 4 pt), so that
        // even wide capitals fit; the text is right-justified in its box.
        func laneLabelWidth(_ lane: String) -> Double { FigureStyle.textWidth(laneName(lane), font: labelFont) * 1.33 + 4 }
        let labelColumn = (lanes.map(laneLabelWidth).max() ?? 0) + 4
        // The axis runs over whole months, from the first message's month to the end of the
        // last one's, so no mark sits on the axis's end and both ends fall on a tick. It is the
        // timelines' `TimeScale` (one day-to-x map, one choice of ticks and labels), its labels
        // measured by Cairo in the note font.
        let firstDay = slice?.from ?? items.first?.day ?? Day(ordinal: 0)
        let lastDay = slice?.to ?? items.last?.day ?? firstDay
        let first = Day(year: firstDay.year, month: firstDay.month, day: 1) ?? firstDay
        let last = (Self.monthAfter(lastDay) ?? lastDay.adding(days: 1)).adding(days: -1)
        let axisFont = FontSpec(family: noteFont.family, size: noteFont.sizePt, bold: noteFont.bold, italic: noteFont.italic)
        var laidOutScale: TimeScale?
        var laidOutBins: TimeBins?

        // Bins: each row is a flat grid of bins as wide as its widest mark (plus 2 pt, more
        // than twice the routing margin); a bin's messages are one mark with their count.
        // A second pass widens the bins when a count needs more digits than two.
        var step = diameter(99) + 2
        var axisLeft = 0.0, axisRight = 0.0, binCount = 1
        var groups: [Group] = []
        // Each item's group by its place in `items`, made again by each pass of the bins; the
        // table by id is made once, after the last (a pass used to fill it too: 600,000 ids
        // hashed up to three times in the export's full drawing).
        var groupOfItem = [Int32](repeating: -1, count: items.count)
        for _ in 0..<3 {
            axisLeft = labelColumn + step / 2
            axisRight = width - step / 2 - 2
            let scale = TimeScale(from: first, to: last, x0: axisLeft, x1: axisRight, font: axisFont, measurer: measurer, overhang: step / 2 + 2)
            // The flat grid of bins the timelines use too (`TimeBins`).
            let bins = TimeBins(scale: scale, minimumWidth: step)
            binCount = bins.count
            laidOutScale = scale
            laidOutBins = bins
            var grid = [Int32](repeating: -1, count: lanes.count * 2 * binCount)
            groups = []
            for (position, item) in items.enumerated() {
                // A drawn lane's own row, else the others' (one lookup, not a walk of the lanes per mark).
                let lane = laneIndex[item.lane] ?? laneIndex[Self.othersLane] ?? 0
                let bin = bins.bin(of: item.day, on: scale)
                let cell = bins.cell(row: lane * 2 + (item.byCorrespondent ? 0 : 1), bin: bin)
                var index = Int(grid[cell])
                if index < 0 {
                    index = groups.count
                    grid[cell] = Int32(index)
                    groups.append(Group(lane: lane, upper: item.byCorrespondent, bin: bin, firstID: item.id, writer: item.writer,
                                        firstDay: item.day, lastDay: item.day))
                }
                groups[index].count += 1
                if groups[index].writer != item.writer { groups[index].mixedWriters = true }
                if item.inferred { groups[index].inferred += 1 }
                if !item.exactDate { groups[index].uncertain += 1 }
                groups[index].lastDay = item.day
                groupOfItem[position] = Int32(index)
            }
            let widest = groups.map { diameter($0.count) }.max() ?? mark
            if widest + 2 <= step + 1e-9 { break }
            step = widest + 2
        }
        guard let scale = laidOutScale, let bins = laidOutBins else { preconditionFailure("the bins loop runs at least once") }
        // By id, in item order (an id met twice keeps its last item's group, as before).
        var groupOf: [String: Int] = [:]
        groupOf.reserveCapacity(items.count)
        for (position, item) in items.enumerated() { groupOf[item.id] = Int(groupOfItem[position]) }
        let binWidth = bins.width
        let daysPerBin = bins.daysPerBin

        // Vertical layout, bottom up: the axis's period labels ("1943" under months), its tick
        // labels, the axis, then the lanes (the first lane on top), each with its lower row (to
        // the correspondent) under its upper row (by them).
        let periodRow = scale.context.isEmpty ? 0 : noteFont.sizePt * 1.2
        let axisLabelY = periodRow
        let laneGap = labelFont.sizePt * 1.2
        var y = periodRow + noteFont.sizePt + laneGap
        var laneCentre = [Double](repeating: 0, count: lanes.count)
        var rowY = [Double](repeating: 0, count: lanes.count * 2)
        for lane in lanes.indices.reversed() {
            let lower = y + step / 2
            let upper = lower + step
            rowY[lane * 2 + 1] = lower
            rowY[lane * 2] = upper
            laneCentre[lane] = (lower + upper) / 2
            y = upper + step / 2 + laneGap
        }
        for index in groups.indices {
            groups[index].x = bins.centerX(groups[index].bin)
            groups[index].y = rowY[groups[index].lane * 2 + (groups[index].upper ? 0 : 1)]
        }

        // The bars of uncertain dates (drawn below), known before the legend.
        var rangeBars: [(LinkRouter.Point, LinkRouter.Point, String)] = []
        var seenRanges = Set<[Int]>()
        // A bar that ends under its mark, or just past it, hides there (on a long span, bounds
        // of a month are under a point): each end reaches at least `rangeOverhang` beyond the
        // mark, so an uncertain date never reads as an exact one.
        var widenedBars = 0
        for item in items {
            guard let bounds = item.bounds, let g = groupOf[item.id] else { continue }
            var x0 = max(axisLeft - step / 2, scale.xStart(bounds.from)), x1 = min(axisRight + step / 2, scale.xStart(bounds.to.adding(days: 1)))
            let reach = diameter(groups[g].count) / 2 + Self.rangeOverhang
            var widened = false
            if x0 > groups[g].x - reach { x0 = groups[g].x - reach; widened = true }
            if x1 < groups[g].x + reach { x1 = groups[g].x + reach; widened = true }
            guard seenRanges.insert([Int(x0.rounded()), Int(x1.rounded()), Int(groups[g].y.rounded())]).inserted else { continue }
            if widened { widenedBars += 1 }
            rangeBars.append((LinkRouter.Point(x: x0, y: groups[g].y), LinkRouter.Point(x: x1, y: groups[g].y),
                              "\(item.id): \(bounds.from.iso) to \(bounds.to.iso)"))
        }

        // Dates known from one side only: a whisker from the mark toward the open side, once per
        // mark and side (drawn below, after the marks are sized), as in the correspondents timeline.
        var openCounts = (later: 0, earlier: 0)
        var whiskers: [(group: Int, later: Bool)] = []
        var seenWhiskers = Set<[Int]>()
        for item in items {
            guard let later = item.openLater, let g = groupOf[item.id] else { continue }
            if later { openCounts.later += 1 } else { openCounts.earlier += 1 }
            if seenWhiskers.insert([g, later ? 1 : 0]).inserted { whiskers.append((g, later)) }
        }

        // Links between drawn marks, once per pair of marks and kind; found before the legend,
        // which names only the kinds drawn.
        var drawnLinks: [(from: Int, to: Int, link: ReplyLink)] = []
        var seenLinks = Set<[Int]>()
        for link in analysis.links {
            guard let from = groupOf[link.from], let to = groupOf[link.to], from != to else { continue }
            if seenLinks.insert([from, to, Self.kindNumber(link.kind)]).inserted { drawnLinks.append((from, to, link)) }
        }
        let linkKindsDrawn = Set(drawnLinks.map(\.link.kind))
        // A mark is hollow only when every message it stands for is inferred.
        let anyHollow = groups.contains { $0.count > 0 && $0.inferred == $0.count }

        var dot = DOTWriter(name: "replies")
        dot.comment("Epistolary replies figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        let layout: DOTAttributes = graphvizRoutesLinks
            ? [("layout", "neato"), ("inputscale", .number(72)), ("splines", "true"), ("overlap", "true"), ("esep", "+0.8")]
            : [("layout", .text(LayoutEngine.pinned.name)), ("inputscale", .number(72)), ("splines", "true"), ("overlap", "true")]
        let anyMixed = groups.contains { $0.mixedWriters }
        let anyOthers = groups.contains { !$0.mixedWriters && !coloured.contains($0.writer) && !context.people.isUnidentified($0.writer) }
        let anyUnidentified = groups.contains { !$0.mixedWriters && context.people.isUnidentified($0.writer) }
        let anyCounted = groups.contains { $0.count > 1 }
        dot.graph(style.graphAttributes(layout + [("outputorder", "edgesfirst")])
                  + legend(title: title, writers: lanes.filter { coloured.contains($0) }, coloured: coloured, mixed: anyMixed, others: anyOthers, unidentified: anyUnidentified,
                           hollow: anyHollow, ranges: !rangeBars.isEmpty, open: (whiskers.contains { $0.later }, whiskers.contains { !$0.later }),
                           linkKinds: linkKindsDrawn, counted: anyCounted ? daysPerBin : nil).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "circle"), ("fixedsize", "true"), ("label", ""),
                                             ("width", .number(mark / 72)), ("height", .number(mark / 72)),
                                             ("style", "filled"), ("penwidth", .number(theme.lines.thinPt))]))
        dot.edgeDefaults(style.edgeDefaults([("penwidth", .number(theme.lines.thinPt)), ("arrowsize", .number(Self.arrowSize)),
                                             ("color", .text(theme.colors.muted.hex))]))

        // Lane labels, right-aligned against the axis.
        for (index, lane) in lanes.enumerated() {
            let name = laneName(lane)
            let textWidth = laneLabelWidth(lane)
            dot.node("lane:" + (lane == Self.othersLane ? "others" : lane), [
                ("shape", "plaintext"), ("fixedsize", "true"), ("style", "solid"),
                ("label", .lines([name], .right)), ("width", .number(textWidth / 72)), ("height", .number(labelFont.sizePt * 1.2 / 72)),
                ("margin", .number(0)), ("fontcolor", .text(theme.colors.ink.hex)),
                ("pos", .text(Self.pin(labelColumn - 2 - textWidth / 2, laneCentre[index])))])
        }

        var obstacles: [String: LinkRouter.Obstacle] = [:]
        obstacles.reserveCapacity(groups.count)
        var names: [String] = []
        names.reserveCapacity(groups.count)
        /// Each drawn mark's radius as drawn, by group.
        var radii: [Double] = []
        radii.reserveCapacity(groups.count)
        for group in groups {
            let look = markLook(group.mixedWriters ? nil : group.writer, coloured: coloured)
            let color = look.color
            let allInferred = group.inferred == group.count
            let name: String
            var attributes: DOTAttributes = [("pos", .text(Self.pin(group.x, group.y))), ("color", .text(color.hex)),
                                             ("fillcolor", .text(allInferred ? theme.colors.paper.hex : color.hex))]
            if look.shape != .circle { attributes.append(("shape", .text(look.shape.graphvizShape))) }
            let grow = Self.textRoom(look.shape)
            var radius = mark / 2
            if group.count == 1 {
                name = group.firstID
                attributes.append(("tooltip", .tooltip(group.firstID + (group.uncertain > 0 ? " (date uncertain)" : ""))))
                if grow > 1 {
                    let size = mark * min(grow, 1.25)
                    attributes.append(("width", .number(size / 72)))
                    attributes.append(("height", .number(size / 72)))
                    radius = size / 2
                }
            } else {
                name = "group:\(group.lane):\(group.upper ? "upper" : "lower"):\(group.bin)"
                // A polygon holds its number in a smaller inner circle: grow it so the number fits.
                let size = diameter(group.count) * grow
                radius = size / 2
                let text = allInferred || color.luminance > 0.3 ? theme.colors.ink : theme.colors.paper
                attributes += [("width", .number(size / 72)), ("height", .number(size / 72)), ("label", .text(String(group.count))),
                               ("fontname", .text(countFont.graphvizName)), ("fontsize", .number(countFont.sizePt)),
                               ("fontcolor", .text(text.hex)),
                               ("tooltip", .tooltip("\(group.count) messages, \(group.firstDay.iso) to \(group.lastDay.iso)"))]
            }
            if allInferred { attributes.append(("penwidth", .number(theme.lines.regularPt))) }
            dot.node(name, attributes)
            names.append(name)
            radii.append(radius)
            obstacles[name] = LinkRouter.Obstacle(centre: LinkRouter.Point(x: group.x, y: group.y), radius: radius + 0.3)
        }

        // Open dates: from the mark's edge a dotted line toward the open side, 2.4 marks long
        // (clipped to the axis), ending in an open head of two strokes; in the mark's colour.
        for (index, whisker) in whiskers.enumerated() {
            let group = groups[whisker.group]
            let radius = radii[whisker.group]
            let sign = whisker.later ? 1.0 : -1.0
            let start = LinkRouter.Point(x: group.x + sign * radius, y: group.y)
            let tipX = min(axisRight + step / 2, max(axisLeft - step / 2, group.x + sign * (radius + mark * Self.openLength)))
            guard abs(tipX - start.x) >= 1 else { continue }
            let tip = LinkRouter.Point(x: tipX, y: group.y)
            let head = mark * Self.openHead
            let color = markLook(group.mixedWriters ? nil : group.writer, coloured: coloured).color
            let name = "open:\(index)"
            let wing = [LinkRouter.Point(x: tip.x - sign * head, y: tip.y + head * 0.8), LinkRouter.Point(x: tip.x - sign * head, y: tip.y - head * 0.8)]
            for (suffix, point) in [("from", start), ("to", tip), ("upper", wing[0]), ("lower", wing[1])] {
                dot.node(name + ":" + suffix, [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(point.x, point.y)))])
            }
            let pen: DOTAttributes = [("arrowhead", "none"), ("color", .text(color.hex)), ("penwidth", .number(theme.lines.regularPt))]
            let words = whisker.later ? "dated only \"not before\": may be later" : "dated only \"not after\": may be earlier"
            // The dotted line as dots: Graphviz's own "dotted" is 2 pt dots 6 pt apart (4 pt in
            // SVG), which on a whisker this short left a dash or two ("- ›"), read as no line at
            // all. The line itself is kept, invisible, for its tooltip and as what the dots are on.
            dot.edge(name + ":from", name + ":to", pen + [("style", "invis"), ("tooltip", .tooltip(words))]
                     + (graphvizRoutesLinks ? [] : [("pos", .text(Self.line(start, tip)))]))
            for (k, x) in Self.whiskerDots(from: start.x, to: tip.x - sign * head * 0.5).enumerated() {
                dot.node(name + ":dot:\(k)", [("shape", "point"), ("width", .number(Self.whiskerDot / 72)), ("height", .number(Self.whiskerDot / 72)),
                                              ("fixedsize", "true"), ("style", "filled"), ("color", .text(color.hex)), ("fillcolor", .text(color.hex)),
                                              ("penwidth", .number(0)), ("tooltip", .tooltip(words)), ("pos", .text(Self.pin(x, group.y)))])
            }
            for (suffix, point) in [("upper", wing[0]), ("lower", wing[1])] {
                dot.edge(name + ":" + suffix, name + ":to", pen + [("tooltip", .tooltip(words))]
                         + (graphvizRoutesLinks ? [] : [("pos", .text(Self.line(point, tip)))]))
            }
        }

        // Uncertain dates: a bar under the mark across the date's bounds (the mark at the
        // middle), once per row and span, clipped to the axis; drawn first, under everything.
        let rangeColor = Self.rangeColor(theme)
        for (index, bar) in rangeBars.enumerated() {
            let (a, b, tooltip) = bar
            let name = "range:\(index)"
            dot.node(name + ":from", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(a.x, a.y)))])
            dot.node(name + ":to", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(b.x, b.y)))])
            dot.edge(name + ":from", name + ":to", [("arrowhead", "none"), ("color", .text(rangeColor.hex)), ("penwidth", .number(Self.rangeWidth(mark))),
                                                    ("tooltip", .tooltip(tooltip))]
                     + (graphvizRoutesLinks ? [] : [("pos", .text(Self.line(a, b)))]))
        }

        // Links between drawn marks (`drawnLinks`, found before the legend): drawn here unless
        // neato is asked to route them. Nothing may cross the lane labels or dip under the axis.
        let axisY = periodRow + noteFont.sizePt * 0.9 + 2
        let router = LinkRouter(marks: obstacles,
                                forbidden: [LinkRouter.Area(minX: -1e9, minY: -1e9, maxX: labelColumn, maxY: 1e9),
                                            LinkRouter.Area(minX: -1e9, minY: -1e9, maxX: 1e9, maxY: axisY + 1),
                                            LinkRouter.Area(minX: width, minY: -1e9, maxX: 1e9, maxY: 1e9),
                                            LinkRouter.Area(minX: -1e9, minY: y, maxX: 1e9, maxY: 1e9)],
                                arrowLength: Self.arrowSize * 10, clearance: 1)
        // "Same text" links are brackets along a bin's edge (`bracket`), where no mark is in
        // the way; the router draws every other link (and a bracket it could not place).
        var brackets: [Int: [LinkRouter.Point]] = [:]
        if !graphvizRoutesLinks {
            let marksByX = obstacles.values.sorted { $0.centre.x < $1.centre.x }
            for (index, drawn) in drawnLinks.enumerated() where drawn.link.kind == .parallel {
                guard let a = obstacles[names[drawn.from]], let b = obstacles[names[drawn.to]] else { continue }
                brackets[index] = Self.bracket(a, b, binEdges: (axisLeft, binWidth), marks: marksByX)
            }
        }
        let routed = drawnLinks.indices.filter { brackets[$0] == nil }
        let routerRoutes = graphvizRoutesLinks ? [] : router.route(routed.map { (names[drawnLinks[$0].from], names[drawnLinks[$0].to]) })
        var routes = [LinkRouter.Route?](repeating: nil, count: drawnLinks.count)
        for (position, index) in routed.enumerated() where position < routerRoutes.count { routes[index] = routerRoutes[position] }
        for (index, drawn) in drawnLinks.enumerated() {
            let link = drawn.link
            let lineStyle: String
            switch link.kind {
            case .answers: lineStyle = theme.graph.links.answers
            case .inReplyTo: lineStyle = theme.graph.links.inReplyTo
            case .citesOwn: lineStyle = theme.graph.links.citesOwn
            case .parallel: lineStyle = theme.graph.links.parallel
            }
            var attributes: DOTAttributes = [("style", .text(lineStyle)), ("tooltip", .tooltip(link.kind.rawValue + ": " + link.evidence.phrase))]
            if let bracket = brackets[index] {
                // Two texts alike, neither answering the other: no arrowhead.
                attributes += [("arrowhead", "none"), ("pos", .text(LinkRouter.polylinePos(bracket)))]
            } else if index < routes.count, let route = routes[index] {
                attributes.append(("pos", .text(LinkRouter.pos(route))))
            }
            dot.edge(names[drawn.from], names[drawn.to], attributes)
        }

        // The time axis (`TimeScale`): a rule under the lanes, a tick at each labelled step
        // (longer) and at each finer one, the tick labels, and under them the periods they lie
        // in with a separator where one starts. Its segments carry their own `pos` (Graphviz
        // draws them as given).
        let axisStart = LinkRouter.Point(x: axisLeft - step / 2, y: axisY), axisEnd = LinkRouter.Point(x: axisRight + step / 2, y: axisY)
        dot.node("axis:start", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(axisStart.x, axisStart.y)))])
        dot.node("axis:end", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(axisEnd.x, axisEnd.y)))])
        let rule: DOTAttributes = [("arrowhead", "none"), ("color", .text(theme.colors.muted.hex)), ("penwidth", .number(theme.lines.hairlinePt))]
        dot.edge("axis:start", "axis:end", rule + (graphvizRoutesLinks ? [] : [("pos", .text(Self.line(axisStart, axisEnd)))]))
        /// A vertical segment of the axis at `x` from `top` down to `bottom`, named `name`.
        func axisMark(_ name: String, x: Double, from topY: Double? = nil, down length: Double) {
            guard !graphvizRoutesLinks else { return }
            let top = LinkRouter.Point(x: x, y: topY ?? axisY), bottom = LinkRouter.Point(x: x, y: (topY ?? axisY) - length)
            dot.node(name, [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(bottom.x, bottom.y)))])
            dot.edge("axis:start", name, rule + [("pos", .text(Self.line(top, bottom)))])
        }
        for (index, x) in scale.minorTicks.enumerated() { axisMark("axis:minor:\(index)", x: x, down: 1.5) }
        for tick in scale.ticks { axisMark("axis:tick:" + tick.day.iso, x: tick.x, down: tick.label == nil ? 2 : 3) }
        /// A label of the axis centred at (x, y).
        func axisLabel(_ name: String, _ text: String, x: Double, y: Double, color: RGBColor) {
            dot.node(name, [("shape", "plaintext"), ("fixedsize", "false"), ("style", "solid"), ("label", .text(text)),
                            ("fontsize", .number(noteFont.sizePt)), ("fontname", .text(noteFont.graphvizName)),
                            ("fontcolor", .text(color.hex)), ("margin", .number(0)),
                            ("width", .number(measurer.width(text, font: axisFont) / 72)), ("height", .number(noteFont.sizePt / 72)),
                            ("pos", .text(Self.pin(x, y)))])
        }
        // Named by day: labels repeat ("Apr" every year), nodes must not.
        for tick in scale.ticks { if let label = tick.label { axisLabel("tick:" + tick.day.iso, label, x: tick.labelX, y: axisLabelY, color: theme.colors.muted) } }
        for period in scale.context {
            axisLabel("tick:period:" + scale.day(atX: period.startX).iso, period.label, x: period.x, y: 0, color: theme.colors.ink)
            if period.startX > scale.x0 + 0.5 {
                // In the period row only, below the tick labels (as the timelines draw it).
                axisMark("axis:period:" + scale.day(atX: period.startX).iso, x: period.startX,
                         from: periodRow - noteFont.sizePt * 0.45, down: periodRow)
            }
        }

        var shows = Self.shows(corpus: analysis.corpus.sourceName, hollow: anyHollow, ranges: !rangeBars.isEmpty,
                               linked: !drawnLinks.isEmpty, anyLinks: !analysis.links.isEmpty)
        if openCounts.later > 0 { shows += " " + OpenDateWording.caption(openCounts.later, later: true, noun: ("message", "messages")).dropLast() }
        if openCounts.earlier > 0 { shows += " " + OpenDateWording.caption(openCounts.earlier, later: false, noun: ("message", "messages")).dropLast() }
        if widenedBars > 0 {
            shows += " \(widenedBars) bar\(widenedBars == 1 ? "" : "s") would end within \(DOTWriter.number(Self.rangeOverhang)) pt of \(widenedBars == 1 ? "its" : "their") mark at this width and \(widenedBars == 1 ? "is" : "are") drawn to reach that far beyond it on each side."
        }
        if daysPerBin.rounded(.up) > 1 { shows += " " + Self.gridSentence(daysPerBin) }
        if anyCounted { shows += " Messages of one row within \(TimeBins.days(daysPerBin)) are one mark with their number." }
        if let slice { shows += " The whole correspondence is past the figure's budget of \(budget.marks) messages: this is its \(slice.words(name: context.shortName(of:)))." }
        if othersCount > 0 { shows += " The \(othersCount) correspondents after the \(keptLanes.count) busiest share the lane \"others\"." }
        let inferredDrawn = items.filter(\.inferred).count
        var captioned = context
        captioned.filterDescription = words
        var figure = GraphFigure(kind: .replies, title: title, shows: shows, dot: dot.text, engine: graphvizRoutesLinks ? .neato : .pinned,
                                 context: captioned, messages: analysis.messages, inferredCount: inferredDrawn)
        figure.marks = groupOf.compactMapValues { $0 < names.count ? names[$0] : nil }
        return figure
    }

    /// A "same text" link between marks `a` and `b` as a bracket: out of one mark sideways to
    /// the edge of its bin, along that edge (between the marks of neighbouring bins) to the
    /// other mark's row, and into it. Tried at the right edge of the left mark's bin, the left
    /// edge of the right mark's bin, then at the outer edges of the two; nil when every one
    /// would touch another mark. The
    /// bracket stays within the rows and bins of its two marks, so it never loops through
    /// the lanes between them as a curve bowing around marks did.
    ///
    /// - Parameters:
    ///   - binEdges: the x of the first bin's left edge and the bins' width.
    ///   - marks: every mark, sorted by x.
    static func bracket(_ a: LinkRouter.Obstacle, _ b: LinkRouter.Obstacle, binEdges: (left: Double, width: Double),
                        marks: [LinkRouter.Obstacle]) -> [LinkRouter.Point]? {
        typealias Point = LinkRouter.Point
        let (left, right) = a.centre.x <= b.centre.x ? (a, b) : (b, a)
        func bin(_ x: Double) -> Double { ((x - binEdges.left) / binEdges.width).rounded(.down) }
        // Between the marks first, then beside them (left of the left one, right of the right one).
        let candidates = [binEdges.left + (bin(left.centre.x) + 1) * binEdges.width, binEdges.left + bin(right.centre.x) * binEdges.width,
                          binEdges.left + bin(left.centre.x) * binEdges.width, binEdges.left + (bin(right.centre.x) + 1) * binEdges.width]
        for edge in candidates {
            func side(_ mark: LinkRouter.Obstacle) -> Point {
                Point(x: mark.centre.x + (edge >= mark.centre.x ? mark.radius : -mark.radius), y: mark.centre.y)
            }
            let points = [side(a), Point(x: edge, y: a.centre.y), Point(x: edge, y: b.centre.y), side(b)]
            // Clear of every other mark (by half a point), looking only at marks within its x range.
            let minX = points.map(\.x).min()! - binEdges.width, maxX = points.map(\.x).max()! + binEdges.width
            var low = 0, high = marks.count
            while low < high { let mid = (low + high) / 2; if marks[mid].centre.x < minX { low = mid + 1 } else { high = mid } }
            var clear = true
            var index = low
            search: while index < marks.count, marks[index].centre.x <= maxX {
                let mark = marks[index]
                index += 1
                if mark.centre == a.centre || mark.centre == b.centre { continue }
                for (p, q) in zip(points, points.dropFirst()) where Self.distance(from: mark.centre, toSegment: p, q) < mark.radius + 0.5 {
                    clear = false
                    break search
                }
            }
            if clear { return points }
        }
        return nil
    }

    /// Distance from `p` to the segment from `a` to `b`.
    static func distance(from p: LinkRouter.Point, toSegment a: LinkRouter.Point, _ b: LinkRouter.Point) -> Double {
        let d = b - a
        let length2 = d.x * d.x + d.y * d.y
        let t = length2 > 0 ? max(0, min(1, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / length2)) : 0
        return p.distance(to: a + d * t)
    }

    /// The bounds of an uncertain date (days apart), nil for a date known to the day.
    static func range(_ date: HistoricalDate) -> (from: Day, to: Day)? {
        guard !date.isExact, let bounds = date.drawnBounds, bounds.notBefore < bounds.notAfter else { return nil }
        return (bounds.notBefore, bounds.notAfter)
    }

    /// Whether a date known from one side only is open toward later dates ("not before" alone);
    /// nil for a date with both bounds or none.
    static func openSide(_ date: HistoricalDate) -> Bool? {
        date.isOpen ? date.notAfter == nil : nil
    }

    /// Where a mark stands when the figure's time grid is wider than a day: at the middle of
    /// its period, up to half of it from the message's date.
    static func gridSentence(_ daysPerBin: Double) -> String {
        "Marks stand at the middle of periods of \(TimeBins.days(daysPerBin)), up to half of that from their date."
    }

    /// The diameter of a whisker's dots and the distance between their centres, in points:
    /// the legend's sample has the same (`FigureLegend.Swatch.openDate`), so it reads dotted at
    /// any width.
    static let whiskerDot = 1.0, whiskerDotStep = 2.0

    /// The x of each dot of a whisker from `from` to `to` (either way), a dot at each end.
    static func whiskerDots(from: Double, to: Double) -> [Double] {
        let n = max(1, Int((abs(to - from) / whiskerDotStep).rounded()))
        return (0...n).map { from + (to - from) * Double($0) / Double(n) }
    }

    /// An open date's whisker length and head size, in mark diameters (the correspondents
    /// timeline's proportions).
    static let openLength = 2.4, openHead = 0.55

    /// The bar of an uncertain date: the muted colour lightened toward the paper, so it stays
    /// under the marks, but no further than keeps it 3:1 against the paper (WCAG 2.1, 1.4.11;
    /// halfway, the paper sheet's bar was a 2:1 grey). Never lighter than halfway.
    static func rangeColor(_ theme: Theme) -> RGBColor {
        let m = theme.colors.muted, p = theme.colors.paper
        var amount = 0.5
        while amount > 0 && m.mixed(with: p, amount).contrast(with: p) < CategoryPalette.minimumGroundContrast { amount -= 0.02 }
        return m.mixed(with: p, max(0, amount))
    }

    /// How far a bar reaches beyond its mark on each side, at least: 3 pt (about 1 mm), which
    /// reads at column width; 1 pt did not.
    static let rangeOverhang = 3.0

    /// The bar's width in whole points (a legend sample is as thick): about a third of a mark.
    static func rangeWidth(_ mark: Double) -> Double { max(1, (mark * 0.4).rounded()) }

    /// How mark looks are chosen: a writer drawn in their own colour takes their palette
    /// entry's colour and marker; a mark of several writers, or of a writer past the palette,
    /// is muted, in the "others" marker shape.
    func markLook(_ writer: String?, coloured: Set<String>) -> (color: RGBColor, shape: MarkerShape) {
        // The unidentified people drawn as one have their own look (Styling's one rule), never others'.
        if let writer, context.people.isUnidentified(writer) { return (context.people.unidentified.color, context.people.unidentified.marker) }
        guard let writer, coloured.contains(writer) else { return (context.theme.colors.muted, context.people.other.marker) }
        let look = context.people[writer]
        return (look.color, look.marker)
    }

    /// How much wider than a circle a shape must be for the same text to fit inside it.
    static func textRoom(_ shape: MarkerShape) -> Double { shape.textRoom }

    /// Diameter of a single mark, in points.
    static func markDiameter(style: FigureStyle) -> Double { max(4.5, style.labelFont.sizePt * 0.6) }

    /// The smallest text the figure sets, in points, at its printed width.
    static let textFloorPt = 6.0

    /// The lane shared by the correspondents past the lane budget.
    static let othersLane = "\u{1}others"

    /// A link kind as a number, for keys.
    private static func kindNumber(_ kind: ReplyLink.Kind) -> Int {
        switch kind {
        case .answers: return 0
        case .inReplyTo: return 1
        case .citesOwn: return 2
        case .parallel: return 3
        }
    }

    /// A number of days in words, rounded: "a day", "3 days".
    static func pin(_ x: Double, _ y: Double) -> String {
        DOTWriter.number(x) + "," + DOTWriter.number(y) + "!"
    }

    /// Arrowhead size of the links (Graphviz draws it 10 × this long, in points).
    static let arrowSize = 0.4

    /// A straight segment in Graphviz's spline form (no arrowhead).
    static func line(_ a: LinkRouter.Point, _ b: LinkRouter.Point) -> String {
        [a, a + (b - a) * (1.0 / 3), a + (b - a) * (2.0 / 3), b]
            .map { DOTWriter.number($0.x) + "," + DOTWriter.number($0.y) }.joined(separator: " ")
    }

    /// The first day of the month after `day`'s.
    static func monthAfter(_ day: Day) -> Day? {
        day.month == 12 ? Day(year: day.year + 1, month: 1, day: 1) : Day(year: day.year, month: day.month + 1, day: 1)
    }

    /// The caption's first sentence: what the figure draws, and only that (hollow marks, bars
    /// and lines only when some are drawn). `anyLinks`: whether the messages drawn from have
    /// links at all, to say which of "none drawn" and "none exist" holds.
    static func shows(corpus: String, hollow: Bool, ranges: Bool, linked: Bool, anyLinks: Bool) -> String {
        var parts = ["Messages of \(corpus) placed by date (left to right) in a lane per correspondent",
                     "upper row written by the correspondent, lower row to them"]
        if hollow { parts.append("hollow marks are incoming messages known only from citations") }
        if ranges { parts.append("a bar under a mark spans an uncertain date's bounds (the mark at the middle)") }
        parts.append("marks take their writer's colour and shape")
        if linked {
            parts.append("lines join a message to what it answers or cites")
        } else {
            parts.append(anyLinks ? "no two messages drawn answer or cite each other, so no line is drawn" : "no message answers or cites another, so no line is drawn")
        }
        return parts.joined(separator: "; ") + "."
    }

    /// The legend: an entry for each look drawn and nothing else (the hollow mark only when a
    /// mark is hollow, the bar only when a bar is drawn, a line style only for the kinds of
    /// link drawn in it).
    private func legend(title: String, writers lanes: [String], coloured: Set<String>, mixed: Bool, others: Bool, unidentified: Bool,
                        hollow: Bool, ranges: Bool, open: (later: Bool, earlier: Bool), linkKinds: Set<ReplyLink.Kind>,
                        counted daysPerBin: Double?) -> FigureLegend {
        let theme = context.theme
        var writers = lanes
        if let centre = context.analysis.principal.id, !writers.contains(centre), coloured.contains(centre) { writers.insert(centre, at: 0) }
        let muted = theme.colors.muted
        var people = writers.map { writer in
            let look = markLook(writer, coloured: coloured)
            return FigureLegend.Entry(swatch: .marker(look.color, look.shape), text: context.shortName(of: writer))
        }
        // Marks of others and marks of several writers look alike: one entry names both (two
        // entries with one sample read as two kinds of mark told apart).
        let otherLook = markLook(nil, coloured: coloured)
        let otherWords = [others ? "others" : nil, mixed ? "several writers" : nil].compactMap { $0 }
        if !otherWords.isEmpty {
            people.append(FigureLegend.Entry(swatch: .marker(otherLook.color, otherLook.shape), text: otherWords.joined(separator: " or ")))
        }
        if unidentified {
            let look = context.people.unidentified
            people.append(FigureLegend.Entry(swatch: .marker(look.color, look.marker), text: "unidentified"))
        }
        var kinds: [FigureLegend.Entry] = []
        if hollow { kinds.append(FigureLegend.Entry(swatch: .ring(muted), text: "hollow: inferred (cited, lost)")) }
        if ranges {
            kinds.append(FigureLegend.Entry(swatch: .bar(Self.rangeColor(theme), widthPt: Int(Self.rangeWidth(Self.markDiameter(style: FigureStyle(theme: theme, wide: context.wide)))), style: "solid"),
                                            text: "bar: uncertain date’s bounds"))
        }
        // Open dates: a sample only for each side drawn, worded as in the timelines.
        if open.later { kinds.append(FigureLegend.Entry(swatch: .openDate(theme.colors.ink, later: true), text: OpenDateWording.legend(later: true))) }
        if open.earlier { kinds.append(FigureLegend.Entry(swatch: .openDate(theme.colors.ink, later: false), text: OpenDateWording.legend(later: false))) }
        // One entry per line style, naming every kind of link drawn in it.
        let links = theme.graph.links
        let named: [(String, String)] = [(links.answers, "answers", ReplyLink.Kind.answers), (links.inReplyTo, "replies to", .inReplyTo),
                                         (links.citesOwn, "cites own", .citesOwn), (links.parallel, "same text", .parallel)]
            .filter { linkKinds.contains($0.2) }.map { ($0.0, $0.1) }
        var styles: [String] = []
        for (lineStyle, _) in named where !styles.contains(lineStyle) { styles.append(lineStyle) }
        for lineStyle in styles {
            let words = named.filter { $0.0 == lineStyle }.map(\.1).joined(separator: ", ")
            kinds.append(FigureLegend.Entry(swatch: .line(muted, style: lineStyle, heavy: false), text: words))
        }
        var notes = ["A lane per correspondent: upper row written by them, lower row to them; marks in the writer’s colour and shape, by date."
                     + (ranges ? " A bar reaches at least \(DOTWriter.number(Self.rangeOverhang)) pt beyond its mark on each side." : "")]
        if let daysPerBin { notes.append("A number in a mark counts the messages of its row within \(TimeBins.days(daysPerBin)).") }
        return FigureLegend(title: title, groups: [people, kinds], notes: notes)
    }
}
