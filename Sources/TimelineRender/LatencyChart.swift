import Analysis
import Correspondence
import Foundation
import Drawing

/// Reply latency, in two panels. Above, over time: each answered incoming letter is a mark at
/// the answer's date and the days it took (log scale of days + 1, so same-day answers sit
/// low), in the colour and shape of the one who answered. Below, a strip per pair "A answering
/// B": every answer as a jittered dot over a box of its quartiles and median, on the same days
/// scale, so piles at 0, 1 and 2 days read as piles.
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

    /// A stable jitter in -0.5...0.5 for a message id (FNV-1a), so the same input gives the same figure.
    static func jitter(_ id: String) -> Double {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Double(h % 10_000) / 10_000 - 0.5
    }

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
        if let group = answerers.keys.first(where: style.isUnidentified), let s = style.unidentifiedSeries {
            legend.append(LegendEntry(.mark(s.shape, fill: s.color, stroke: s.color), "answer by \(data.name(group))"))
        }
        if answerers.keys.contains(where: { !namedAnswerers.contains($0) && !style.isUnidentified($0) }) {
            let s = style.otherSeries ?? style.fallback[0]
            legend.append(LegendEntry(.mark(s.shape, fill: s.color, stroke: s.color), "answer by others"))
        }
        if !samples.isEmpty { legend.append(LegendEntry(.rect(style.laneFill), "box: middle half of a pair's answers, line: median")) }

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
        let plot = b.valuePlot(from: range.from, to: range.to, tickLabels: tickLabels, axisTitle: axisTitle, events: events.events,
                               below: y, reserveBelow: style.labelSize + stripPanel + b.legendHeight(legend + eventEstimate))
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotH = plot.height, plotBottom = plot.bottom
        let inset = style.markSize
        func yOf(_ v: Double) -> Double { plotBottom - inset - fraction(v) * (plotH - inset) }
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
        let ordered = samples.sorted { (strip($0), $0.answer, $0.answerID) < (strip($1), $1.answer, $1.answerID) }
        for s in ordered {
            let st = style.series(s.answerer)
            let v = Double(s.days) + 0.35 * Self.jitter(s.answerID)
            b.addFront(.mark(SceneMark(center: Point(x: scale.x(s.answer), y: yOf(v)), shape: st.shape, size: style.markSize,
                                       fill: st.color.withAlpha(0.75), stroke: st.color, strokeWidth: style.markStrokeWidth * 0.8, messageID: s.answerID)))
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
            for s in byStrip[i] {
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
        caption += "Above: each answer at its date and the days since the letter it answers (log scale of days + 1), in the colour and shape of who answered. "
        caption += "Below: a row per pair (who answered whom), each answer a dot jittered to show piles, over a box of the middle half and a line at the median"
        caption += rest.isEmpty ? ". " : "; the \(rest.count) pairs past the busiest \(kept.count) share one row. "
        caption += b.eventSentence(labels)
        let messages = Set(samples.map(\.answerID)).count
        return TimelineFigure(kind: .latency, scene: scene, title: style.titleText ?? title, caption: caption.trimmingCharacters(in: .whitespaces),
                              messages: messages, from: range.from, to: range.to, legend: legend)
    }
}
