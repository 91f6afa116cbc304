/// A line's dash pattern: alternating on and off lengths in points, empty for a solid line.
/// Cairo takes the lengths as they are; Graphviz only knows named styles (`graphvizStyle`).
public struct DashPattern: Sendable, Hashable, CustomStringConvertible {
    /// On, off, on, off... lengths in points; empty means solid.
    public var lengths: [Double]

    public init(_ lengths: [Double]) {
        self.lengths = lengths
    }

    public static let solid = DashPattern([])

    /// Most lengths a sheet may give: a pattern is a few pairs, never a list to iterate at length.
    public static let maxLengths = 16

    public var isSolid: Bool { lengths.isEmpty }

    /// The nearest Graphviz line style: `solid`, `dashed` (long on-segments) or `dotted`.
    public var graphvizStyle: String {
        guard let on = lengths.first else { return "solid" }
        return on <= 1.5 ? "dotted" : "dashed"
    }

    /// The pattern scaled by a line width, so thick lines keep the same look.
    public func scaled(by factor: Double) -> DashPattern {
        DashPattern(lengths.map { $0 * factor })
    }

    /// `[4, 2]` as a sheet writes it.
    public var description: String {
        "[" + lengths.map(ThemeNumberFormat.text).joined(separator: ", ") + "]"
    }
}
