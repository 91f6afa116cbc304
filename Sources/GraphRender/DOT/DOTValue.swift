/// An attribute value in DOT: text (quoted and escaped, label escapes such as `\n` kept
/// meaningful), a tooltip (escaped for Graphviz's two readings of it), justified label lines,
/// an HTML-like label (`<...>`, markup written by the caller with `DOTWriter.html(_:)`
/// escaping its text), or a number.
public enum DOTValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    /// A tooltip: text whose escapes Graphviz reads twice (`DOTWriter.tooltip`).
    case tooltip(String)
    case html(String)
    case number(Double)
    /// Lines of a label, each justified left, centre or right (Graphviz's `\l`, `\n`, `\r`
    /// line ends), the text of each escaped like `text`.
    case lines([String], Justification)

    public enum Justification: String, Sendable {
        case left = "l", center = "n", right = "r"
    }

    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

/// An ordered attribute list (order kept so the DOT is the same every run).
public typealias DOTAttributes = [(String, DOTValue)]
