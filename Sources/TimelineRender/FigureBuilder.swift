import Analysis
import Correspondence
import Drawing
import Styling

/// Collects a figure's scene in three layers (bands and grids behind, data in the middle,
/// text in front) and lays out the parts every timeline figure shares: title, time axis,
/// event bands with their labels, value axes and legend. Text is measured as it is placed.
final class FigureBuilder {
    let style: FigureStyle
    let measurer: TextMeasurer
    private(set) var back: [SceneItem] = []
    private(set) var middle: [SceneItem] = []
    private(set) var front: [SceneItem] = []
    /// How the events were drawn: as shaded bands, as dashed lines (too short for a band at
    /// this width), or both; the legend explains what is drawn, not what the dates are.
    private(set) var eventDrawing = (bands: false, lines: false)

    init(style: FigureStyle, measurer: TextMeasurer) {
        self.style = style
        self.measurer = measurer
    }

    var width: Double { style.pageWidth }
    var left: Double { style.margin }
    var right: Double { style.pageWidth - style.margin }

    func addBack(_ item: SceneItem) { back.append(item) }
    /// Behind everything else (lane stripes under the event bands).
    func addBackmost(_ item: SceneItem) { back.insert(item, at: 0) }
    func addMiddle(_ item: SceneItem) { middle.append(item) }
    func addFront(_ item: SceneItem) { front.append(item) }
    func addFront(contentsOf items: [SceneItem]) { front.append(contentsOf: items) }
    /// Room for `count` more middle items (the range bars and reply arcs of a large corpus)
    /// and for everything else the figure will hold, allocated once: the scene is assembled
    /// in the middle layer's storage (see `scene(height:)`).
    func reserve(middle count: Int) {
        middle.reserveCapacity(back.count + middle.count + count + front.count + 4_096)
    }
    func addMiddle(contentsOf items: [SceneItem]) { middle.append(contentsOf: items) }

    @discardableResult
    func text(_ s: String, x: Double, baseline: Double, font: FontSpec, color: PaintColor? = nil, anchor: TextAnchor = .start) -> SceneText {
        let t = measurer.text(s, x: x, baseline: baseline, font: font, color: color ?? style.ink, anchor: anchor)
        front.append(.text(t))
        return t
    }

    func line(_ a: Point, _ b: Point, color: PaintColor, width: Double, dash: [Double] = [], layer: Layer = .back) {
        add(.line(SceneLine(from: a, to: b, color: color, width: width, dash: dash)), layer)
    }

    enum Layer { case back, middle, front }

    func add(_ item: SceneItem, _ layer: Layer) {
        switch layer {
        case .back: back.append(item)
        case .middle: middle.append(item)
        case .front: front.append(item)
        }
    }

    /// The finished scene, `height` points tall. The layers are moved into it, which leaves
    /// the builder empty. The middle one, the largest for a large corpus (its range bars and
    /// arcs; marks come in runs, see `SceneMarkRun`), is not copied: the others are put around
    /// it, in its storage when `reserve(middle:)` made room.
    func scene(height: Double) -> Scene {
        var items: [SceneItem] = []
        swap(&items, &middle)
        items.reserveCapacity(back.count + items.count + front.count)
        items.insert(contentsOf: back, at: 0)
        items.append(contentsOf: front)
        back = []
        front = []
        return Scene(width: width, height: height, background: style.paper, items: items)
    }

    // MARK: Title

    /// Title and a note line under it (wrapped to the width); returns the y below them. When
    /// the style leaves titles to the caption, nothing is drawn.
    func title(_ title: String, note: String, top: Double) -> Double {
        guard style.showTitle else { return top }
        let title = style.titleText ?? title
        var y = top
        for line in wrap(title, font: style.titleFont, width: right - left) {
            let m = measurer.measure(line, font: style.titleFont)
            y += m.ascent
            text(line, x: left, baseline: y, font: style.titleFont)
            y += m.descent
        }
        for line in wrap(note, font: style.noteFont, width: right - left) {
            let m = measurer.measure(line, font: style.noteFont)
            y += m.ascent + 1.5
            text(line, x: left, baseline: y, font: style.noteFont, color: style.muted)
            y += m.descent
        }
        return y
    }

    /// Words of `s` in lines no wider than `width`.
    func wrap(_ s: String, font: FontSpec, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if measurer.width(candidate, font: font) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { fitted($0, font: font, width: width) }
    }

    /// `s`, shortened with an ellipsis when wider than `width`.
    func fitted(_ s: String, font: FontSpec, width: Double) -> String {
        guard measurer.width(s, font: font) > width else { return s }
        var chars = Array(s)
        while !chars.isEmpty && measurer.width(String(chars) + "…", font: font) > width { chars.removeLast() }
        return String(chars) + "…"
    }

    // MARK: Time axis

    /// A time scale for the plot's horizontal extent; labels may reach into the margins.
    /// With `valueAxis`, labels stay within the plot's width on the left, clear of the value
    /// axis's labels.
    func timeScale(from: Day, to: Day, x0: Double, x1: Double, valueAxis: Bool = false) -> TimeScale {
        TimeScale(from: from, to: to, x0: x0, x1: x1, font: style.tickFont, measurer: measurer,
                  overhang: valueAxis ? 0 : max(0, min(x0 - left, right - x1, style.margin)))
    }

    /// The days drawn for a data range: padded by 1.5% (at least a day) on each side.
    static func paddedRange(_ from: Day, _ to: Day) -> (Day, Day) {
        let pad = max(1, from.days(to: to) * 15 / 1000)
        return (from.adding(days: -pad), to.adding(days: pad))
    }

    /// Axis line, ticks and labels under the plot, and vertical grid lines through it; returns
    /// the y below the labels.
    func timeAxis(_ scale: TimeScale, plotTop: Double, plotBottom: Double) -> Double {
        let tickFont = style.tickFont
        let m = measurer.measure("0", font: tickFont)
        let axisColor = style.axisColor ?? style.ink
        line(Point(x: scale.x0, y: plotBottom), Point(x: scale.x1, y: plotBottom), color: axisColor, width: style.axisWidth, layer: .front)
        if style.minorTickLength > 0 {
            for x in scale.minorTicks {
                line(Point(x: x, y: plotBottom), Point(x: x, y: plotBottom + style.minorTickLength), color: axisColor,
                     width: style.axisWidth * 0.7, layer: .front)
            }
        }
        let labelBaseline = plotBottom + style.tickLength + style.tickLabelGap + m.ascent
        for t in scale.ticks {
            if style.gridShow {
                line(Point(x: t.x, y: plotTop), Point(x: t.x, y: plotBottom), color: style.grid, width: style.gridWidth, dash: style.gridDash)
            }
            line(Point(x: t.x, y: plotBottom), Point(x: t.x, y: plotBottom + style.tickLength), color: axisColor, width: style.axisWidth, layer: .front)
            if let l = t.label { text(l, x: t.labelX, baseline: labelBaseline, font: tickFont, anchor: .center) }
        }
        var bottom = labelBaseline + m.descent
        if !scale.context.isEmpty {
            let contextBaseline = bottom + 1.5 + m.ascent
            for c in scale.context {
                text(c.label, x: c.x, baseline: contextBaseline, font: tickFont, color: style.ink, anchor: .center)
            }
            // Period boundaries: a separator in the context row, below the tick labels.
            for c in scale.context where c.startX > scale.x0 + 0.5 {
                line(Point(x: c.startX, y: bottom + 0.5), Point(x: c.startX, y: contextBaseline + m.descent), color: style.muted, width: style.axisWidth * 0.7, layer: .front)
            }
            bottom = contextBaseline + m.descent
        }
        return bottom
    }

    /// The height `timeAxis` takes below the plot for `scale`.
    func axisHeight(_ scale: TimeScale) -> Double {
        let m = measurer.measure("0", font: style.tickFont)
        return style.tickLength + style.tickLabelGap + m.height + (scale.context.isEmpty ? 0 : 1.5 + m.height)
    }

    // MARK: Event bands

    /// The most events a figure labels (and so draws).
    static let maxEvents = 5

    /// Event labels placed in up to two staggered rows above the plot.
    struct EventLabels {
        var events: [HistoricalEvent]
        var placed: [LabelPlacement]
        var omitted: [String]
        var rowHeight: Double
        var rows: Int
        var height: Double { Double(rows) * rowHeight + (rows > 0 ? 3 : 0) }
    }

    /// Places the labels of the events in the scale's range (before the plot's height is known).
    /// With `valueAxis`, labels keep clear of the value axis's labels left of the plot.
    func placeEventLabels(_ events: [HistoricalEvent], scale: TimeScale, valueAxis: Bool = false) -> EventLabels {
        let font = style.bandFont
        let m = measurer.measure("Xg", font: font)
        let shown = events.filter { $0.overlaps(from: scale.firstDay, to: scale.lastDay) }
        let requests = shown.map { e in
            LabelRequest(key: e.id, anchorX: anchorX(e, scale), width: measurer.width(e.label, font: font), priority: e.priority)
        }
        let lo = valueAxis ? scale.x0 : scale.x0 - min(style.margin, scale.x0 - left)
        let placer = LabelPlacer(rows: 2, gap: font.size * 0.6, lo: lo, hi: right, leaders: true)
        var (placed, omitted) = placer.place(requests)
        // At most a handful are labelled (the highest priority first, then the earliest), and
        // only labelled events are drawn: a band without a name would read as data.
        if placed.count > FigureBuilder.maxEvents {
            let priority = Dictionary(shown.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
            let order = Dictionary(shown.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let kept = Set(placed.sorted { (-(priority[$0.key] ?? 0), order[$0.key] ?? 0) < (-(priority[$1.key] ?? 0), order[$1.key] ?? 0) }
                .prefix(FigureBuilder.maxEvents).map(\.key))
            omitted += placed.filter { !kept.contains($0.key) }.map(\.key)
            placed = placed.filter { kept.contains($0.key) }
        }
        let labelled = Set(placed.map(\.key))
        let rows = (placed.map(\.row).max() ?? -1) + 1
        return EventLabels(events: shown.filter { labelled.contains($0.id) }, placed: placed, omitted: omitted,
                           rowHeight: m.height + 1.5, rows: rows)
    }

    private func anchorX(_ e: HistoricalEvent, _ scale: TimeScale) -> Double {
        let a = max(scale.xStart(e.start), scale.x0), b = min(scale.xEnd(e.end), scale.x1)
        return (a + b) / 2
    }

    /// Draws the bands (shaded spans, or lines for short events) through the plot and their
    /// labels above it, `labelsTop` being the top of the label rows.
    func drawEvents(_ labels: EventLabels, scale: TimeScale, labelsTop: Double, plotTop: Double, plotBottom: Double) {
        let font = style.bandFont
        let m = measurer.measure("Xg", font: font)
        for e in labels.events {
            let a = max(scale.xStart(e.start), scale.x0), b = min(scale.xEnd(e.end), scale.x1)
            if b - a >= 2 {
                eventDrawing.bands = true
                back.insert(.rect(SceneRect(rect: Rect(x: a, y: plotTop, width: b - a, height: plotBottom - plotTop), fill: style.bandFill)), at: 0)
                // Dashed edges: a band is an annotation, not data, also in grey print.
                for x in [a, b] {
                    line(Point(x: x, y: plotTop), Point(x: x, y: plotBottom), color: style.bandLine, width: style.gridWidth, dash: [1.5, 1.5])
                }
            } else {
                eventDrawing.lines = true
                line(Point(x: (a + b) / 2, y: plotTop), Point(x: (a + b) / 2, y: plotBottom), color: style.bandLine, width: style.gridWidth * 1.5, dash: FigureBuilder.eventDash)
            }
        }
        let byID = Dictionary(labels.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for p in labels.placed {
            guard let e = byID[p.key] else { continue }
            // Row 0 sits just above the plot; higher rows further up.
            let rowFromTop = labels.rows - 1 - p.row
            let baseline = labelsTop + Double(rowFromTop) * labels.rowHeight + m.ascent
            text(e.label, x: p.left, baseline: baseline, font: font, color: style.bandLabel)
            let leaderTop = baseline + m.descent + 0.5
            if plotTop - leaderTop > 1 {
                line(Point(x: p.anchorX, y: leaderTop), Point(x: p.anchorX, y: plotTop), color: style.bandLine, width: style.gridWidth, layer: .front)
            }
        }
    }

    // MARK: Legend

    /// The dashes of an event drawn as a line.
    static let eventDash: [Double] = [2, 1.5]

    /// The legend entries of the events drawn (`drawEvents` first): a band sample when some
    /// are shaded spans, a dashed line when some are too short for a band at this width.
    func eventLegend(_ labels: EventLabels) -> [LegendEntry] {
        guard !labels.events.isEmpty else { return [] }
        var out: [LegendEntry] = []
        if eventDrawing.bands { out.append(LegendEntry(.band(style.bandFill), "event named above the plot")) }
        if eventDrawing.lines {
            out.append(LegendEntry(.line(style.bandLine, dash: FigureBuilder.eventDash, width: style.gridWidth * 1.5),
                                   eventDrawing.bands ? "event too short for a band, named above the plot" : "event named above the plot"))
        }
        return out
    }

    /// The most room the event legend can take, for planning a figure before its events are
    /// drawn: both entries when `events` has any in the figure's range.
    func eventLegendEstimate(_ events: EventCalendar, from: Day, to: Day) -> [LegendEntry] {
        events.events(from: from, to: to).isEmpty ? [] : [
            LegendEntry(.band(style.bandFill), "event named above the plot"),
            LegendEntry(.line(style.bandLine, dash: FigureBuilder.eventDash, width: style.gridWidth * 1.5), "event too short for a band, named above the plot"),
        ]
    }

    /// The legend in rows across the width; returns the y below it.
    @discardableResult
    func legend(_ entries: [LegendEntry], top: Double) -> Double {
        // No entries take no room, as `legendHeight` says (a figure plans with it).
        entries.isEmpty ? top : legendRows(entries, top: top, draw: true)
    }

    /// The height `legend` takes for `entries`.
    func legendHeight(_ entries: [LegendEntry]) -> Double {
        entries.isEmpty ? 0 : legendRows(entries, top: 0, draw: false)
    }

    private var swatchSize: Double { style.legendSwatch ?? max(8, style.markSize * 2.2) }

    private func legendRows(_ entries: [LegendEntry], top: Double, draw: Bool) -> Double {
        let font = style.legendFont
        let m = measurer.measure("Xg", font: font)
        let swatch = swatchSize
        let gap = style.legendGap ?? font.size * 1.4
        let rowHeight = max(m.height, swatch) + 3
        var x = left, y = top + max(m.ascent, swatch / 2 + m.ascent / 2)
        var rowHasItems = false
        for entry in entries {
            let sw = entry.swatch == .none ? -3 : swatchWidth(entry.swatch, swatch)
            // A label wider than the legend is wrapped, never cut: a legend's claim is read whole.
            let lines = wrap(entry.label, font: font, width: right - left - sw - 3)
            let w = sw + 3 + (lines.map { measurer.width($0, font: font) }.max() ?? 0)
            // A note without a sample starts a row of its own: beside a sample it would read
            // as part of that sample's label ("by A above a lane's line…").
            if rowHasItems && (x + w > right || lines.count > 1 || entry.swatch == .none) {
                x = left
                y += rowHeight
                rowHasItems = false
            }
            if draw {
                let cy = y - m.ascent / 2 + m.descent / 2 - 0.5
                drawSwatch(entry.swatch, x: x, cy: cy, size: sw)
                for (index, line) in lines.enumerated() {
                    text(line, x: x + sw + 3, baseline: y + Double(index) * (m.height + 1), font: font)
                }
            }
            x += w + gap
            rowHasItems = true
            if lines.count > 1 {
                // The next entry starts a row of its own, below the wrapped lines.
                y += Double(lines.count - 1) * (m.height + 1)
                x = right + 1
            }
        }
        let bottom = y + max(m.descent, swatch / 2 - m.ascent / 2) + (style.legendFrame ? 2 : 0)
        if draw && style.legendFrame && !entries.isEmpty {
            front.append(.rect(SceneRect(rect: Rect(x: left - 1, y: top - 1, width: right - left + 2, height: bottom - top + 1),
                                         fill: nil, stroke: style.muted, strokeWidth: style.gridWidth)))
        }
        return bottom
    }

    /// A swatch's width: the square size, or as wide as an open date's mark and whisker.
    private func swatchWidth(_ s: LegendEntry.Swatch, _ size: Double) -> Double {
        if case .openDate = s { return max(size, style.markSize * 3.4 + 1) }
        return size
    }

    private func drawSwatch(_ s: LegendEntry.Swatch, x: Double, cy: Double, size: Double) {
        switch s {
        case .none:
            break
        case .mark(let shape, let fill, let stroke):
            front.append(.mark(SceneMark(center: Point(x: x + size / 2, y: cy), shape: shape, size: min(size, style.markSize * 1.3),
                                         fill: fill, stroke: stroke, strokeWidth: style.markStrokeWidth)))
        case .rect(let c):
            front.append(.rect(SceneRect(rect: Rect(x: x + 1, y: cy - size * 0.35, width: size - 2, height: size * 0.7), fill: c)))
        case .ringed(let c, let ring):
            let center = Point(x: x + size / 2, y: cy)
            front.append(.mark(SceneMark(center: center, shape: .circle, size: style.markSize, fill: c, stroke: c, strokeWidth: style.markStrokeWidth)))
            var r = self.ring(around: center)
            r.stroke = ring
            front.append(.mark(r))
        case .outlined(let c, let stroke):
            let w = style.markStrokeWidth
            front.append(.rect(SceneRect(rect: Rect(x: x + 1 + w / 2, y: cy - size * 0.35 + w / 2, width: size - 2 - w, height: size * 0.7 - w),
                                         fill: c, stroke: stroke, strokeWidth: w)))
        case .hatched(let c, let h):
            front.append(.rect(SceneRect(rect: Rect(x: x, y: cy - size * 0.5, width: size, height: size), fill: c, hatch: h)))
        case .band(let c):
            front.append(.rect(SceneRect(rect: Rect(x: x, y: cy - size * 0.5, width: size, height: size), fill: c, stroke: style.bandLine, strokeWidth: style.gridWidth)))
        case .line(let c, let dash, let w):
            line(Point(x: x, y: cy), Point(x: x + size, y: cy), color: c, width: w, dash: dash, layer: .front)
        case .range(let c, let hollow):
            line(Point(x: x, y: cy), Point(x: x + size, y: cy), color: c, width: style.markStrokeWidth, layer: .front)
            line(Point(x: x, y: cy - 1.5), Point(x: x, y: cy + 1.5), color: c, width: style.markStrokeWidth, layer: .front)
            line(Point(x: x + size, y: cy - 1.5), Point(x: x + size, y: cy + 1.5), color: c, width: style.markStrokeWidth, layer: .front)
            front.append(.mark(SceneMark(center: Point(x: x + size / 2, y: cy), shape: .circle, size: style.markSize,
                                         fill: hollow ? style.paper : c, stroke: c, strokeWidth: style.markStrokeWidth)))
        case .openDate(let c, let later, let shape):
            // The mark at the swatch's start (or end), its whisker across the swatch; a tick is
            // drawn as the figure draws it (an outline, no fill).
            let center = Point(x: later ? x + style.markSize / 2 + 0.5 : x + size - style.markSize / 2 - 0.5, y: cy)
            front.append(contentsOf: openWhisker(from: center, later: later, color: c, clearance: shape == .bar ? Self.tickClearance(style) : nil))
            front.append(.mark(SceneMark(center: center, shape: shape, size: style.markSize, fill: shape == .bar ? nil : c, stroke: c,
                                         strokeWidth: shape == .bar ? style.markStrokeWidth * 1.2 : style.markStrokeWidth)))
        }
    }

    /// The whisker of a letter dated from one side only (TEI/CMIF `notBefore` or `notAfter`
    /// alone, EDTF `../1681-06-23`): from the mark at its known day, a dotted line toward the
    /// open side ending in an open arrowhead, so it reads neither as an exact date (no line)
    /// nor as a closed range (a solid bar with end caps). The legend sample is drawn by it too.
    /// `clearance` is the mark's half width the whisker starts beyond (a topic's tick is thin).
    /// Within a plot (`within`, its x extent) the whisker is shortened to end at the plot's edge,
    /// never running into the lane labels or past the axis; its head is always drawn.
    func openWhisker(from c: Point, later: Bool, color: PaintColor, clearance: Double? = nil,
                     within bounds: ClosedRange<Double>? = nil) -> [SceneItem] {
        let head = style.markSize * 0.55
        let sign = later ? 1.0 : -1.0
        let gap = clearance ?? style.markSize * 0.5
        var length = style.markSize * 2.4
        if let bounds {
            let room = later ? bounds.upperBound - c.x - gap : c.x - gap - bounds.lowerBound
            length = min(length, max(room, head))
        }
        let tip = Point(x: c.x + sign * (gap + length), y: c.y)
        let start = Point(x: c.x + sign * gap, y: c.y)
        let w = style.markStrokeWidth
        return [
            .line(SceneLine(from: start, to: tip, color: color, width: w, dash: FigureBuilder.openDash)),
            .line(SceneLine(from: Point(x: tip.x - sign * head, y: c.y - head * 0.8), to: tip, color: color, width: w)),
            .line(SceneLine(from: Point(x: tip.x - sign * head, y: c.y + head * 0.8), to: tip, color: color, width: w)),
        ]
    }

    /// A ring in ink around the mark centred at `c`, clear of any shape's corners (a square's
    /// are √2 half-sizes out): no fill, no message (the mark it rings carries it).
    func ring(around c: Point) -> SceneMark {
        SceneMark(center: c, shape: .circle, size: style.markSize * 1.5 + style.markStrokeWidth + 1, fill: nil, stroke: style.ink,
                  strokeWidth: style.markStrokeWidth)
    }

    /// How far an open date's whisker reaches from its mark's centre (`openWhisker`), for the
    /// room a plot leaves at its ends.
    var openWhiskerReach: Double { style.markSize * (0.5 + 2.4) + style.markStrokeWidth }

    /// The least width of a range bar: its mark and a point each side, so that the bar's end
    /// caps show beyond the mark however short the bounds are at the figure's scale.
    var minimumRangeWidth: Double { style.markSize + 2 * style.markStrokeWidth + 2 }

    /// A range bar's colour: the writer's colour at the theme's range opacity, or more opaque
    /// where that would leave the bar under 3:1 against the paper (`PaintColor.translucent`).
    func rangeColor(_ color: PaintColor) -> PaintColor {
        color.translucent(style.rangeOpacity, keepingContrastOn: style.paper)
    }

    /// A length in points as the legend and caption write it: millimetres with one decimal.
    static func millimetres(_ points: Double) -> String {
        let tenths = Int((points * 254 / 72).rounded())
        return "\(tenths / 10).\(tenths % 10) mm"
    }

    /// The dash of an open date's whisker: short dots, unlike a range's solid bar.
    static let openDash: [Double] = [1, 1]

    /// How far beyond a tick (a `.bar` mark) its open whisker starts: the tick's stroke and a
    /// hair, so the whisker reads as the tick's own.
    static func tickClearance(_ style: FigureStyle) -> Double { style.markStrokeWidth * 1.2 + 0.5 }

    /// The legend's words for an open date's sample, the same in every figure that draws one
    /// (`OpenDateWording`, which the replies graph uses too).
    static func openDateLegend(later: Bool) -> String { OpenDateWording.legend(later: later) }

    /// The caption's sentence on `count` letters dated from one side only, the same in every
    /// figure that draws them; empty when there are none.
    static func openDateSentence(_ count: Int, later: Bool) -> String {
        count > 0 ? OpenDateWording.caption(count, later: later, noun: ("letter", "letters")) : ""
    }

    // MARK: Counted bins (past the marks budget)

    /// One drawn mark of a binned figure: the letters of one row within one time bin.
    struct CountedCell {
        var row: Int
        var bin: Int
        var count: Int
        /// The first letter counted (its id goes on the mark).
        var first: Int
        /// The key (writer, topic) its letters share; `mixed` when they do not.
        var key: String
        var mixed: Bool
    }

    /// The font of a count in a disc: a point under the tick labels and notes, never under
    /// the text floor (as the replies graph counts), upright.
    var countFont: FontSpec {
        var f = style.tickFont
        f.size = max(FigureStyle.minimumTextSize, min(style.tickFont.size, style.noteFont.size) - 1)
        f.bold = false
        f.italic = false
        return f
    }

    /// The diameter of a disc holding the number `n`: wide enough for it.
    func countDiameter(_ n: Int) -> Double {
        max(style.markSize * 1.25, measurer.width(String(n), font: countFont) + 3)
    }

    /// The letters of `rows` rows counted in a flat grid of time bins on `scale` (the replies
    /// graph's rule, `TimeBins`): bins as wide as the widest disc and 2 pt, widened (up to
    /// three passes) when a count needs more digits. `points` gives each drawn letter's row,
    /// day, entry index and key.
    /// - Complexity: O(p) per pass in the points (every letter's slots), at most three passes.
    func countBins(scale: TimeScale, rows: Int, points: [(row: Int, day: Day, entry: Int, key: String)],
                   room: (String) -> Double = { _ in 1 }) -> (bins: TimeBins, cells: [CountedCell]) {
        var step = countDiameter(99) + 2
        var result: (TimeBins, [CountedCell])?
        for _ in 0..<3 {
            let bins = TimeBins(scale: scale, minimumWidth: step)
            var grid = [Int32](repeating: -1, count: max(1, rows) * bins.count)
            var cells: [CountedCell] = []
            for p in points {
                let bin = bins.bin(of: p.day, on: scale)
                let cell = bins.cell(row: p.row, bin: bin)
                if grid[cell] < 0 {
                    grid[cell] = Int32(cells.count)
                    cells.append(CountedCell(row: p.row, bin: bin, count: 0, first: p.entry, key: p.key, mixed: false))
                }
                let i = Int(grid[cell])
                cells[i].count += 1
                if cells[i].key != p.key { cells[i].mixed = true }
            }
            result = (bins, cells)
            let needed = countStep(cells, room: room)
            if needed <= step + 1e-9 { break }
            step = needed
        }
        return result!
    }

    /// The text box every counted mark of `cells` gets: wide enough for the longest number.
    func countBox(_ cells: [CountedCell]) -> Double {
        cells.map { countDiameter($0.count) }.max() ?? style.markSize
    }

    /// The widest counted mark of `cells` (the text box times its shape's `room`; a mark of
    /// several writers is a disc) and its gap: the least room a row of them needs.
    func countStep(_ cells: [CountedCell], room: (String) -> Double = { _ in 1 }) -> Double {
        let box = countBox(cells)
        return (cells.map { box * ($0.mixed ? 1 : room($0.key)) }.max() ?? box) + 2
    }

    /// How much wider than a disc `shape` must be to hold the same number (`MarkerShape.textRoom`).
    static func textRoom(_ shape: MarkShape) -> Double {
        Styling.MarkerShape(rawValue: shape == .triangleDown ? "triangle_down" : shape.rawValue)?.textRoom ?? 1
    }

    /// Draws a disc `diameter` wide (one size for the whole figure, so that no disc reads as
    /// bigger for holding more digits: the number is the count) of `fill` at `c` holding the
    /// number `count`, in ink or paper, whichever reads better on the fill. With `outlined` the
    /// disc is paper ringed in `fill` (letters of several writers).
    func countedDisc(_ count: Int, at c: Point, fill: PaintColor, shape: MarkShape = .circle, outlined: Bool = false, diameter: Double,
                     messageID: String?) {
        let inside = outlined ? style.paper : fill
        front.append(.mark(SceneMark(center: c, shape: shape, size: diameter, fill: inside, stroke: fill,
                                     strokeWidth: style.markStrokeWidth * (outlined ? 1.5 : 1), messageID: messageID)))
        let fill = inside
        let m = measurer.measure("0", font: countFont)
        func lum(_ p: PaintColor) -> Double { 0.2126 * p.red + 0.7152 * p.green + 0.0722 * p.blue }
        let ink = abs(lum(fill) - lum(style.ink)) >= abs(lum(fill) - lum(style.paper)) ? style.ink : style.paper
        text(String(count), x: c.x, baseline: c.y + (m.ascent - m.descent) / 2, font: countFont, color: ink, anchor: .center)
    }

    /// The directions hatchings take, in order: diagonals first, and never horizontal, whose
    /// lines across a stacked bar would read as the borders of more stacks (more letters).
    static let hatchDirections: [Hatch.Direction] = [.rising, .falling, .cross, .vertical]

    /// Hatchings for categories (in legend order) whose colours would print as the same grey:
    /// the first of a look-alike group in `plainFirst` order (the largest areas first: a
    /// hatching over most of a figure would darken it all) gets none, the others a direction each.
    func hatches(for colors: [PaintColor], plainFirst: [Int]? = nil) -> [Hatch?] {
        var out = [Hatch?](repeating: nil, count: colors.count)
        var groups: [(luminance: Double, used: Int)] = []
        for i in plainFirst ?? Array(colors.indices) {
            let c = colors[i]
            let l = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
            if let g = groups.firstIndex(where: { abs($0.luminance - l) < 0.08 }) {
                let direction = Self.hatchDirections[groups[g].used % Self.hatchDirections.count]
                groups[g].used += 1
                let ink = l < 0.5 ? style.paper : style.ink
                out[i] = Hatch(direction: direction, spacing: 1.8, color: ink, width: 0.45)
            } else {
                groups.append((l, 0))
            }
        }
        return out
    }

    // MARK: Value axis

    /// Round tick values from 0 to at least `maxValue`: steps of 1, 2 or 5 times a power of
    /// ten, about `target` of them.
    static func niceTicks(maxValue: Double, target: Int = 5) -> [Double] {
        let top = max(maxValue, 1)
        let raw = top / Double(max(1, target))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let stepped = max(step, 1)
        var ticks: [Double] = []
        var v = 0.0
        while v < top + stepped * 0.999 {
            ticks.append(v)
            if v >= top { break }
            v += stepped
        }
        return ticks
    }

    /// A vertical value axis at `x` with labelled ticks (y from `yOf`), horizontal grid lines
    /// to `gridRight`, and a title reading upwards at `titleX`.
    func valueAxis(ticks: [(value: Double, label: String)], x: Double, gridRight: Double, yTop: Double, yBottom: Double,
                   yOf: (Double) -> Double, title: String, titleX: Double) {
        let font = style.tickFont
        let m = measurer.measure("0", font: font)
        line(Point(x: x, y: yTop), Point(x: x, y: yBottom), color: style.ink, width: style.axisWidth, layer: .front)
        var lastLabelTop = Double.infinity
        for t in ticks {
            let y = yOf(t.value)
            line(Point(x: x - 3, y: y), Point(x: x, y: y), color: style.ink, width: style.axisWidth, layer: .front)
            if y < yBottom - 0.5 {
                line(Point(x: x, y: y), Point(x: gridRight, y: y), color: style.grid, width: style.gridWidth)
            }
            // Bottom up: a label that would touch the one below it is left out (its tick stays).
            let baseline = y + m.ascent * 0.35
            if baseline + m.descent + 1 <= lastLabelTop {
                text(t.label, x: x - 4.5, baseline: baseline, font: font, anchor: .end)
                lastLabelTop = baseline - m.ascent
            }
        }
        let t = measurer.verticalText(title, baselineX: titleX, centerY: (yTop + yBottom) / 2, font: style.labelFont, color: style.ink)
        front.append(.text(t))
    }

    /// Widest of the labels in `font`.
    func widest(_ labels: [String], font: FontSpec) -> Double {
        labels.map { measurer.width($0, font: font) }.max() ?? 0
    }

    /// "22 June 1941", "15 March 44 BCE" (`YearLabel`: no astronomical years in a figure).
    static func longDate(_ d: Day) -> String { "\(d.day) \(MonthNames.full[d.month - 1]) \(YearLabel.text(d.year))" }

    /// The caption's sentence naming the events drawn on the figure (only those), with their dates.
    func eventSentence(_ labels: EventLabels) -> String {
        guard !labels.events.isEmpty else { return "" }
        return "Marked: " + labels.events.map { e in
            "\(e.name) (\(FigureBuilder.longDate(e.start))\(e.start == e.end ? "" : " – " + FigureBuilder.longDate(e.end)))"
        }.joined(separator: "; ") + "."
    }

    /// "1941–1945", "44 BCE – 1922", or one year.
    static func yearSpan(_ from: Day, _ to: Day) -> String {
        let a = YearLabel.text(from.year), b = YearLabel.text(to.year)
        // An en dash is spaced when either side has words in it ("44 BCE – 1922").
        return from.year == to.year ? a : a + (a.contains(" ") || b.contains(" ") ? " – " : "–") + b
    }

    /// First days of the months from `from`'s month to `to`'s month.
    static func months(from: Day, to: Day) -> [Day] {
        var out: [Day] = []
        var y = from.year, m = from.month
        while let d = Day(year: y, month: m, day: 1), d <= to {
            out.append(d)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return out
    }

    /// Index of `d`'s month in a list starting at `first`'s month.
    static func monthIndex(_ d: Day, from first: Day) -> Int {
        (d.year - first.year) * 12 + d.month - first.month
    }
}
