import Correspondence

/// The spacing of a time axis's labelled ticks.
public struct TickStep: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable { case day, week, month, year }
    public var unit: Unit
    public var count: Int

    public init(_ unit: Unit, _ count: Int) {
        self.unit = unit
        self.count = count
    }

    /// Finest first; the scale takes the first whose labels fit. Years go on to millennia: a
    /// catalogue may hold a letter of antiquity beside modern ones, and an axis whose spans
    /// all fail would be drawn with no tick at all.
    public static let candidates: [TickStep] = [
        .init(.day, 1), .init(.day, 2), .init(.week, 1), .init(.week, 2),
        .init(.month, 1), .init(.month, 2), .init(.month, 3), .init(.month, 6),
        .init(.year, 1), .init(.year, 2), .init(.year, 5), .init(.year, 10), .init(.year, 25), .init(.year, 50), .init(.year, 100),
        .init(.year, 200), .init(.year, 500), .init(.year, 1000),
    ]

    public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }
}

/// One tick of a time axis: its day (ticks fall on the start of a day), page x and label.
public struct TimeTick: Sendable, Hashable {
    public var day: Day
    public var x: Double
    public var label: String?
    /// Page x of the label's centre: the tick's x, or moved inward, still over the tick, when
    /// the tick is so near the axis's end that a centred label would leave the page.
    public var labelX: Double

    public init(day: Day, x: Double, label: String?, labelX: Double? = nil) {
        self.day = day
        self.x = x
        self.label = label
        self.labelX = labelX ?? x
    }
}

/// A label naming the larger period the ticks lie in ("1943" under month ticks, "June 1944"
/// under day ticks), centred on the visible part of that period.
public struct TimeContextLabel: Sendable, Hashable {
    public var label: String
    public var x: Double
    /// Page x of the start of the period (clamped to the axis), where a separator is drawn.
    public var startX: Double
    public var endX: Double
}

/// Maps days to page x and chooses the ticks: the finest step (days, weeks, months, quarters,
/// half years, years...) whose measured labels keep a clear gap, so labels never collide.
public struct TimeScale: Sendable {
    /// Ordinal (days since 1970-01-01) of the left end of the axis (start of its first day).
    public let domainStart: Double
    /// Ordinal of the right end (end of its last day).
    public let domainEnd: Double
    public let x0: Double
    public let x1: Double
    public let step: TickStep
    public let ticks: [TimeTick]
    /// Unlabelled finer ticks (months under yearly ticks, for instance), page x.
    public let minorTicks: [Double]
    public let context: [TimeContextLabel]
    public let labelFont: FontSpec

    /// Page x of the middle of `day`.
    public func x(_ day: Day) -> Double { x(ordinal: Double(day.ordinal) + 0.5) }

    /// Page x of a fractional ordinal (0 = start of 1970-01-01).
    public func x(ordinal: Double) -> Double {
        x0 + (ordinal - domainStart) / (domainEnd - domainStart) * (x1 - x0)
    }

    /// Page x of the start of `day`.
    public func xStart(_ day: Day) -> Double { x(ordinal: Double(day.ordinal)) }

    /// Page x of the end of `day` (start of the next).
    public func xEnd(_ day: Day) -> Double { x(ordinal: Double(day.ordinal + 1)) }

    /// Points per day.
    public var pointsPerDay: Double { (x1 - x0) / (domainEnd - domainStart) }

    /// The day at page x (clamped to the domain).
    public func day(atX x: Double) -> Day {
        let o = domainStart + (x - x0) / (x1 - x0) * (domainEnd - domainStart)
        return Day(ordinal: Int(min(max(o, domainStart), domainEnd - 1).rounded(.down)))
    }

    /// The first and last day of the axis.
    public var firstDay: Day { Day(ordinal: Int(domainStart)) }
    public var lastDay: Day { Day(ordinal: Int(domainEnd) - 1) }

    /// A scale from the start of `from` to the end of `to` over `x0...x1`, with labels in
    /// `font` measured by `measurer`. Labels may reach `overhang` points beyond either end.
    public init(from: Day, to: Day, x0: Double, x1: Double, font: FontSpec, measurer: TextMeasurer, overhang: Double = 0) {
        var first = min(from, to), last = max(from, to)
        if first.days(to: last) < 2 {
            // Too short to label: widen to three days around it.
            first = first.adding(days: -1)
            last = last.adding(days: 1)
        }
        domainStart = Double(first.ordinal)
        domainEnd = Double(last.ordinal + 1)
        self.x0 = x0
        self.x1 = max(x1, x0 + 1)
        labelFont = font
        let gap = font.size * 1.2
        // Labelled ticks no closer than 4.5 em: an axis, not a ruler.
        let minSpacing = font.size * 4.5
        let probe = TimeScaleProbe(domainStart: domainStart, domainEnd: domainEnd, x0: x0, x1: self.x1)
        let lo = x0 - overhang, hi = self.x1 + overhang
        var chosen: (step: TickStep, ticks: [TimeTick], context: [TimeContextLabel])?
        // First pass asks for airy spacing; a narrow axis settles for labels that merely keep
        // their gap; the last resort is the coarsest step with any label at all. A step is
        // taken only when every tick it draws has its label and every year (month, under day
        // ticks) holding a tick is named, in the context row or on its first tick.
        passes: for spacing in [minSpacing, 0] {
            for step in TickStep.candidates {
                let days = TimeScale.tickDays(step: step, first: first, last: last)
                if days.count > 400 { continue }
                let ticks = days.map { TimeTick(day: $0, x: probe.x($0), label: TimeScale.label($0, step: step)) }
                guard let (labelled, context) = TimeScale.namedPeriods(ticks, step: step, first: first, last: last, probe: probe,
                                                                       font: font, measurer: measurer, gap: gap, lo: lo, hi: hi) else { continue }
                // Airy is a matter of the ticks; apart, of the labels (an end label moved inward
                // must still keep its gap). Years are the unit a reader counts in: a step of years
                // is airy enough once its labels keep their gap (1942 to 1946 at column width,
                // not every other year), where finer steps keep 4.5 em.
                let widths = labelled.map { measurer.width($0.label ?? "", font: font) }
                let airy = step.unit == .year ? 0 : spacing
                let apart = TimeScale.labelGap(step, font: font)
                let spacingOK = labelled.indices.dropFirst().allSatisfy { i in
                    let a = labelled[i - 1], b = labelled[i]
                    return b.x - a.x >= airy && b.labelX - a.labelX >= (widths[i - 1] + widths[i]) / 2 + TimeScale.clearance(a, b, gap: apart)
                }
                if spacingOK && labelled.count >= 2 {
                    chosen = (step, labelled, context)
                    break passes
                }
                if chosen == nil, spacingOK, !labelled.isEmpty, spacing == 0 { chosen = (step, labelled, context) }
            }
        }
        let picked = chosen ?? (TickStep(.year, 100), [], [])
        self.step = picked.step
        // Whatever happened, no two labels may collide: drop any tick whose label would.
        self.ticks = TimeScale.removeCollisions(picked.ticks, font: font, measurer: measurer, gap: TimeScale.labelGap(picked.step, font: font))
        minorTicks = TimeScale.minorTicks(step: picked.step, first: first, last: last, probe: probe)
        context = picked.context
    }

    /// The ticks of a step with every tick labelled and every period (year, or month under
    /// day and week ticks) that holds a tick named; nil when that cannot be done at this step.
    /// Ticks whose label would reach beyond `lo...hi` are not drawn (a tick is never left
    /// without its label). A period whose name does not fit in the context row under its own
    /// stretch of the axis is named on its first tick instead: "1800" on the January tick
    /// (never "Jan" over a row that names only the year before), "Apr 1799" on a first tick
    /// inside the year.
    static func namedPeriods(_ ticks: [TimeTick], step: TickStep, first: Day, last: Day, probe: TimeScaleProbe,
                             font: FontSpec, measurer: TextMeasurer, gap: Double, lo: Double, hi: Double)
        -> (ticks: [TimeTick], context: [TimeContextLabel])? {
        // A label is centred on its tick; the first and last ticks' labels, and a label naming
        // a period, may move inward (still over their tick) at the ends of the axis, so that an
        // end tick ("1946" on the axis's last day) keeps its label rather than the whole step
        // being given up for a coarser one. Any other tick whose label would leave the page is
        // left out.
        func fitted(_ t: TimeTick, shift: Bool) -> TimeTick? {
            guard let l = t.label else { return nil }
            let w = measurer.width(l, font: font)
            guard w <= hi - lo, t.x >= lo, t.x <= hi else { return nil }
            var u = t
            u.labelX = min(max(t.x, lo + w / 2), hi - w / 2)
            return shift || u.labelX == t.x ? u : nil
        }
        func startsPeriod(_ d: Day) -> Bool {
            switch step.unit {
            case .year: return false
            case .month: return d.month == 1 && d.day == 1
            case .day, .week: return d.day == 1
            }
        }
        let firstDay = ticks.first?.day, lastDay = ticks.last?.day
        var kept = ticks.compactMap { fitted($0, shift: startsPeriod($0.day) || $0.day == firstDay || $0.day == lastDay) }
        guard step.unit != .year else { return (kept, []) }
        let context = contextLabels(step: step, first: first, last: last, probe: probe, font: font, measurer: measurer, gap: gap, hi: hi)
        let named = Set(context.map(\.label))
        var namedByTick = Set<String>()
        var out: [TimeTick] = []
        for var t in kept {
            let name = periodName(t.day, step: step)
            if named.contains(name) || namedByTick.contains(name) {
                out.append(t)
                continue
            }
            // The first tick of a period that the context row does not name carries the name;
            // when the longer label does not fit, the tick is left out and the next one tries.
            let atStart = startsPeriod(t.day)
            let tick = t.label ?? ""
            t.label = atStart ? (step.unit == .month ? name : tick + " " + monthAbbreviations[t.day.month - 1] + " " + YearLabel.text(t.day.year))
                              : tick + " " + name
            guard let placed = fitted(t, shift: true) else { continue }
            namedByTick.insert(name)
            out.append(placed)
        }
        kept = out
        return kept.isEmpty ? nil : (kept, context)
    }

    /// The name of the period a tick of `step` lies in, as the context row writes it.
    static func periodName(_ d: Day, step: TickStep) -> String {
        step.unit == .month ? YearLabel.text(d.year) : "\(monthNames[d.month - 1]) \(YearLabel.text(d.year))"
    }

    /// The days a step puts ticks on within `first...last`, on period boundaries (1st of the
    /// month, Mondays, January 1 of years divisible by the count).
    static func tickDays(step: TickStep, first: Day, last: Day) -> [Day] {
        var out: [Day] = []
        switch step.unit {
        case .day:
            var o = first.ordinal
            while o % step.count != 0 { o += 1 }
            while o <= last.ordinal + 1 { out.append(Day(ordinal: o)); o += step.count }
        case .week:
            // 1970-01-05 was a Monday (ordinal 4).
            var o = first.ordinal
            while ((o - 4) % (7 * step.count) + 7 * step.count) % (7 * step.count) != 0 { o += 1 }
            while o <= last.ordinal + 1 { out.append(Day(ordinal: o)); o += 7 * step.count }
        case .month:
            var y = first.year, m = first.month
            if first.day != 1 { m += 1; if m > 12 { m = 1; y += 1 } }
            while (m - 1) % step.count != 0 { m += 1; if m > 12 { m = 1; y += 1 } }
            while let d = Day(year: y, month: m, day: 1), d.ordinal <= last.ordinal + 1 {
                out.append(d)
                m += step.count
                while m > 12 { m -= 12; y += 1 }
            }
        case .year:
            // Round years as each era counts them (`YearLabel.isRound`): there is no year 0.
            var y = YearLabel.firstRound(atOrAfter: first.year + (first.month == 1 && first.day == 1 ? 0 : 1), every: step.count)
            while let d = Day(year: y, month: 1, day: 1), d.ordinal <= last.ordinal + 1 {
                out.append(d)
                y = YearLabel.nextRound(after: y, every: step.count)
            }
        }
        return out
    }

    static let monthAbbreviations = MonthNames.abbreviated
    static let monthNames = MonthNames.full

    static func label(_ d: Day, step: TickStep) -> String {
        switch step.unit {
        case .day, .week: return String(d.day)
        case .month: return monthAbbreviations[d.month - 1]
        case .year: return YearLabel.text(d.year)
        }
    }

    /// Drops ticks (left to right) whose label would come closer than `gap` to the previous
    /// kept one, and ticks without a label: a tick is drawn with its label or not at all.
    static func removeCollisions(_ ticks: [TimeTick], font: FontSpec, measurer: TextMeasurer, gap: Double) -> [TimeTick] {
        var lastRight = -Double.infinity
        var previous: TimeTick?
        return ticks.filter { t in
            guard let l = t.label else { return false }
            let w = measurer.width(l, font: font)
            if let p = previous, t.labelX - w / 2 < lastRight + clearance(p, t, gap: gap) { return false }
            lastRight = t.labelX + w / 2
            previous = t
            return true
        }
    }

    /// The clear space between two tick labels of `step`: 1.2 em, or 1 em between years, which
    /// read as separate numbers at that distance (every year of 1941-1945 at column width).
    static func labelGap(_ step: TickStep, font: FontSpec) -> Double {
        font.size * (step.unit == .year ? 1 : 1.2)
    }

    /// The clear space two neighbouring labels keep: `gap`, or half of it beside a label moved
    /// inward at an end of the axis, whose edge the page's edge already marks.
    static func clearance(_ a: TimeTick, _ b: TimeTick, gap: Double) -> Double {
        a.labelX != a.x || b.labelX != b.x ? gap / 2 : gap
    }

    static func minorTicks(step: TickStep, first: Day, last: Day, probe: TimeScaleProbe) -> [Double] {
        let finer: TickStep?
        switch (step.unit, step.count) {
        case (.year, 1): finer = TickStep(.month, 3)
        case (.year, _): finer = TickStep(.year, 1)
        case (.month, 6), (.month, 3), (.month, 2): finer = TickStep(.month, 1)
        case (.week, 2): finer = TickStep(.week, 1)
        case (.week, 1), (.day, 2): finer = TickStep(.day, 1)
        default: finer = nil
        }
        guard let finer else { return [] }
        let days = tickDays(step: finer, first: first, last: last)
        guard days.count >= 2, days.count < 2000 else { return [] }
        let xs = days.map { probe.x($0) }
        // Only when they stay apart enough to read as ticks.
        guard xs[1] - xs[0] >= 2.5 else { return [] }
        let majors = Set(tickDays(step: step, first: first, last: last))
        return zip(days, xs).filter { !majors.contains($0.0) }.map(\.1)
    }

    /// Years under day, week and month ticks ("June 1944" under days and weeks).
    /// Each label lies under its own period: centred on the period's visible stretch, moved
    /// right when the stretch is short (never left of the period's start, never past its end
    /// but for the last period, which may reach `hi`), and left out when it cannot.
    static func contextLabels(step: TickStep, first: Day, last: Day, probe: TimeScaleProbe, font: FontSpec,
                              measurer: TextMeasurer, gap: Double, hi: Double = .infinity) -> [TimeContextLabel] {
        let period: TickStep
        switch step.unit {
        case .year: return []
        case .month: period = TickStep(.year, 1)
        case .day, .week: period = TickStep(.month, 1)
        }
        var starts = tickDays(step: period, first: first, last: last)
        if starts.first != first { starts.insert(first, at: 0) }
        var out: [TimeContextLabel] = []
        var lastRight = -Double.infinity
        for (i, s) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : last.adding(days: 1)
            if s > last { break }
            let a = probe.x(s), b = min(probe.x(end), probe.x1)
            let text = period.unit == .year ? YearLabel.text(s.year) : "\(monthNames[s.month - 1]) \(YearLabel.text(s.year))"
            let w = measurer.width(text, font: font)
            let isLast = end > last
            let right = isLast ? max(b, min(hi, probe.x1 + w)) : b
            // Centred when it fits; else as far left as its period and the previous label allow.
            var mid = (a + b) / 2
            mid = max(mid, a + w / 2 + (i == 0 ? 0 : gap / 4), lastRight + gap + w / 2)
            guard mid + w / 2 <= right - (isLast ? 0 : gap / 4) else { continue }
            out.append(TimeContextLabel(label: text, x: mid, startX: a, endX: b))
            lastRight = mid + w / 2
        }
        return out
    }
}

/// The linear day-to-x map alone, used while the scale is being chosen.
struct TimeScaleProbe {
    var domainStart: Double
    var domainEnd: Double
    var x0: Double
    var x1: Double

    func x(_ day: Day) -> Double {
        x0 + (Double(day.ordinal) - domainStart) / (domainEnd - domainStart) * (x1 - x0)
    }
}
