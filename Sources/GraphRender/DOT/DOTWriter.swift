import Correspondence
import Foundation

/// Writes DOT text that Graphviz reads back exactly as meant.
///
/// Every id and every text value is quoted, so DOT keywords (`node`, `edge`, `graph`,
/// `digraph`, `subgraph`, `strict`), ids starting with a digit, spaces and non-ASCII names
/// are all plain ids. Inside quotes only `"` needs escaping in an id; in a text attribute
/// backslashes are doubled and newlines become `\n`, because Graphviz expands escapes in
/// labels. Statements come out in the order they are added: the same model gives the same DOT.
///
/// Graphviz copies ids and labels into its SVG as they are, escaping only markup, so a control
/// character or non-character (`UnsafeScalars`) would make the SVG ill-formed: in text it is
/// replaced by U+FFFD; in an id it is written `%u{HEX}` (and `%` itself `%25`), which keeps two
/// ids that differ only there two nodes.
public struct DOTWriter: Sendable {
    private var lines: [String] = []
    private var depth = 1
    private let header: String

    public init(name: String, directed: Bool = true, strict: Bool = false) {
        header = (strict ? "strict " : "") + (directed ? "digraph " : "graph ") + Self.id(name) + " {"
        edgeOperator = directed ? "->" : "--"
    }

    private let edgeOperator: String

    /// Graph attributes (`graph [...]`).
    public mutating func graph(_ attributes: DOTAttributes) {
        statement("graph" + Self.list(attributes))
    }

    /// Default attributes of the nodes that follow.
    public mutating func nodeDefaults(_ attributes: DOTAttributes) {
        statement("node" + Self.list(attributes))
    }

    /// Default attributes of the edges that follow.
    public mutating func edgeDefaults(_ attributes: DOTAttributes) {
        statement("edge" + Self.list(attributes))
    }

    public mutating func node(_ id: String, _ attributes: DOTAttributes = []) {
        statement(Self.id(id) + Self.list(attributes))
    }

    public mutating func edge(_ tail: String, _ head: String, _ attributes: DOTAttributes = []) {
        statement(Self.id(tail) + " " + edgeOperator + " " + Self.id(head) + Self.list(attributes))
    }

    /// A subgraph (a cluster when `name` starts with "cluster"), filled by `body`.
    public mutating func subgraph(_ name: String, _ attributes: DOTAttributes = [], _ body: (inout DOTWriter) -> Void) {
        statement("subgraph " + Self.id(name) + " {")
        depth += 1
        if !attributes.isEmpty { graph(attributes) }
        body(&self)
        depth -= 1
        statement("}")
    }

    /// A comment line (`// ...`), for readers of the exported DOT; newlines are flattened.
    public mutating func comment(_ text: String) {
        statement("// " + UnsafeScalars.replaced(in: text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " "))
    }

    /// `dot` (a graph's text) with `attributes` set in a last graph statement, which wins over
    /// any earlier one: for settings known only once the figure is laid out (a PNG's `dpi`, the
    /// padding that centres a drawing on an exact page).
    public static func appendingGraphAttributes(_ dot: String, _ attributes: DOTAttributes) -> String {
        guard let close = dot.lastIndex(of: "}") else { return dot }
        return String(dot[..<close]) + "  graph" + list(attributes) + "\n" + String(dot[close...])
    }

    /// The finished DOT text.
    public var text: String {
        ([header] + lines + ["}"]).joined(separator: "\n") + "\n"
    }

    private mutating func statement(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    // MARK: Escaping

    /// An id, always quoted.
    ///
    /// cgraph reads a quoted id as written except that `\\` stays two backslashes, `\"` is
    /// a quote and backslash-newline is a line continuation. So a quote is written `\"` and
    /// everything else as it is, which is exact unless an odd run of backslashes comes right
    /// before a quote, a line break or the end: DOT cannot say that in quotes, and such a name
    /// is written as an HTML-like id `<...>` (read back verbatim). Only a name that is both
    /// (with unbalanced `<`/`>` as well) cannot be written exactly: a word joiner (U+2060) is
    /// then put after each such run.
    public static func id(_ raw: String) -> String {
        let name = encodingUnsafeScalars(raw)
        if !hasOddBackslashRunBeforeBreak(name) { return quotedID(name) }
        if hasBalancedAngleBrackets(name) { return "<" + name + ">" }
        return quotedID(separatingOddBackslashRuns(name))
    }

    /// `%` as `%25` and each unsafe scalar as `%u{HEX}`: one-to-one, so distinct names stay
    /// distinct nodes, and nothing Graphviz would copy raw into SVG remains.
    static func encodingUnsafeScalars(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0 == "%" || UnsafeScalars.isUnsafe($0) }) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar == "%" {
                out += "%25"
            } else if UnsafeScalars.isUnsafe(scalar) {
                out += "%u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func quotedID(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// True when an odd number of backslashes stands right before a quote, line break or the end.
    private static func hasOddBackslashRunBeforeBreak(_ name: String) -> Bool {
        var run = 0
        for scalar in name.unicodeScalars {
            if scalar == "\\" { run += 1; continue }
            if run % 2 == 1, scalar == "\"" || scalar == "\n" || scalar == "\r" { return true }
            run = 0
        }
        return run % 2 == 1
    }

    private static func hasBalancedAngleBrackets(_ name: String) -> Bool {
        var depth = 0
        for scalar in name.unicodeScalars {
            if scalar == "<" { depth += 1 } else if scalar == ">" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    private static func separatingOddBackslashRuns(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var run = 0
        for scalar in name.unicodeScalars {
            if scalar == "\\" { run += 1; out.append(scalar); continue }
            if run % 2 == 1, scalar == "\"" || scalar == "\n" || scalar == "\r" { out.append("\u{2060}") }
            run = 0
            out.append(scalar)
        }
        if run % 2 == 1 { out.append("\u{2060}") }
        return String(out)
    }

    /// A text attribute value: quoted, with backslashes doubled (Graphviz reads `\\` in a
    /// label as one backslash, and would otherwise expand `\N`, `\G`, `\E`...), quotes escaped
    /// and line breaks written as `\n` (centred lines).
    public static func text(_ value: String) -> String {
        var out = "\""
        for character in UnsafeScalars.replaced(in: value).unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": continue
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out + "\""
    }

    /// Text escaped for inside an HTML-like label: `&`, `<`, `>`, `"` as entities.
    public static func html(_ value: String) -> String {
        var out = ""
        for character in UnsafeScalars.replaced(in: value).unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A number as DOT expects it: no exponent, at most three decimals, no trailing zeros.
    public static func number(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func list(_ attributes: DOTAttributes) -> String {
        guard !attributes.isEmpty else { return "" }
        let items = attributes.map { key, value -> String in
            let rendered: String
            switch value {
            case .text(let text): rendered = Self.text(text)
            case .html(let markup): rendered = "<" + markup + ">"
            case .number(let number): rendered = "\"" + Self.number(number) + "\""
            case .lines(let lines, let justification):
                let escaped = lines.map { line in String(Self.text(line.replacingOccurrences(of: "\n", with: " ")).dropFirst().dropLast()) }
                rendered = "\"" + escaped.map { $0 + "\\" + justification.rawValue }.joined() + "\""
            }
            return id(key) + "=" + rendered
        }
        return " [" + items.joined(separator: ", ") + "]"
    }
}
