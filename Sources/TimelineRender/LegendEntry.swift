/// One entry of a figure's legend: a sample of what is drawn and what it means.
public struct LegendEntry: Sendable, Hashable {
    public enum Swatch: Sendable, Hashable {
        case mark(MarkShape, fill: PaintColor?, stroke: PaintColor)
        case rect(PaintColor)
        /// A disc of the first colour with a ring of the second around it (a letter between
        /// two correspondents, `FigureBuilder.ring(around:)`).
        case ringed(PaintColor, ring: PaintColor)
        /// A swatch filled with the first colour and outlined in the second (a hollow stack).
        case outlined(PaintColor, stroke: PaintColor)
        /// A filled swatch with a hatching over it.
        case hatched(PaintColor, Hatch)
        case line(PaintColor, dash: [Double], width: Double)
        /// A range bar with a mark at its middle, hollow when the figure draws such marks
        /// hollow: a date known only within bounds.
        case range(PaintColor, hollow: Bool)
        /// A mark (of the shape the figure draws letters with: a circle, a topic's tick) with an
        /// open whisker and arrowhead toward the side its date leaves open: toward later dates
        /// for a letter dated only "not before" a day, earlier for "not after".
        case openDate(PaintColor, later: Bool, shape: MarkShape)
        /// A shaded band (an event lasting several days).
        case band(PaintColor)
        /// Text only (a note such as "+3 more events").
        case none
    }

    public var swatch: Swatch
    public var label: String

    public init(_ swatch: Swatch, _ label: String) {
        self.swatch = swatch
        self.label = label
    }
}
