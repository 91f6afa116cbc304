import Analysis
import Correspondence
import Foundation

/// Reply latency over time: each answered incoming message is a mark at the answer's date and
/// the days it took (log scale of days + 1, so same-day answers sit on the axis), per
/// correspondent, with each correspondent's median per year as a line.
struct LatencyChart {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    static let tickValues: [Double] = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let samples = data.latency.filter { $0.answer >= range.from && $0.answer <= range.to }
        var first: [String: Day] = [:]
        for s in samples where first[s.correspondent].map({ s.answer < $0 }) ?? true { first[s.correspondent] = s.answer }
        let people = first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }
        let keys = data.personKeys + people.filter { !data.personKeys.contains($0) }
        let principalName = data.principal.id.map { data.name($0) } ?? "the writer"

        let title = "Time to answer, \(FigureBuilder.yearSpan(range.from, range.to)), by correspondent"
        let note = "\(samples.count) answers to a dated incoming message that the answer cites, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)). Vertical axis: days from the incoming message's date to the answer's, on a log scale of days + 1 (0 = same day)."
        var y = b.title(title, note: note, top: style.margin)

        let maxDays = Double(samples.map(\.days).max() ?? 1)
        let ticks = Self.tickValues.prefix { $0 <= max(maxDays, 10) * 1.0001 } + Self.tickValues.filter { $0 > max(maxDays, 10) }.prefix(1)
        let topValue = ticks.last ?? 10
        let tickLabels = ticks.map { String(Int($0)) }
        let axisTitle = "Days to answer (log scale)"
        let plot = b.valuePlot(from: range.from, to: range.to, tickLabels: tickLabels, axisTitle: axisTitle,
                               events: events.events, below: y)
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotH = plot.height, plotBottom = plot.bottom
        let inset = style.markSize
        let yOf = { (v: Double) in plotBottom - inset - log10(1 + max(0, v)) / log10(1 + topValue) * (plotH - inset) }
        b.valueAxis(plot, ticks: Array(ticks), labels: tickLabels, yOf: yOf, title: axisTitle)

        // Grouped by correspondent (in legend order), so each one's marks are drawn together.
        let samplesByPerson = Dictionary(grouping: samples, by: \.correspondent)
        for s in people.flatMap({ samplesByPerson[$0] ?? [] }) {
            let st = style.style(for: s.correspondent, among: keys)
            b.addFront(.mark(SceneMark(center: Point(x: scale.x(s.answer), y: yOf(Double(s.days))), shape: st.shape, size: style.markSize,
                                       fill: st.color.withAlpha(0.75), stroke: st.color, strokeWidth: style.markStrokeWidth * 0.8, messageID: s.answerID)))
        }
        // Median per correspondent per year, where the year has at least three answers.
        var medians = 0
        for p in people {
            let st = style.style(for: p, among: keys)
            let byYear = Dictionary(grouping: samples.filter { $0.correspondent == p }, by: { $0.answer.year })
            for year in byYear.keys.sorted() {
                guard let list = byYear[year], list.count >= 3 else { continue }
                let d = list.map(\.days).sorted()
                let median = d.count % 2 == 1 ? Double(d[d.count / 2]) : Double(d[d.count / 2 - 1] + d[d.count / 2]) / 2
                guard let jan = Day(year: year, month: 1, day: 1), let dec = Day(year: year, month: 12, day: 31) else { continue }
                let a = max(scale.xStart(jan), scale.x0), z = min(scale.xEnd(dec), scale.x1)
                guard z > a else { continue }
                b.line(Point(x: a, y: yOf(median)), Point(x: z, y: yOf(median)), color: st.color, width: style.arcWidth * 2.5,
                       dash: st.dash, layer: .middle)
                medians += 1
            }
        }

        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        var legend = people.map { p -> LegendEntry in
            let st = style.style(for: p, among: keys)
            return LegendEntry(.mark(st.shape, fill: st.color, stroke: st.color), data.name(p))
        }
        if medians > 0 {
            legend.append(LegendEntry(.line(style.ink, dash: [], width: style.arcWidth * 2.5), "median per year (3 or more answers), in the correspondent's colour"))
        }
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: (y + style.margin).rounded(.up))
        let caption = "Reply latency in \(principalName)'s correspondence, \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): "
            + "\(samples.count) answers, each placed at the answer's date and the days since the incoming message it cites (log scale of days + 1), "
            + "coloured and shaped by correspondent; lines give each correspondent's median per year where it has three or more answers. " + b.eventSentence(labels)
        let messages = Set(samples.map(\.answerID)).count
        return TimelineFigure(kind: .latency, scene: scene, title: title, caption: caption, messages: messages, from: range.from, to: range.to)
    }
}
