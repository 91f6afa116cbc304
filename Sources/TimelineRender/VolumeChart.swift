import Foundation
import Analysis
import Correspondence
import Drawing

/// Letters of the corpus per month (per quarter, year, decade or century when months would be
/// too thin to read) as bars stacked by correspondent, on a y axis from zero. Fragments are not letters
/// and are not counted. The busiest correspondents have their own colour, within the legend
/// budget; all others are stacked together as "others".
struct VolumeChart {
    let data: TimelineData
    let style: FigureStyle
    let events: EventCalendar
    let measurer: TextMeasurer
    let range: (from: Day, to: Day)

    /// How letters are grouped in time.
    enum Period: String {
        case month, quarter, year, decade, century

        var months: Int {
            switch self {
            case .month: return 1
            case .quarter: return 3
            case .year: return 12
            case .decade: return 120
            case .century: return 1200
            }
        }

        /// Years per period for decades and centuries, which start on round years of each
        /// era's count (`YearLabel`: 50 BCE, 1 CE, 10, 20...; there is no year 0); nil for the
        /// periods of months.
        var years: Int? {
            switch self {
            case .decade: return 10
            case .century: return 100
            default: return nil
            }
        }

        /// The first day of the period holding `d`.
        /// - Complexity: O(years) for decades and centuries.
        func start(of d: Day) -> Day {
            if let n = years {
                var y = d.year
                while !YearLabel.isRound(y, every: n) { y -= 1 }
                return Day(year: y, month: 1, day: 1) ?? d
            }
            let m = (d.month - 1) / months * months + 1
            return Day(year: d.year, month: m, day: 1) ?? d
        }

        /// The first day of the period after the one starting on `start`.
        func next(after start: Day) -> Day? {
            if let n = years { return Day(year: YearLabel.nextRound(after: start.year, every: n), month: 1, day: 1) }
            var y = start.year, m = start.month + months
            while m > 12 { m -= 12; y += 1 }
            return Day(year: y, month: m, day: 1)
        }
    }

    /// The narrowest bar a reader can tell apart, in points.
    static let minimumBarWidth = 2.5

    /// Starts of the periods from `from`'s to `to`'s.
    static func periods(_ period: Period, from: Day, to: Day) -> [Day] {
        var out: [Day] = []
        var d = period.start(of: from)
        while d <= to {
            out.append(d)
            guard let next = period.next(after: d) else { break }
            d = next
        }
        return out
    }

    /// The stack of letters between two correspondents of the central person (neither by nor
    /// to them): exchanged with no one of theirs, so under no correspondent's name.
    static let betweenKey = "(between others)"

    /// The stack a letter counts in: `betweenKey` for a letter between two others of a corpus
    /// with a central person, else its counterpart (`Principal.counterpart`).
    static func category(_ e: TimelineEntry, principal: Principal) -> String {
        principal.relation(writer: e.sender, addressees: e.recipients) == .betweenOthers ? betweenKey
            : principal.counterpart(writer: e.sender, addressees: e.recipients)
    }

    /// Letters per period (index from the first period) per category (`category(_:principal:)`).
    /// - Complexity: O(n) in the entries.
    static func counts(_ entries: some Sequence<TimelineEntry>, period: Period, starts: [Day], principal: Principal) -> [[String: Int]] {
        let first = starts[0]
        var out = Array(repeating: [String: Int](), count: starts.count)
        // Decades and centuries are not whole numbers of months from the first (1 CE to 10 is nine years).
        let index = period.years == nil ? [:] : Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($1.ordinal, $0) })
        for e in entries where !e.inferred {
            let i = period.years == nil ? FigureBuilder.monthIndex(e.day, from: first) / period.months
                : index[period.start(of: e.day).ordinal] ?? -1
            if out.indices.contains(i) { out[i][category(e, principal: principal), default: 0] += 1 }
        }
        return out
    }

    func layout() -> TimelineFigure {
        let b = FigureBuilder(style: style, measurer: measurer)
        let principal = data.principal
        // The letters drawn, as positions in `data.entries`: a copy of every entry (two, through
        // `corpusEntries`) was 160 MB at 500,000 messages.
        let entries = data.entries
        let shownAt = entries.indices.filter { !entries[$0].inferred && entries[$0].day >= range.from && entries[$0].day <= range.to }
        let shown = shownAt.lazy.map { entries[$0] }
        let principalName = principal.id.map { data.name($0) }

        // Categories: the counterpart of each letter; named ones within the legend budget,
        // busiest first, the rest one "others" stack.
        var perCategory: [String: Int] = [:]
        for e in shown { perCategory[Self.category(e, principal: principal), default: 0] += 1 }
        let people = perCategory.keys.filter { !LaneAssignment.isSpecial($0) && $0 != Self.betweenKey }
        let namedPeople = people.filter { style.isNamed($0) }.sorted { (-(perCategory[$0] ?? 0), $0) < (-(perCategory[$1] ?? 0), $1) }
        let named = Array(namedPeople.prefix(style.budget.legendEntries))
        let namedSet = Set(named)
        // The unidentified people drawn as one are a stack of their own, never among "others".
        let unidentified = people.filter { style.isUnidentified($0) }
        let others = people.filter { !namedSet.contains($0) && !style.isUnidentified($0) }
        let othersKey = "(others)"
        func category(_ key: String) -> String {
            LaneAssignment.isSpecial(key) || key == Self.betweenKey || namedSet.contains(key) || style.isUnidentified(key) ? key : othersKey
        }
        let specials = [LaneAssignment.jointKey, LaneAssignment.unknownKey, Self.betweenKey].filter { perCategory[$0] != nil }
        let stacks = named + unidentified + (others.isEmpty ? [] : [othersKey]) + specials
        let othersLetters = others.reduce(0) { $0 + (perCategory[$1] ?? 0) }
        func seriesColor(_ c: String) -> PaintColor {
            switch c {
            case LaneAssignment.jointKey: return style.muted
            case LaneAssignment.unknownKey: return style.muted.lightened(0.5)
            case Self.betweenKey: return style.paper
            case othersKey: return (style.otherSeries ?? style.fallback[0]).color.lightened(0.35)
            default: return style.series(c).color
            }
        }
        func label(_ c: String) -> String {
            if c == Self.betweenKey { return principalName.map { "between two of \($0)'s correspondents" } ?? "between others" }
            return c == othersKey ? "others (\(others.count) \(others.count == 1 ? "person" : "people"), \(othersLetters) letter\(othersLetters == 1 ? "" : "s"))" : LaneAssignment.name(c, in: data)
        }

        let stackedBy = principalName.map { "the correspondent of \($0) each letter was exchanged with" } ?? "writer"
        let title = "Letters per period, \(FigureBuilder.yearSpan(range.from, range.to)), by correspondent"
        var y = b.title(title, note: "", top: style.margin)

        // The period: months, unless their bars would be too thin for the plot's width.
        let plotWidth = b.right - b.left - style.tickSize * 6
        let monthCount = FigureBuilder.months(from: range.from, to: range.to).count
        let period: Period = [Period.month, .quarter, .year, .decade, .century].first { p in
            plotWidth / Double((monthCount + p.months - 1) / p.months) * 0.78 >= Self.minimumBarWidth
        } ?? .century
        let starts = Self.periods(period, from: range.from, to: range.to)
        let counts = Self.counts(shown, period: period, starts: starts, principal: principal)
        var stacked = Array(repeating: [String: Int](), count: counts.count)
        for (i, c) in counts.enumerated() { for (k, n) in c { stacked[i][category(k), default: 0] += n } }
        let peak = stacked.map { $0.values.reduce(0, +) }.max() ?? 0
        let ticks = FigureBuilder.niceTicks(maxValue: Double(peak))
        let tickLabels = ticks.map { String(Int($0)) }
        let axisTitle = "Letters per \(period.rawValue)"
        let lastEnd: Day = (period.next(after: starts.last!) ?? range.to.adding(days: 1)).adding(days: -1)

        let filled = stacks.filter { $0 != Self.betweenKey }
        func letters(_ c: String) -> Int { c == othersKey ? othersLetters : perCategory[c] ?? 0 }
        let hatches = b.hatches(for: filled.map(seriesColor),
                                plainFirst: filled.indices.sorted { (-letters(filled[$0]), $0) < (-letters(filled[$1]), $1) })
        let hatchOf = Dictionary(uniqueKeysWithValues: zip(filled, hatches))
        var legend = stacks.map { c in
            c == Self.betweenKey ? LegendEntry(.outlined(style.paper, stroke: style.ink), label(c))
                : LegendEntry((hatchOf[c] ?? nil).map { .hatched(seriesColor(c), $0) } ?? .rect(seriesColor(c)), label(c))
        }
        let eventEstimate = b.eventLegendEstimate(events, from: range.from, to: range.to)
        let plot = b.valuePlot(from: starts[0], to: lastEnd, tickLabels: tickLabels, axisTitle: axisTitle, events: events.events, below: y,
                               reserveBelow: style.labelSize + b.legendHeight(legend + eventEstimate))
        let scale = plot.scale, labels = plot.events, plotTop = plot.top, plotH = plot.height, plotBottom = plot.bottom
        let top = ticks.last ?? 1
        func yOf(_ v: Double) -> Double { plotBottom - v / top * plotH }
        b.valueAxis(plot, ticks: ticks, labels: tickLabels, yOf: yOf, title: axisTitle)

        for (i, start) in starts.enumerated() {
            let next = i + 1 < starts.count ? starts[i + 1] : lastEnd.adding(days: 1)
            let a = scale.xStart(start), z = scale.xStart(next)
            let w = (z - a) * 0.78
            var base = 0
            for c in stacks {
                guard let n = stacked[i][c], n > 0 else { continue }
                let r = Rect(x: a + (z - a - w) / 2, y: yOf(Double(base + n)), width: w, height: yOf(Double(base)) - yOf(Double(base + n)))
                if c == Self.betweenKey {
                    // Hollow: an outline inside the stack's box, so it reads as a stack of its own.
                    let s = style.markStrokeWidth
                    b.addMiddle(.rect(SceneRect(rect: Rect(x: r.x + s / 2, y: r.y + s / 2, width: max(0, r.width - s), height: max(0, r.height - s)),
                                                fill: style.paper, stroke: style.ink, strokeWidth: s)))
                } else {
                    b.addMiddle(.rect(SceneRect(rect: r, fill: seriesColor(c), stroke: style.paper, strokeWidth: w > 3 ? 0.25 : 0,
                                                hatch: hatchOf[c] ?? nil)))
                }
                base += n
            }
        }
        y = b.timeAxis(scale, plotTop: plotTop, plotBottom: plotBottom)
        legend += b.eventLegend(labels)
        y = b.legend(legend, top: y + style.labelSize)
        let scene = b.scene(height: b.finalHeight(contentBottom: y))
        var caption = "Letters per \(period.rawValue)" + (principalName.map { " of \($0)'s correspondence" } ?? "")
        caption += ", \(FigureBuilder.longDate(range.from)) to \(FigureBuilder.longDate(range.to)): \(shown.count) letters of the corpus, "
        let open = shown.contains { $0.date.isOpen }
        caption += "counted by the \(period.rawValue) of their date (the middle of the bounds when the day is unknown"
            + (open ? ", the known day when it is dated from one side only)" : ")")
        caption += period == .month ? "" : ", because bars per month would be too thin at this width"
        caption += "; stacked by \(stackedBy) (bottom to top in legend order); the busiest \(period.rawValue) has \(peak)."
        if let between = perCategory[Self.betweenKey], let name = principalName {
            caption += " \(between) letter\(between == 1 ? " is" : "s are") between two of \(name)'s correspondents (neither by nor to \(name)): "
                + "a hollow stack of \(between == 1 ? "its" : "their") own."
        }
        if !others.isEmpty { caption += " \(label(othersKey).prefix(1).uppercased() + label(othersKey).dropFirst()) are stacked together." }
        if let group = unidentified.first {
            caption += " The unidentified people, “\(label(group))”, are a stack of their own, apart from named people and others."
        }
        caption += " Inferred incoming letters are not counted"
        caption += data.fragmentCount > 0 ? ", nor \(data.fragmentCount) fragments (text without a header of its own). " : ". "
        caption += b.eventSentence(labels)
        return TimelineFigure(kind: .volume, scene: scene, title: style.titleText ?? title, caption: caption.trimmingCharacters(in: .whitespaces),
                              messages: shown.count, from: range.from, to: range.to, legend: legend, pointsPerUnit: plotH / top)
    }
}
