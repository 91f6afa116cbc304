import Correspondence

/// A flat grid of equal time bins across a time scale: what a figure draws past its mark
/// budget, one mark per row and bin carrying the count of its messages, instead of a mark per
/// message (marks close in time would stack into shapes that read as counts, and the drawing
/// would grow with the corpus). The one rule for the replies graph and the timelines: bins as
/// wide as the widest counted mark plus a gap, as many as fit the scale's width.
public struct TimeBins: Sendable, Hashable {
    /// Page x of the left end of the first bin (the scale's left end).
    public let x0: Double
    /// Width of one bin, in points.
    public let width: Double
    /// Number of bins across the scale.
    public let count: Int
    /// Days one bin spans.
    public let daysPerBin: Double

    /// As many bins of at least `minimumWidth` points as fit `scale`, sharing its width equally.
    public init(scale: TimeScale, minimumWidth: Double) {
        count = max(1, Int((scale.x1 - scale.x0) / max(minimumWidth, 1e-9)))
        width = (scale.x1 - scale.x0) / Double(count)
        x0 = scale.x0
        daysPerBin = width / scale.pointsPerDay
    }

    /// The bin holding `day` (by the start of the day), clamped to the grid.
    public func bin(of day: Day, on scale: TimeScale) -> Int {
        min(count - 1, max(0, Int((scale.xStart(day) - x0) / width)))
    }

    /// Page x of the middle of `bin`, where its mark is drawn.
    public func centerX(_ bin: Int) -> Double { x0 + (Double(bin) + 0.5) * width }

    /// The index of (`row`, `bin`) in a flat grid of `rows` × `count` cells.
    public func cell(row: Int, bin: Int) -> Int { row * count + bin }

    /// How long a bin is, in words for captions and legends: "a day", "12 days", "about 3
    /// months", "about 120 years".
    public var span: String { Self.days(daysPerBin) }

    /// "a day", "12 days" (rounded up, at least a day) up to 59 days; past that in months, and
    /// from two years in years, each "about" (a month or a year is not a fixed number of days):
    /// "within 44887 days" told a reader of a catalogue of centuries nothing.
    public static func days(_ value: Double) -> String {
        let n = max(1, Int(value.rounded(.up)))
        if n == 1 { return "a day" }
        if n < 60 { return "\(n) days" }
        if n < 730 { return "about \(Int((Double(n) / 30.4375).rounded())) months" }
        return "about \(Int((Double(n) / 365.25).rounded())) years"
    }
}
