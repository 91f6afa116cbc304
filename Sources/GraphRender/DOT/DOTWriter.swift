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
/// replaced by U+FFFD; in an id it is written `¤HEX;` (and `¤` itself `¤A4;`), which keeps two
/// ids that differ only there two nodes. Graphviz also reads `&...;` in labels as an entity and
/// copies entity-like text into SVG unescaped (`&#0;` is not well-formed), so `&` is written
/// `&amp;` in text (shown as `&`) and `¤26;` in ids. Ids past `maxIDLength` are bounded.
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
        // Scalar by scalar (`ScalarText`): a line feed followed by a combining mark once left
        // the comment with the rest of the line (found by FuzzDOT).
        statement("// " + ScalarText.oneLine(UnsafeScalars.replaced(in: text)))
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

    /// Longest id written whole, in Unicode scalars; a longer one (a 100 kB name used as an id)
    /// keeps its first 80 scalars and the SHA-256 of the whole, so it stays distinct but
    /// Graphviz does not copy it whole into every `<title>` and comment of the SVG.
    public static let maxIDLength = 200

    /// The id as written into DOT: `¤` as `¤A4;`, `&` as `¤26;` (Graphviz copies `&#0;` or
    /// `&x;` into SVG as if it were an entity) and each unsafe scalar as `¤HEX;`, one to one, so
    /// distinct names stay distinct nodes; a leading `%` as `¤25;` (cgraph takes ids that begin
    /// with `%` for its own anonymous ones and loses the name); then bounded (`maxIDLength`).
    /// Every line break is written as `¤A;` or `¤D;`: cgraph reads the id of a lone line feed
    /// as the empty id, and drops a line break that follows a quote, either of which would
    /// make two names one node (both found by FuzzDOT). A name's own word joiner (U+2060) is
    /// written `¤2060;`, so the one `id` puts after an odd run of backslashes is never taken
    /// for it: `\` + U+2060 + `"` and `\"` stayed one node (FuzzDOT crash-6309c254).
    public static func encodingUnsafeScalars(_ name: String) -> String {
        var out = name
        func encoded(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "¤" || scalar == "&" || scalar == "\n" || scalar == "\r" || scalar == "\u{2060}" || UnsafeScalars.isUnsafe(scalar)
        }
        // The first scalar, not the first Character: `%` and a combining mark are one grapheme,
        // and `hasPrefix("%")` is false for it (FuzzDOT crash-672d8f40).
        if name.unicodeScalars.first == "%" || name.unicodeScalars.contains(where: encoded) {
            out = ""
            for (index, scalar) in name.unicodeScalars.enumerated() {
                if encoded(scalar) || (index == 0 && scalar == "%") {
                    out += "¤" + String(scalar.value, radix: 16, uppercase: true) + ";"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        guard out.unicodeScalars.count > maxIDLength else { return out }
        return String(String.UnicodeScalarView(out.unicodeScalars.prefix(80))) + "…¤" + SHA256.hex(Array(name.utf8)).prefix(16) + ";"
    }

    private static func quotedID(_ name: String) -> String {
        "\"" + ScalarText.replacing(in: name) { $0 == "\"" ? "\\\"" : nil } + "\""
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
    /// line breaks written as `\n` (centred lines) and `&` as `&amp;` (Graphviz reads entities in labels).
    ///
    /// A value of line breaks alone is written empty (`""`): Graphviz 2.43 aborts the process
    /// (an assertion in xlabels.c, `lblenclosing`) laying out a graph with an `xlabel` and an
    /// edge label that has lines but no character. Nothing visible is lost.
    public static func text(_ value: String) -> String {
        quoted(value, backslash: "\\\\")
    }

    /// A tooltip attribute value: like `text`, but each backslash written four times.
    ///
    /// Graphviz reads a tooltip's escapes twice: `\n` and `\\` first (`interpretCRNL`), then
    /// `\N`, `\G` and `\\` again (`strdup_and_subst_obj`). Written as in a label, `a\` reached
    /// the second step as `a` and an odd backslash, and 2.43 read and copied past the end of
    /// the string (issue 17: valgrind shows the read in `initMapData`; FuzzDOT's heap was
    /// corrupted by it after the same fix in HTML-like labels); `\N` became the node's name.
    public static func tooltip(_ value: String) -> String {
        quoted(value, backslash: "\\\\\\\\")
    }

    private static func quoted(_ value: String, backslash: String) -> String {
        if isLineBreaksAlone(value) { return "\"\"" }
        var out = "\""
        for character in UnsafeScalars.replaced(in: value).unicodeScalars {
            switch character {
            case "\\": out += backslash
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\r": continue
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out + "\""
    }

    /// True for a non-empty value of nothing but line ends.
    private static func isLineBreaksAlone(_ value: String) -> Bool {
        !value.isEmpty && value.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\r" }
    }

    /// Text escaped for inside an HTML-like label: `&`, `<`, `>`, `"` as entities, backslashes
    /// doubled, line breaks and tabs as spaces.
    ///
    /// Graphviz expands escapes in the text of an HTML-like label as in a label (`\N` is the
    /// node's name, `\\` one backslash), and 2.43 reads past the end of a text that ends in an
    /// odd backslash: it counts, allocates and copies whatever lies beyond, so the copy runs
    /// into the next heap block (issue 17: the corruption FuzzDOT saw much later, as a bad free
    /// of a Pango layout's font or a broken AddressSanitizer chunk in expat; valgrind shows
    /// the read at once). Doubled, every backslash is one backslash again. Graphviz's lexer
    /// drops a tab, which would leave a `<B>` of tabs empty, a syntax error.
    public static func html(_ value: String) -> String {
        var out = ""
        for character in UnsafeScalars.replaced(in: value).unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
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
            case .tooltip(let text): rendered = Self.tooltip(text)
            case .html(let markup): rendered = "<" + markup + ">"
            case .number(let number): rendered = "\"" + Self.number(number) + "\""
            case .lines(let lines, let justification):
                let escaped = lines.map { line in String(Self.text(ScalarText.oneLine(line)).dropFirst().dropLast()) }
                // Empty lines alone would be line breaks alone (see `text`): written empty.
                rendered = escaped.allSatisfy(\.isEmpty) ? "\"\""
                    : "\"" + escaped.map { $0 + "\\" + justification.rawValue }.joined() + "\""
            }
            return id(key) + "=" + rendered
        }
        return " [" + items.joined(separator: ", ") + "]"
    }
}
