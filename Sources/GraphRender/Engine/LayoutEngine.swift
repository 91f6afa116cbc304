/// A Graphviz layout program, by name. The six supported ones are named constants; any other
/// name is passed through so that Graphviz itself reports it as unknown.
public struct LayoutEngine: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public static let dot = LayoutEngine("dot")
    public static let neato = LayoutEngine("neato")
    public static let fdp = LayoutEngine("fdp")
    public static let sfdp = LayoutEngine("sfdp")
    public static let circo = LayoutEngine("circo")
    public static let twopi = LayoutEngine("twopi")
    /// neato with every position and every edge's spline taken from the DOT (`neato -n2`):
    /// Graphviz only draws. For figures that place nodes and links themselves.
    public static let pinned = LayoutEngine("nop2")

    /// The layouts Epistolary offers and `doctor` checks.
    public static let supported: [LayoutEngine] = [.dot, .neato, .fdp, .sfdp, .circo, .twopi]

    public var description: String { name }
}
