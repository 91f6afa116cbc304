/// The one rule for characters that no output may carry as they are: C0 control characters
/// other than tab, line feed and carriage return, DEL, the C1 controls, and the Unicode
/// non-characters (U+FDD0...U+FDEF and the last two code points of every plane). XML 1.0 forbids
/// or discourages them, Graphviz passes them into SVG unescaped, spreadsheets and terminals act
/// on them. Every writer (XML, SVG through DOT, JSON, CSV, terminal messages) replaces them
/// with U+FFFD through this rule, so a name reads the same in every output.
public enum UnsafeScalars {
    /// What an unsafe scalar is written as: the Unicode replacement character.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }                       // DEL and the C1 controls
        if v >= 0xFDD0 && v <= 0xFDEF { return true }
        return v & 0xFFFE == 0xFFFE                        // U+xFFFE and U+xFFFF in every plane
    }

    /// `text` with each unsafe scalar replaced by U+FFFD; the same string when there is none.
    /// - Complexity: O(n) in the length of `text`.
    public static func replaced(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isUnsafe(scalar) ? replacement : scalar) }
        return String(out)
    }
}
