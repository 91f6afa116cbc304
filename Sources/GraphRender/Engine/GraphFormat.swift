/// An output format of a graph figure.
///
/// `svg` comes from Graphviz's core SVG device (real, searchable `<text>`), `png` and `pdf`
/// from its cairo plugin, and `dot` is the DOT source itself (DESIGN decision 1: the DOT that
/// is rendered is the DOT that is exported), checked by a full parse through cgraph.
public enum GraphFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The format a file name asks for by its extension, if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}
