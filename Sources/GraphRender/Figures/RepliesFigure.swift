import Analysis
import Correspondence
import Styling

/// Messages in time. Each message is a small mark placed by its date on an honest time axis
/// (left to right), in the lane of the correspondent it was exchanged with: in each lane the
/// upper row holds what the correspondent wrote, the lower row what they received. Marks take
/// the writer's colour; incoming messages known only from a citation (inferred) are hollow;
/// a date known only within bounds is a diamond at the middle of its range. Lines join a
/// message to what it answers or cites, in the theme's line style for each kind of link.
///
/// Positions are computed here (date and lane) and pinned; marks that would touch are stacked
/// away from the lane's centre. The links are drawn here too (`LinkRouter`: curves that bend
/// around other marks), so Graphviz only draws (layout `nop2`); with `graphvizRoutesLinks`
/// neato routes them instead, about a hundred times slower.
struct RepliesFigure {
    let context: FigureContext
    var graphvizRoutesLinks = false

    /// One mark of the figure.
    private struct Mark {
        var id: String
        var writer: String
        var lane: String
        /// True when the lane's correspondent wrote it (upper row).
        var byCorrespondent: Bool
        var day: Day
        var exactDate: Bool
        var inferred: Bool
        var x = 0.0
        var level = 0
    }

    func figure() -> GraphFigure {
        let analysis = context.analysis
        let theme = context.theme
        let style = FigureStyle(theme: theme, wide: context.wide)
        let hub = context.hub
        let title = "Replies in time" + (context.filterDescription.isEmpty ? "" : " (\(context.filterDescription))")

        // Marks are placed in time: undated messages are left out (the caption counts them).
        var marks: [Mark] = analysis.messages.compactMap { message in
            guard let day = message.date.best else { return nil }
            let counterpart = Self.counterpart(writer: message.sender, addressees: message.recipients, hub: hub) ?? Self.unknownLane
            return Mark(id: message.id, writer: message.sender, lane: counterpart, byCorrespondent: message.sender == counterpart,
                        day: day, exactDate: message.date.isExact, inferred: false)
        }
        marks += analysis.inferred.compactMap { incoming in
            guard let day = incoming.date.best else { return nil }
            let counterpart = Self.counterpart(writer: incoming.sender, addressees: [incoming.recipient], hub: hub) ?? Self.unknownLane
            return Mark(id: incoming.id, writer: incoming.sender, lane: counterpart, byCorrespondent: incoming.sender == counterpart,
                        day: day, exactDate: incoming.date.isExact, inferred: true)
        }
        marks.sort { $0.day != $1.day ? $0.day < $1.day : $0.id < $1.id }

        // Lanes: most marks first, then id.
        let laneCounts = Dictionary(grouping: marks, by: \.lane).mapValues(\.count)
        let lanes = laneCounts.keys.sorted { a, b in
            if (a == Self.unknownLane) != (b == Self.unknownLane) { return b == Self.unknownLane }
            return laneCounts[a]! != laneCounts[b]! ? laneCounts[a]! > laneCounts[b]! : a < b
        }
        func laneName(_ lane: String) -> String { lane == Self.unknownLane ? "unknown" : context.shortName(of: lane) }

        // Horizontal scale: lane labels on the left, then the time axis.
        let labelFont = style.labelFont
        let noteFont = style.noteFont
        let width = style.drawingWidthPoints
        let mark = max(4.5, labelFont.sizePt * 0.6)
        // Lane labels get boxes a third wider than their measured text (plus 4 pt), so that
        // even wide capitals fit; the text is right-justified in its box.
        func laneLabelWidth(_ lane: String) -> Double { FigureStyle.textWidth(laneName(lane), font: labelFont) * 1.33 + 4 }
        let labelColumn = (lanes.map(laneLabelWidth).max() ?? 0) + 4
        let axisLeft = labelColumn + mark
        let axisRight = width - mark / 2 - 2
        // The axis runs over whole months, from the first message's month to the end of the
        // last one's, so no mark sits on the axis's end and both ends fall on a tick.
        let firstDay = marks.first?.day ?? Day(ordinal: 0)
        let lastDay = marks.last?.day ?? firstDay
        let first = Day(year: firstDay.year, month: firstDay.month, day: 1) ?? firstDay
        let last = Self.monthAfter(lastDay) ?? lastDay
        let span = Double(max(1, first.days(to: last)))
        func x(_ day: Day) -> Double {
            axisLeft + Double(first.days(to: day)) / span * (axisRight - axisLeft)
        }

        // Stack marks of a row that would touch: each goes to the first level free at its x.
        // Marks (diamonds are a quarter wider) keep 2 pt apart, more than twice the routing
        // margin (`esep`), so links can be routed around them.
        let step = mark * 1.25 + 2
        var levelsUsed: [String: Int] = [:]
        var rowEnds: [String: [Double]] = [:]
        for index in marks.indices {
            marks[index].x = x(marks[index].day)
            let row = marks[index].lane + (marks[index].byCorrespondent ? "/upper" : "/lower")
            var ends = rowEnds[row] ?? []
            let level = ends.firstIndex { marks[index].x - $0 >= step } ?? ends.count
            if level == ends.count { ends.append(marks[index].x) } else { ends[level] = marks[index].x }
            rowEnds[row] = ends
            marks[index].level = level
            levelsUsed[row] = max(levelsUsed[row] ?? 0, level + 1)
        }

        // Vertical layout, bottom up: the axis, then the lanes (the first lane on top).
        let axisLabelY = 0.0
        let laneGap = labelFont.sizePt * 1.2
        var y = noteFont.sizePt + laneGap
        var rowBase: [String: Double] = [:]
        var laneCentre: [String: Double] = [:]
        for lane in lanes.reversed() {
            let lower = max(1, levelsUsed[lane + "/lower"] ?? 0)
            let upper = max(1, levelsUsed[lane + "/upper"] ?? 0)
            // Lower row stacks downward from its base; upper row upward from its base.
            let lowerBase = y + Double(lower - 1) * step + mark / 2
            let upperBase = lowerBase + step + 1
            rowBase[lane + "/lower"] = lowerBase
            rowBase[lane + "/upper"] = upperBase
            laneCentre[lane] = (lowerBase + upperBase) / 2
            y = upperBase + Double(upper - 1) * step + mark / 2 + laneGap
        }

        var dot = DOTWriter(name: "replies")
        dot.comment("Epistolary replies figure of \(analysis.corpus.sourceName); sha256 \(analysis.corpus.sourceHash)")
        let layout: DOTAttributes = graphvizRoutesLinks
            ? [("layout", "neato"), ("inputscale", .number(72)), ("splines", "true"), ("overlap", "true"), ("esep", "+0.8")]
            : [("layout", .text(LayoutEngine.pinned.name)), ("inputscale", .number(72)), ("splines", "true"), ("overlap", "true")]
        dot.graph(style.graphAttributes(layout + [("outputorder", "edgesfirst")]) + legend(lanes: lanes).graphAttributes(style: style))
        dot.nodeDefaults(style.nodeDefaults([("shape", "circle"), ("fixedsize", "true"), ("label", ""),
                                             ("width", .number(mark / 72)), ("height", .number(mark / 72)),
                                             ("style", "filled"), ("penwidth", .number(theme.lines.thinPt))]))
        dot.edgeDefaults(style.edgeDefaults([("penwidth", .number(theme.lines.thinPt)), ("arrowsize", .number(Self.arrowSize)),
                                             ("color", .text(theme.colors.muted.hex))]))

        // Lane labels, right-aligned against the axis.
        for lane in lanes {
            let name = laneName(lane)
            let textWidth = laneLabelWidth(lane)
            dot.node("lane:" + lane, [("shape", "plaintext"), ("fixedsize", "true"), ("style", "solid"),
                                      ("label", .lines([name], .right)), ("width", .number(textWidth / 72)), ("height", .number(labelFont.sizePt * 1.2 / 72)),
                                      ("margin", .number(0)), ("fontcolor", .text(theme.colors.ink.hex)),
                                      ("pos", .text(Self.pin(labelColumn - 2 - textWidth / 2, laneCentre[lane] ?? 0)))])
        }

        var obstacles: [String: LinkRouter.Obstacle] = [:]
        for item in marks {
            let row = item.lane + (item.byCorrespondent ? "/upper" : "/lower")
            let base = rowBase[row] ?? 0
            let offset = Double(item.level) * step * (item.byCorrespondent ? 1 : -1)
            let color = context.people[item.writer].color
            var attributes: DOTAttributes = [("pos", .text(Self.pin(item.x, base + offset))),
                                             ("color", .text(color.hex)),
                                             ("fillcolor", .text(item.inferred ? theme.colors.paper.hex : color.hex)),
                                             ("tooltip", .text(item.id + (item.exactDate ? "" : " (date uncertain)")))]
            if !item.exactDate {
                attributes.append(("shape", "diamond"))
                attributes.append(("width", .number(mark * 1.25 / 72)))
                attributes.append(("height", .number(mark * 1.25 / 72)))
            }
            if item.inferred { attributes.append(("penwidth", .number(theme.lines.regularPt))) }
            dot.node(item.id, attributes)
            obstacles[item.id] = LinkRouter.Obstacle(centre: LinkRouter.Point(x: item.x, y: base + offset),
                                                     radius: (item.exactDate ? mark : mark * 1.25) / 2 + 0.3)
        }

        // Links: drawn here unless neato is asked to route them. Nothing may cross the lane
        // labels or dip under the axis.
        let axisY = noteFont.sizePt * 0.9 + 2
        let present = Set(marks.map(\.id))
        let drawnLinks = analysis.links.filter { present.contains($0.from) && present.contains($0.to) }
        let router = LinkRouter(marks: obstacles,
                                forbidden: [LinkRouter.Area(minX: -1e9, minY: -1e9, maxX: labelColumn, maxY: 1e9),
                                            LinkRouter.Area(minX: -1e9, minY: -1e9, maxX: 1e9, maxY: axisY + 1),
                                            LinkRouter.Area(minX: width, minY: -1e9, maxX: 1e9, maxY: 1e9),
                                            LinkRouter.Area(minX: -1e9, minY: y, maxX: 1e9, maxY: 1e9)],
                                arrowLength: Self.arrowSize * 10, clearance: 1)
        let routes = graphvizRoutesLinks ? [] : router.route(drawnLinks.map { ($0.from, $0.to) })
        for (index, link) in drawnLinks.enumerated() {
            let lineStyle: String
            switch link.kind {
            case .answers: lineStyle = theme.graph.links.answers
            case .inReplyTo: lineStyle = theme.graph.links.inReplyTo
            case .citesOwn: lineStyle = theme.graph.links.citesOwn
            case .parallel: lineStyle = theme.graph.links.parallel
            }
            var attributes: DOTAttributes = [("style", .text(lineStyle)), ("tooltip", .text(link.kind.rawValue + ": " + link.evidence.phrase))]
            if index < routes.count, let route = routes[index] { attributes.append(("pos", .text(LinkRouter.pos(route)))) }
            dot.edge(link.from, link.to, attributes)
        }

        // The time axis: a rule under the lanes, a tick at each month (or quarter, or year,
        // whichever keeps ticks apart), and labels at the densest step that never crowds.
        // Its segments carry their own `pos` (Graphviz draws them as given).
        let axisStart = LinkRouter.Point(x: axisLeft - mark / 2, y: axisY), axisEnd = LinkRouter.Point(x: axisRight + mark / 2, y: axisY)
        dot.node("axis:start", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(axisStart.x, axisStart.y)))])
        dot.node("axis:end", [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(axisEnd.x, axisEnd.y)))])
        let rule: DOTAttributes = [("arrowhead", "none"), ("color", .text(theme.colors.muted.hex)), ("penwidth", .number(theme.lines.hairlinePt))]
        dot.edge("axis:start", "axis:end", rule + (graphvizRoutesLinks ? [] : [("pos", .text(Self.line(axisStart, axisEnd)))]))
        let axis = Self.axis(first: first, last: last, x: x, font: noteFont, minimumX: 0, maximumX: width)
        for tick in axis.marks where !graphvizRoutesLinks {
            let labelled = axis.labels.contains { $0.day == tick.day }
            let top = LinkRouter.Point(x: tick.x, y: axisY), bottom = LinkRouter.Point(x: tick.x, y: axisY - (labelled ? 3 : 2))
            let name = "axis:tick:" + tick.day.iso
            dot.node(name, [("shape", "point"), ("width", .number(0.01)), ("style", "invis"), ("pos", .text(Self.pin(bottom.x, bottom.y)))])
            dot.edge("axis:start", name, rule + [("pos", .text(Self.line(top, bottom)))])
        }
        for tick in axis.labels {
            // Named by day: labels repeat ("Apr" every year), nodes must not.
            dot.node("tick:" + tick.day.iso, [("shape", "plaintext"), ("fixedsize", "false"), ("style", "solid"), ("label", .text(tick.label)),
                                            ("fontsize", .number(noteFont.sizePt)), ("fontname", .text(noteFont.graphvizName)),
                                            ("fontcolor", .text(theme.colors.muted.hex)), ("margin", .number(0)),
                                            ("width", .number(FigureStyle.textWidth(tick.label, font: noteFont) / 72)), ("height", .number(noteFont.sizePt / 72)),
                                            ("pos", .text(Self.pin(tick.x, axisLabelY)))])
        }

        let shown = Set(analysis.messages.map(\.id))
        let shows = "Messages of \(analysis.corpus.sourceName) placed by date (left to right) in a lane per correspondent; "
            + "upper row written by the correspondent, lower row to them; hollow marks are incoming messages known only from "
            + "citations; diamonds have uncertain dates (middle of the range); lines join a message to what it answers or cites."
        return GraphFigure(kind: .replies, title: title, shows: shows, dot: dot.text, engine: graphvizRoutesLinks ? .neato : .pinned, context: context,
                           messages: analysis.messages.filter { shown.contains($0.id) }, inferredCount: analysis.inferred.count)
    }

    /// The other party of a message, seen from the hub: its writer when the hub received it,
    /// otherwise its first addressee who is not the hub; nil when there is none (a fragment
    /// whose addressee is unknown).
    static func counterpart(writer: String, addressees: [String], hub: String?) -> String? {
        if writer != hub { return writer }
        return addressees.first { $0 != hub }
    }

    /// The lane of messages with no known counterpart.
    static let unknownLane = "?"

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

    /// A time axis from `first` to `last` (both first days of a month): tick marks at every
    /// month, quarter, year or more, the first step keeping marks at least 4 pt apart; labels
    /// at the densest step of months, quarters, half-years, years, 2, 5 or 10 years whose
    /// labels keep half an em apart within `minimumX...maximumX`. A label reads the month
    /// ("Apr"), the year at January ("1944"), and month and year on the first label.
    static func axis(first: Day, last: Day, x: (Day) -> Double, font: FontStyle, minimumX: Double, maximumX: Double)
        -> (marks: [(day: Day, x: Double)], labels: [(label: String, day: Day, x: Double)]) {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var monthStarts: [Day] = []
        var day = first
        while day <= last {
            monthStarts.append(day)
            guard let next = monthAfter(day) else { break }
            day = next
        }
        func every(_ step: Int) -> [Day] { monthStarts.filter { (($0.year * 12) + $0.month - 1) % step == 0 } }
        let steps = [1, 3, 6, 12, 24, 60, 120]
        var marks: [(day: Day, x: Double)] = []
        for step in steps {
            let days = every(step)
            let positions = days.map(x)
            if zip(positions, positions.dropFirst()).allSatisfy({ $1 - $0 >= 4 }) || step == steps.last {
                marks = zip(days, positions).map { ($0, $1) }
                break
            }
        }
        for step in steps {
            var kept: [(label: String, day: Day, x: Double)] = []
            var fits = true
            for candidate in every(step) {
                let text = candidate.month == 1 ? "\(candidate.year)"
                    : (kept.isEmpty ? "\(months[candidate.month - 1]) \(candidate.year)" : months[candidate.month - 1])
                let position = x(candidate)
                let half = FigureStyle.textWidth(text, font: font) / 2
                if position - half < minimumX || position + half > maximumX { continue }
                if let previous = kept.last, previous.x + FigureStyle.textWidth(previous.label, font: font) / 2 + font.sizePt / 2 > position - half {
                    fits = false
                    break
                }
                kept.append((text, candidate, position))
            }
            if fits && !kept.isEmpty {
                // Every label sits on a tick mark.
                let marked = Set(marks.map(\.day))
                marks += kept.filter { !marked.contains($0.day) }.map { ($0.day, $0.x) }
                return (marks.sorted { $0.day < $1.day }, kept)
            }
        }
        return (marks, [])
    }

    private func legend(lanes: [String]) -> FigureLegend {
        let theme = context.theme
        let hub = context.hub
        var writers = lanes
        if let hub, !writers.contains(hub) { writers.insert(hub, at: 0) }
        let people = writers.filter { $0 != Self.unknownLane }.map { FigureLegend.Entry(swatch: .disc(context.people[$0].color), text: context.shortName(of: $0)) }
        let muted = theme.colors.muted
        var kinds = [
            FigureLegend.Entry(swatch: .ring(muted), text: "inferred (cited, lost)"),
            FigureLegend.Entry(swatch: .diamond(muted), text: "uncertain date"),
        ]
        // One entry per line style, naming every kind of link drawn in it.
        let links = theme.graph.links
        let named: [(String, String)] = [(links.answers, "answers"), (links.inReplyTo, "replies to"),
                                         (links.citesOwn, "cites own"), (links.parallel, "same text")]
        var styles: [String] = []
        for (lineStyle, _) in named where !styles.contains(lineStyle) { styles.append(lineStyle) }
        for lineStyle in styles {
            let words = named.filter { $0.0 == lineStyle }.map(\.1).joined(separator: ", ")
            kinds.append(FigureLegend.Entry(swatch: .line(muted, style: lineStyle, heavy: false), text: words))
        }
        return FigureLegend(title: "Replies in time" + (context.filterDescription.isEmpty ? "" : " (\(context.filterDescription))"),
                            groups: [people, kinds],
                            notes: ["A lane per correspondent: upper row written by them, lower row to them; marks in the writer’s colour, by date."])
    }
}
