import Analysis
import Correspondence
import Foundation
import Drawing

/// Reply latency, in two panels. Above, over time: each answered incoming letter is a mark at
/// the answer's date and the days it took (log scale of days + 1, so same-day answers sit
/// low), in the colour and shape of the one who answered. Below, a strip per pair "A answering
/// B": every answer as a jittered dot over a box of its quartiles and median, on the same days
/// scale, so piles at 0, 1 and 2 days read as piles.
///
/// Past the theme's mark budget (two marks per answer), answers are counted instead, in the
/// idiom of the other timelines (`FigureBuilder.countBins`): above, one disc per time bin and
/// band of days (the intervals between the axis ticks: 0, 1, 2–4, 5–9, ...) holding its number;
/// below, each pair keeps its box and median and the dots are left out. The caption says so.
struct LatencyChart {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    static let tickValues: [Double] = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]

    /// A pair: who answered whom.
    struct Series: Hashable {
        var answerer: String
        var answered: String
    }

    /// Bands of whole days between the axis's tick values (0, 1, 2–4, 5–9, 10–19, ...): what
    /// answers are counted by, up the value axis, past the mark budget. The last band reaches
    /// `maxDays` when the data go past the last tick.
    struct DayBands {
        /// First and last day of each band.
        let bounds: [(low: Int, high: Int)]

        init(ticks: [Double], maxDays: Int) {
            let lows = ticks.dropLast().map { Int($0) }
            let last = Int(ticks.last ?? 1)
            bounds = lows.indices.map { i in
                (lows[i], i + 1 < lows.count ? lows[i + 1] - 1 : max(last - 1, maxDays, lows[i]))
            }
        }

        /// The band holding `days` (the last whose first day is at most `days`).
        func band(of days: Int) -> Int {
            var lo = 0, hi = bounds.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if bounds[mid].low <= days { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }

        /// "0, 1, 2–4, 5–9, …": the bands in words for the caption.
        var words: String {
            bounds.map { $0.low == $0.high ? "\($0.low)" : "\($0.low)–\($0.high)" }.joined(separator: ", ")
        }
    }

    /// A stable jitter in -0.5...0.5 for a message id (FNV-1a), so the same input gives the same figure.
    static func jitter(_ id: String) -> Double {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Double(h % 10_000) / 10_000 - 0.5
    }

    /// - Complexity: O(a log a) in the answers in range (the strips' ranking and summaries, the
    ///   time view's sort); past the budget, counting is O(a) per pass (at most three passes) and
    ///   the drawing is bounded by the grid of bins and bands.
    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let samples = data.latency.filter { $0.answer >= range.from && $0.answer <= range.to }
        func who(_ id: String) -> String { id.isEmpty ? "unknown" : data.name(id) }
        func seriesName(_ s: Series) -> String { "\(who(s.answerer)) answering \(who(s.answered))" }
        var count: [Series: Int] = [:]
        for s in samples { count[Series(answerer: s.answerer, answered: s.correspondent), default: 0] += 1 }
        // Strips: the busiest pairs within the lane budget; the rest are one "others" strip.
        let ranked = count.keys.sorted { (-(count[$0] ?? 0), seriesName($0)) < (-(count[$1] ?? 0), seriesName($1)) }
        let limit = max(1, style.budget.lanes)
        let kept = ranked.count > limit ? Array(ranked.prefix(limit - 1)) : ranked
        let rest = Set(ranked.dropFirst(kept.count))
        let restCount = rest.reduce(0) { $0 + (count[$1] ?? 0) }
        let stripNames = kept.map(seriesName) + (rest.isEmpty ? [] : ["other pairs (\(rest.count) pairs, \(restCount) answers)"])
        func strip(_ s: LatencyPoint) -> Int { kept.firstIndex(of: Series(answerer: s.answerer, answered: s.correspondent)) ?? kept.count }

        let title = "Time to answer, \(FigureBuilder.yearSpan(range.from, range.to)), by who answered whom"
        var y = b.title(title, note: "", top: style.margin)

        let maxDays = Double(samples.map(\.days).max() ?? 1)
        let ticks = Self.tickValues.prefix { $0 <= max(maxDays, 10) * 1.0001 } + Self.tickValues.filter { $0 > max(maxDays, 10) }.prefix(1)
        let topValue = ticks.last ?? 10
        let tickLabels = ticks.map { String(Int($0)) }
        let axisTitle = "Days to answer"
        let logTop = log10(1 + topValue)
        func fraction(_ v: Double) -> Double { log10(1 + max(0, v)) / logTop }

        // Legend: the answerers' looks (within the legend budget).
        var answerers: [String: Int] = [:]
        for s in samples { answerers[s.answerer, default: 0] += 1 }
        let namedAnswerers = answerers.keys.filter { style.isNamed($0) }.sorted { (-(answerers[$0] ?? 0), $0) < (-(answerers[$1] ?? 0), $1) }
            .prefix(style.budget.legendEntries)
        var legend = namedAnswerers.map { a -> LegendEntry in
            let s = style.series(a)
            return LegendEntry(.mark(s.shape, fill: s.color, stroke: s.color), "answer by \(data.name(a))")
        }
        var unidentifiedEntry: Int?, othersEntry: Int?
        if let group = answerers.keys.first(where: style.isUnidentified), let s = style.unidentifiedSeries {
            unidentifiedEntry = legend.count
            legend.append(LegendEntry(.mark(s.shape, fill: s.color, stroke: s.color), "answer by \(data.name(group))"))
        }
        if answerers.keys.contains(where: { !namedAnswerers.contains($0) && !style.isUnidentified($0) }) {
            let s = style.otherSeries ?? style.fallback[0]
            othersEntry = legend.count
            legend.append(LegendEntry(.mark(s.shape, fill: s.color, stroke: s.color), "answer by others"))
        }
        let answererEntries = legend.count
        /// The legend entry that shows `answerer`'s look.
        func entry(of answerer: String) -> Int? {
            namedAnswerers.firstIndex(of: answerer) ?? (style.isUnidentified(answerer) ? unidentifiedEntry : othersEntry)
        }
        // Drawn one by one, every answer takes two marks (above and in its strip); past the
        // budget they are counted in bins instead.
        let binned = 2 * samples.count > style.budget.marks
        let bands = DayBands(ticks: Array(ticks), maxDays: Int(maxDays))
        // Past the budget the counted discs are explained with the box, so the legend keeps to
        // its budget (planned with the longest wording: the bin's length is known once the
        // scale is).
        if !samples.isEmpty { legend.append(LegendEntry(.rect(style.laneFill), Self.boxNote(binned ? "about 000 months" : nil, mixed: true))) }

        // The strip panel's height, reserved below the time view.
        // Strip labels take at most two fifths of the width, so the strips keep room to read;
        // a longer label is wrapped, never cut.
        let gutter = min(b.laneGutter(stripNames), (b.right - b.left) * 0.4)
        func labelLines(_ s: String) -> [String] {
            b.laneGutter([s]) <= gutter ? [s] : b.wrap(s, font: style.labelFont, width: gutter - style.labelSize)
        }
        let lineHeight = measurer.measure("Xg", font: style.labelFont).height
        let mostLines = stripNames.map { labelLines($0).count }.max() ?? 1
        let stripH = max(style.labelSize * 1.6, style.markSize * 2.5, Double(mostLines) * lineHeight + 2)
        // Under the strips: their axis (ticks and labels) and the line saying what it counts.
        let tickHeight = measurer.measure("0", font: style.tickFont).height
        let stripAxis = style.tickLength + style.tickLabelGap + tickHeight + tickHeight + 1
        let stripPanel = Double(stripNames.count) * stripH + stripAxis + style.labelSize
        let eventEstimate = b.eventLegendEstimate(events, from: range.from, to: range.to)
        let plan = b.valuePlan(from: range.from, to: range.to, tickLabels: tickLabels, axisTitle: axisTitle, events: events.events,
                               below: y, reserveBelow: style.labelSize + stripPanel + b.legendHeight(legend + eventEstimate))
        // Past the budget: answers counted per time bin (on the plan's scale, which the frame
        // keeps) and band of days; a counted mark keeps its answerer's shape, as much larger
        // than a disc as the shape needs to hold its number.
        let countRoom = { (answerer: String) in FigureBuilder.textRoom(style.series(answerer).shape) }
        var counted: (bins: TimeBins, cells: [FigureBuilder.CountedCell])?
        if binned {
            let points = samples.indices.map { i in (row: bands.band(of: samples[i].days), day: samples[i].answer, entry: i, key: samples[i].answerer) }
            counted = b.countBins(scale: plan.scale, rows: bands.bounds.count, points: points, room: countRoom)
        }
        let countStep = counted.map { b.countStep($0.cells, room: countRoom) } ?? 0
        // A band's disc sits at the band's middle on the log scale (on its tick for a band of
        // one day count).
        let bandMiddles = bands.bounds.map { (fraction(Double($0.low)) + fraction(Double($0.high))) / 2 }
        // The lowest band's discs clear the time axis, and the plot is tall enough that
        // neighbouring bands' discs, and the top band's and the plot's top, are a disc apart.
        let inset = binned ? max(style.markSize, countStep / 2) : style.markSize
        var needed = 0.0
        if binned {
            for (lower, upper) in zip(bandMiddles, bandMiddles.dropFirst()) where upper - lower > 1e-9 {
                needed = max(needed, inset + countStep / (upper - lower))
            }
            if let top = bandMiddles.last, top < 1 - 1e-9 { needed = max(needed, inset + countStep / 2 / (1 - top)) }
        }
        let plot = b.valueFrame(plan, axisTitle: axisTitle, atLeast: needed)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotH = plot.height, plotBottom = plot.bottom
        func yAt(_ f: Double) -> Double { plotBottom - inset - f * (plotH - inset) }
        func yOf(_ v: Double) -> Double { yAt(fraction(v)) }
        b.valueAxis(plot, ticks: Array(ticks), labels: tickLabels, yOf: yOf, title: axisTitle)
        if samples.isEmpty {
            // Said in the plot, so an empty chart is not read as answers too few to see.
            let note = "No letter here answers a dated letter it cites: no time to answer to show."
            var line = plot.top + plot.height / 2 - measurer.measure("Xg", font: style.noteFont).height
            for part in b.wrap(note, font: style.noteFont, width: (scale.x1 - scale.x0) * 0.9) {
                line += measurer.measure(part, font: style.noteFont).height
                b.text(part, x: (scale.x0 + scale.x1) / 2, baseline: line, font: style.noteFont, color: style.muted, anchor: .center)
            }
        }

        // The time view: answers by answerer, jittered by under half a day so equal values spread.
        if let counted {
            // Counted: a disc per band and bin, in its answerer's colour and shape (an outlined
            // disc when several answered), holding its number.
            let box = b.countBox(counted.cells)
            for cell in counted.cells {
                let look = style.series(cell.key)
                b.countedDisc(cell.count, at: Point(x: counted.bins.centerX(cell.bin), y: yAt(bandMiddles[cell.row])),
                              fill: cell.mixed ? style.muted : look.color, shape: cell.mixed ? .circle : look.shape, outlined: cell.mixed,
                              diameter: box * (cell.mixed ? 1 : countRoom(cell.key)), messageID: samples[cell.first].answerID)
            }
            if let i = legend.firstIndex(where: { $0.label == Self.boxNote("about 000 months", mixed: true) }) {
                legend[i].label = Self.boxNote(counted.bins.span, mixed: counted.cells.contains(where: \.mixed))
            }
            // An answerer's look is in the legend only when a disc shows it (not when every
            // disc of theirs is shared with others, outlined).
            let shown = Set(counted.cells.filter { !$0.mixed }.compactMap { entry(of: $0.key) })
            legend = legend.indices.filter { $0 >= answererEntries || shown.contains($0) }.map { legend[$0] }
        } else {
            let ordered = samples.sorted { (strip($0), $0.answer, $0.answerID) < (strip($1), $1.answer, $1.answerID) }
            for s in ordered {
                let st = style.series(s.answerer)
                let v = Double(s.days) + 0.35 * Self.jitter(s.answerID)
                b.addFront(.mark(SceneMark(center: Point(x: scale.x(s.answer), y: yOf(v)), shape: st.shape, size: style.markSize,
                                           fill: st.color.withAlpha(0.75), stroke: st.color, strokeWidth: style.markStrokeWidth * 0.8, messageID: s.answerID)))
            }
        }
        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)

        // The strip panel: a row per pair, days across on the same log scale.
        let stripTop = y + style.labelSize
        let x0 = b.left + gutter, x1 = b.right - style.tickSize
        func xOf(_ v: Double) -> Double { x0 + fraction(v) * (x1 - x0) }
        let m = measurer.measure("X", font: style.labelFont)
        var byStrip = Array(repeating: [LatencyPoint](), count: stripNames.count)
        for s in samples { byStrip[strip(s)].append(s) }
        for (i, name) in stripNames.enumerated() {
            let top = stripTop + Double(i) * stripH, cy = top + stripH / 2
            let lines = labelLines(name)
            if lines.count == 1 {
                b.text(name, x: x0 - style.labelSize * 0.6, baseline: cy + m.ascent * 0.35, font: style.labelFont, anchor: .end)
            } else {
                let firstBaseline = cy - Double(lines.count) * lineHeight / 2 + measurer.measure("Xg", font: style.labelFont).ascent
                for (k, line) in lines.enumerated() {
                    b.text(line, x: x0 - style.labelSize * 0.6, baseline: firstBaseline + Double(k) * lineHeight, font: style.labelFont, anchor: .end)
                }
            }
            let summary = ReplyLatency.Summary(days: byStrip[i].map(\.days))
            let boxTop = cy - stripH * 0.32
            if let summary {
                b.addMiddle(.rect(SceneRect(rect: Rect(x: xOf(summary.q1), y: boxTop, width: max(0.5, xOf(summary.q3) - xOf(summary.q1)), height: stripH * 0.64),
                                            fill: style.laneFill, stroke: style.muted, strokeWidth: style.gridWidth)))
            }
            // Past the budget the dots are left out: the box and median stay.
            for s in byStrip[i] where !binned {
                let st = style.series(s.answerer)
                let jx = xOf(Double(s.days) + 0.35 * Self.jitter(s.answerID))
                let jy = cy + stripH * 0.5 * Self.jitter(s.answerID + "y")
                b.addFront(.mark(SceneMark(center: Point(x: jx, y: jy), shape: st.shape, size: style.markSize * 0.8,
                                           fill: st.color.withAlpha(0.6), stroke: st.color, strokeWidth: style.markStrokeWidth * 0.6)))
            }
            // The median over the row's dots: the legend promises a line, and a busy row's dots
            // hid it when it lay under them.
            if let summary {
                b.line(Point(x: xOf(summary.median), y: boxTop), Point(x: xOf(summary.median), y: boxTop + stripH * 0.64), color: style.ink,
                       width: style.axisWidth * 1.5, layer: .front)
            }
        }
        let stripBottom = stripTop + Double(stripNames.count) * stripH
        let axisColor = style.axisColor ?? style.ink
        b.line(Point(x: x0, y: stripBottom), Point(x: x1, y: stripBottom), color: axisColor, width: style.axisWidth, layer: .front)
        let tm = measurer.measure("0", font: style.tickFont)
        var lastRight = -Double.infinity
        for (v, l) in zip(ticks, tickLabels) {
            let x = xOf(v)
            b.line(Point(x: x, y: stripBottom), Point(x: x, y: stripBottom + style.tickLength), color: axisColor, width: style.axisWidth, layer: .front)
            let w = tm.width == 0 ? measurer.width(l, font: style.tickFont) : measurer.width(l, font: style.tickFont)
            if x - w / 2 > lastRight + 2 {
                b.text(l, x: x, baseline: stripBottom + style.tickLength + style.tickLabelGap + tm.ascent, font: style.tickFont, anchor: .center)
                lastRight = x + w / 2
            }
        }
        y = stripBottom + style.tickLength + style.tickLabelGap + tm.height
        b.text("days to answer (log scale), per pair", x: x1, baseline: y + tm.ascent + 1, font: style.tickFont, color: style.muted, anchor: .end)
        y += tm.height + 1

        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: b.finalHeight(contentBottom: y))
        var caption = "Reply latency, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): \(samples.count) answers to a dated incoming letter that the answer cites. "
        if let counted {
            caption += "Drawn one by one, they would take \(2 * samples.count) marks, more than the figure's budget of \(style.budget.marks), so answers are counted. "
            caption += "Above: answers binned by \(counted.bins.span) of their date and by days since the letter they answer (\(bands.words) days; log scale of days + 1): "
            caption += "one disc per bin and band of days (\(counted.cells.count) discs) at the middle of its band on that scale, numbers are counts, "
            let mixed = counted.cells.filter(\.mixed).count
            caption += mixed == 0 ? "colour and shape are who answered. "
                : mixed == counted.cells.count ? "every disc holds answers by several people (outlined). "
                : "colour and shape are who answered (an outlined disc: several answerers). "
            caption += "Below: a row per pair (who answered whom), a box of the middle half of its answers and a line at the median; the dots of single answers are left out past the budget"
        } else {
            caption += "Above: each answer at its date and the days since the letter it answers (log scale of days + 1), in the colour and shape of who answered. "
            caption += "Below: a row per pair (who answered whom), each answer a dot jittered to show piles, over a box of the middle half and a line at the median"
        }
        caption += rest.isEmpty ? ". " : "; the \(rest.count) pairs past the busiest \(kept.count) share one row. "
        caption += b.eventSentence(labels)
        let messages = Set(samples.map(\.answerID)).count
        return TimelineFigure(kind: .latency, scene: scene, title: style.titleText ?? title, caption: caption.trimmingCharacters(in: .whitespaces),
                              messages: messages, from: range.from, to: range.to, legend: legend)
    }

    /// The legend's note on the strips' box, and when answers are counted (binned by
    /// `binnedBy`), on the discs above: one entry, so the legend keeps to its budget.
    static func boxNote(_ binnedBy: String?, mixed: Bool) -> String {
        "box: middle half of a pair's answers, line: median"
            + (binnedBy.map { "; above, answers binned by \($0) and band of days, numbers are counts" + (mixed ? " (outlined disc: several answerers)" : "") } ?? "")
    }
}
